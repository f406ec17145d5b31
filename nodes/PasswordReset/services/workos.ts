import type { IDataObject } from 'n8n-workflow';

import { objectWhere, setOnFoundAccount, SUCCESS_STATUSES, urlHost } from './answers';
import { isJsonObject } from '../kernel/json';
import type { CredentialSettings, ServiceProfile } from '../kernel/types';

/**
 * WorkOS User Management (AuthKit), from `workos-node` (`user-management.ts`, its password reset
 * serializers) and workos.com's reference. Creating a password reset answers its token and its
 * `password_reset_url` (your app's page, set in the WorkOS dashboard) and mails nothing: that is
 * Create Reset Link; the SDK's old "send password reset email" is gone (V8 migration guide).
 * An unknown email answers 404 `entity_not_found` (the SDK's error type). Reset revokes every
 * session of the user (reference). Errors: `{code, message}`. Not run against a real WorkOS here.
 */
const workosCode = (body: IDataObject) => (typeof body.code === 'string' ? body.code : typeof body.error === 'string' ? body.error : undefined);

/** The host of the dashboard's Password Reset URL, where the links WorkOS answers lead. */
const resetPageHost = ({ workosResetUrl }: CredentialSettings) => urlHost(workosResetUrl);

export const workos: ServiceProfile = {
	id: 'workos',
	displayName: 'WorkOS',
	setup: {
		checked: "workos-node's user management module and WorkOS's API reference; the sandbox",
		baseUrl: '`https://api.workos.com` (the default)',
		notes:
			"**API Key**: the environment's API key (`sk_…`, Dashboard → API Keys). **Password Reset URL**: the one set in the WorkOS dashboard (Redirects → Password reset URL); Create Reset Link outputs only links on its host. WorkOS mails nothing when a reset is created, so Send Reset Email is not offered: use Create Reset Link and send the link with n8n (the help-desk example). Reset Password takes the `token` from that link; the reset ends every session of the user. Set Password: the user by email, then `PUT /user_management/users/{id}`. Not run against a real WorkOS here.",
		resetToken: 'The `token` in the password reset link',
	},
	baseUrl: { placeholder: 'e.g. https://api.workos.com', default: 'https://api.workos.com' },
	credentialFields: [
		{
			displayName: 'Password Reset URL',
			name: 'workosResetUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://app.example.com/reset-password',
			description: 'Only for Create Reset Link: the Password reset URL set in the WorkOS dashboard (Redirects). Links on any other host are refused.',
		},
	],
	credentialTest: {
		method: 'GET',
		path: '/user_management/users',
		fields: { limit: '1' },
		passes: SUCCESS_STATUSES,
		proves: 'The API key listed users at this Base URL (read only)',
	},
	auth: {
		apiKey: { in: 'header', name: 'Authorization', prefix: 'Bearer ', required: true, description: "The environment's API key (sk_…) from the WorkOS dashboard → API Keys, sent as a Bearer token" },
	},
	operations: {
		sendResetEmail: {
			notSupported: 'WorkOS creates a reset without mailing it. Use Create Reset Link, then send the link with your own email step',
		},
		createResetLink: {
			method: 'POST',
			path: '/user_management/password_reset',
			requires: ['email'],
			settingsProblem: (settings) =>
				resetPageHost(settings).length ? undefined : "Create Reset Link needs the credential's Password Reset URL: the one set in the WorkOS dashboard, where the links lead",
			fields: ({ email }) => ({ email }),
			linkHosts: resetPageHost,
			isSuccess: objectWhere((body) => body.object === 'password_reset'),
			answerSecrets: (answer) => [answer.password_reset_token].filter((value): value is string => typeof value === 'string'),
			resetLink: (answer) => (isJsonObject(answer) ? answer.password_reset_url : undefined),
		},
		resetPassword: {
			method: 'POST',
			path: '/user_management/password_reset/confirm',
			requires: ['resetToken', 'newPassword'],
			fields: ({ resetToken, newPassword }) => ({ token: resetToken, new_password: newPassword }),
			isSuccess: objectWhere((body) => isJsonObject(body.user)),
		},
		setPassword: {
			method: 'GET',
			path: '/user_management/users',
			requires: ['email', 'newPassword'],
			fields: ({ email }) => ({ email: email.toLowerCase() }),
			isSuccess: objectWhere((body) => Array.isArray(body.data)),
			// The reference says a reset revokes sessions; of an update it says nothing.
			effects: { otherSessions: 'unknown' },
			then: setOnFoundAccount({
				service: 'WorkOS',
				method: 'PUT',
				path: '/user_management/users/{workosUserId}',
				found: (answers) => (answers[0] as IDataObject).data,
				fields: ({ newPassword }) => ({ password: newPassword }),
				headers: () => ({}),
				isSuccess: objectWhere((body) => body.object === 'user'),
			}),
		},
	},
	errorCodeOf: workosCode,
	unknownAccount: [
		{
			operation: 'createResetLink',
			status: 404,
			serviceCode: 'entity_not_found',
			source: 'SDK: CreatePasswordResetError `entity_not_found` (workos Rust SDK 0.8); reference lists 404',
		},
	],
	errorRules: [
		// Guess from the SDK's documented statuses: a bad or spent token is its entity not found.
		{ operation: 'resetPassword', status: 404, serviceCode: 'entity_not_found', code: 'invalid_or_expired_token' },
		{ operation: 'resetPassword', serviceCode: ['password_reset_token_expired', 'password_reset_token_invalid', 'invalid_token'], code: 'invalid_or_expired_token' },
		{
			serviceCode: ['password_strength_error', 'password_too_weak', 'password_pwned'],
			code: 'weak_password',
			message: ({ serverMessage }) => `WorkOS refused the new password: ${serverMessage ?? 'it does not meet the password policy'}`,
		},
		{ status: 401, code: 'auth_failed', message: () => "WorkOS refused the API key: use the environment's sk_ key" },
	],
};
