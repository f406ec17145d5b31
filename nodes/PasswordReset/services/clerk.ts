import type { IDataObject } from 'n8n-workflow';

import { setOnFoundAccount, SUCCESS_STATUSES, objectWhere } from './answers';
import { isJsonObject, textAt } from '../kernel/json';
import type { ChainStep, ServiceProfile } from '../kernel/types';

/**
 * Clerk's Backend API, from its OpenAPI (`UsersApi.md`, `UpdateUserRequest.md` of Clerk's
 * generated Ruby client) and clerk.com's reference. Help desk only: Clerk has no server-side
 * reset email (resets are a sign-in flow in the front end; its reset codes reach n8n through
 * the Password Reset Trigger). Set Password finds the user by email address, then
 * `PATCH /v1/users/{id}` with the password (Clerk's length and breached-password checks stay on)
 * and `sign_out_of_other_sessions`; Require Change marks the password compromised
 * (`set_compromised`), so the user must reset it at the next sign-in. Errors:
 * `{errors: [{code, message, long_message}]}`. Not run against a real Clerk here (SaaS).
 */
const clerkCode = (body: IDataObject) => textAt(body, 'errors.0.code');

/** Each user of the search as `{id, email}`, once per email address, for the exact match. */
const usersByAddress = (answers: unknown[]) =>
	(Array.isArray(answers[0]) ? answers[0] : []).flatMap((user: unknown) =>
		isJsonObject(user) && Array.isArray(user.email_addresses)
			? (user.email_addresses as unknown[]).filter(isJsonObject).map((address) => ({ id: user.id, email: address.email_address }))
			: [],
	);

const userIdOf = (answers: unknown[], email: string) =>
	String(usersByAddress(answers).find((user) => String(user.email).toLowerCase() === email.toLowerCase())?.id ?? '');

const clerkUser = objectWhere((body) => body.object === 'user' && typeof body.id === 'string');

/** Require Change: the password marked compromised, sessions left as the set left them. */
const markCompromised: ChainStep = {
	method: 'POST',
	path: '/v1/users/{clerkUserId}/password/set_compromised',
	when: ({ choices }) => choices.requireChange,
	fields: () => ({ revoke_all_sessions: false }),
	pathValues: (answers, { email }) => ({ clerkUserId: userIdOf(answers, email) }),
	headers: () => ({}),
	secrets: () => [],
	isSuccess: clerkUser,
	missingMessage: 'Clerk answered the set without what marking the password needs: the password was set, but not marked to be changed',
};

export const clerk: ServiceProfile = {
	id: 'clerk',
	displayName: 'Clerk',
	setup: {
		checked: "Clerk's Backend API OpenAPI and reference; the sandbox",
		baseUrl: '`https://api.clerk.com` (the default)',
		notes:
			"**API Key**: the instance's Secret Key (`sk_live_…` or `sk_test_…`, Dashboard → API keys). Help desk only: Clerk sends no reset email from a server, so Send Reset Email and Reset Password fail with `not_supported`; receive its reset codes with the Password Reset Trigger instead. Set Password: the user by email address, then the password (Clerk's minimum length and breached-password check apply: `weak_password`); Sign Out Other Sessions ends the user's other sessions; Require Change marks the password compromised, so the user must reset it at the next sign-in. Not run against a real Clerk here.",
	},
	baseUrl: { placeholder: 'e.g. https://api.clerk.com', default: 'https://api.clerk.com' },
	credentialTest: {
		method: 'GET',
		path: '/v1/users/count',
		passes: SUCCESS_STATUSES,
		proves: 'The Secret Key read the user count at this Base URL (nothing is changed)',
	},
	auth: {
		apiKey: { in: 'header', name: 'Authorization', prefix: 'Bearer ', required: true, description: 'The Secret Key (sk_live_… or sk_test_…) from the Clerk Dashboard → API keys, sent as a Bearer token' },
	},
	operations: {
		sendResetEmail: {
			notSupported:
				"Clerk sends reset codes only in its front-end sign-in flow, not from a server. Use Set Password, or receive Clerk's reset codes with the Password Reset Trigger",
		},
		createResetLink: {
			notSupported: "Clerk has no call that returns a reset link, and sends none from a server: use Set Password, or receive Clerk's reset codes with the Password Reset Trigger",
		},
		resetPassword: {
			notSupported: "Clerk's reset code is used in its front-end sign-in flow, not through its Backend API. Use Set Password",
		},
		setPassword: {
			method: 'GET',
			path: '/v1/users',
			requires: ['email', 'newPassword'],
			fields: ({ email }) => ({ email_address: email.toLowerCase() }),
			isSuccess: ({ body }) => Array.isArray(body),
			effects: {
				requireChange: "Clerk marks the password compromised (`set_compromised`): the user must reset it at the next sign-in",
				otherSessions: 'onRequest',
			},
			then: {
				...setOnFoundAccount({
					service: 'Clerk',
					method: 'PATCH',
					path: '/v1/users/{clerkUserId}',
					found: usersByAddress,
					fields: ({ newPassword, choices }) => ({ password: newPassword, sign_out_of_other_sessions: choices.signOutOtherSessions }),
					headers: () => ({}),
					isSuccess: clerkUser,
				}),
				then: markCompromised,
			},
		},
	},
	errorCodeOf: clerkCode,
	unknownAccount: [],
	errorRules: [
		{
			serviceCode: ['form_password_pwned', 'form_password_length_too_short', 'form_password_not_strong_enough', 'form_password_validation_failed', 'form_password_size_in_bytes_exceeded'],
			code: 'weak_password',
			message: ({ body }) => `Clerk refused the new password: ${textAt(body, 'errors.0.long_message') ?? textAt(body, 'errors.0.message') ?? 'it does not meet its password rules'}`,
		},
		{ serviceCode: ['authentication_invalid', 'authorization_invalid', 'authorization_header_format_invalid'], code: 'auth_failed', message: () => "Clerk refused the Secret Key: use the instance's sk_live_ or sk_test_ key" },
		{ serviceCode: 'resource_not_found', code: 'unexpected_response', message: () => 'Clerk no longer has the user its search found: nothing was changed' },
	],
};
