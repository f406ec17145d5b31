import type { IDataObject } from 'n8n-workflow';

import { objectOrEmpty, objectWhere } from './answers';
import { isJsonObject } from '../kernel/json';
import type { ChainStep, ServiceProfile } from '../kernel/types';

/**
 * Okta (Management API, `UserCred`/`UserLifecycle` reference). Base URL: the org,
 * `https://<org>.okta.com`. An API token of an admin who may manage users, as `SSWS`. Send
 * names the user by login (the email) in the path and has Okta mail its reset link; the user
 * sets the new password on Okta's hosted page, so Reset Password is not offered. Errors:
 * `{errorCode, errorSummary, errorCauses}`. Create Reset Link is the same call with
 * `sendEmail=false`, which answers `{resetPasswordUrl}` and mails nothing (`ResetPasswordToken`,
 * UserCred API). Not run against a real Okta here.
 */
/** The user the lookup by login answered (its `isSuccess` found an id). */
const foundUserId = (answers: unknown[]) => ({ oktaUserId: String((answers[0] as IDataObject).id ?? '') });

/** Require Change at Next Sign-In: `expire_password` puts the user in PASSWORD_EXPIRED (UserCred API). */
const expirePassword: ChainStep = {
	method: 'POST',
	path: '/api/v1/users/{oktaUserId}/lifecycle/expire_password',
	fields: () => ({}),
	when: ({ choices }) => choices.requireChange,
	pathValues: foundUserId,
	headers: () => ({}),
	secrets: () => [],
	isSuccess: objectOrEmpty,
	missingMessage: 'Okta set the password but answered without what the expiry needs: the password was not expired',
};

export const okta: ServiceProfile = {
	id: 'okta',
	displayName: 'Okta',
	setup: {
		checked: 'Documentation (Management API reference, `ResetPasswordToken` for Create Reset Link); the sandbox',
		baseUrl: '`https://<org>.okta.com`',
		notes:
			'**API Key**: an Okta API token of an admin who may manage users (sent as `SSWS`). Send only: the email (the user\'s login) goes in the path, URL-encoded, and Okta mails its link; the user sets the password on Okta\'s page, so Reset Password fails with `not_supported` before any request. A user Okta will not reset in their status (suspended, deprovisioned) is `user_disabled`. Create Reset Link: the same call with `sendEmail=false`; the token needs the same admin rights. Set Password: the user by login (the email), then the administrative password update (`strict=true`: the policy\'s history and minimum age apply); Require Change at Next Sign-In adds `expire_password`. The token\'s admin needs a role that may manage users (least privilege: a custom admin role with *Edit users\' authenticator operations* on the users\' group). Sign Out Other Sessions is refused: the update\'s reference does not say. Not run against a real Okta here.',
	},
	baseUrl: { placeholder: 'e.g. https://your-org.okta.com' },
	// The token's own user: proves the address and the token, changes nothing (a guess for tokens of service apps).
	credentialTest: {
		method: 'GET',
		path: '/api/v1/users/me',
		passes: [200],
		proves: 'Okta answered 200 for the API token\'s own user, so the org URL and the token are right',
	},
	auth: {
		apiKey: {
			in: 'header',
			name: 'Authorization',
			prefix: 'SSWS ',
			required: true,
			description: 'An Okta API token (Security → API → Tokens) of an admin who may manage users, sent as Authorization: SSWS',
		},
	},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/api/v1/users/{email}/lifecycle/reset_password',
			query: { sendEmail: 'true' },
			requires: ['email'],
			isSuccess: objectOrEmpty,
			fields: () => ({}),
		},
		resetPassword: {
			notSupported: 'Okta finishes password resets on its own hosted page: the emailed link opens it and the user sets the new password there. Use Send Reset Email',
		},
		createResetLink: {
			method: 'POST',
			path: '/api/v1/users/{email}/lifecycle/reset_password',
			query: { sendEmail: 'false' },
			requires: ['email'],
			isSuccess: objectWhere((body) => typeof body.resetPasswordUrl === 'string'),
			fields: () => ({}),
			resetLink: (answer) => (isJsonObject(answer) ? answer.resetPasswordUrl : undefined),
		},
		// The user by login (the email), then the administrative password update, `strict` so the
		// policy's minimum age and history apply (UpdateUser); `expire_password` when asked.
		setPassword: {
			method: 'GET',
			path: '/api/v1/users/{email}',
			requires: ['email', 'newPassword'],
			fields: () => ({}),
			isSuccess: objectWhere((body) => typeof body.id === 'string'),
			effects: { requireChange: "Okta's expire_password lifecycle call (the user must change the password at the next sign-in)", otherSessions: 'unknown' },
			then: {
				method: 'POST',
				path: '/api/v1/users/{oktaUserId}',
				query: { strict: 'true' },
				fields: ({ newPassword }) => ({ credentials: { password: { value: newPassword } } }),
				pathValues: foundUserId,
				headers: () => ({}),
				secrets: () => [],
				isSuccess: objectWhere((body) => typeof body.id === 'string'),
				missingMessage: 'Okta answered the user lookup without what the set needs: nothing was changed',
				then: expirePassword,
			},
		},
	},
	errorCodeOf: (body) => (typeof body.errorCode === 'string' ? body.errorCode : undefined),
	unknownAccount: [{ status: 404, serviceCode: 'E0000007', source: 'Okta error codes (docs): E0000007 "Not found: Resource not found"' }],
	errorRules: [
		// "This operation is not allowed in the user's current status" (a suspended or deprovisioned user; code a guess).
		{ serviceCode: 'E0000038', code: 'user_disabled' },
		{ serviceCode: 'E0000047', code: 'rate_limited' },
		// Guess (Okta's error reference, not read in its spec here): a policy refusal is E0000001 or E0000080 naming the password.
		{
			operation: 'setPassword',
			serviceCode: ['E0000001', 'E0000080'],
			when: (body) => /password/i.test(JSON.stringify(body.errorCauses ?? body.errorSummary ?? '')),
			code: 'weak_password',
			message: ({ body }) => `Okta refused the new password: ${String(((body.errorCauses as IDataObject[] | undefined)?.[0]?.errorSummary ?? body.errorSummary) || 'it does not meet the password policy')}`,
		},
	],
};
