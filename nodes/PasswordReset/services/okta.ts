import { objectOrEmpty, objectWhere } from './answers';
import { isJsonObject } from '../kernel/json';
import type { ServiceProfile } from '../kernel/types';

/**
 * Okta (Management API, `UserCred`/`UserLifecycle` reference). Base URL: the org,
 * `https://<org>.okta.com`. An API token of an admin who may manage users, as `SSWS`. Send
 * names the user by login (the email) in the path and has Okta mail its reset link; the user
 * sets the new password on Okta's hosted page, so Reset Password is not offered. Errors:
 * `{errorCode, errorSummary, errorCauses}`. Create Reset Link is the same call with
 * `sendEmail=false`, which answers `{resetPasswordUrl}` and mails nothing (`ResetPasswordToken`,
 * UserCred API). Not run against a real Okta here.
 */
export const okta: ServiceProfile = {
	id: 'okta',
	displayName: 'Okta',
	setup: {
		checked: 'Documentation (Management API reference, `ResetPasswordToken` for Create Reset Link); the sandbox',
		baseUrl: '`https://<org>.okta.com`',
		notes:
			'**API Key**: an Okta API token of an admin who may manage users (sent as `SSWS`). Send only: the email (the user\'s login) goes in the path, URL-encoded, and Okta mails its link; the user sets the password on Okta\'s page, so Reset Password fails with `not_supported` before any request. A user Okta will not reset in their status (suspended, deprovisioned) is `user_disabled`. Create Reset Link: the same call with `sendEmail=false`; the token needs the same admin rights. Not run against a real Okta here.',
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
	},
	errorCodeOf: (body) => (typeof body.errorCode === 'string' ? body.errorCode : undefined),
	unknownAccount: [{ status: 404, serviceCode: 'E0000007', source: 'Okta error codes (docs): E0000007 "Not found: Resource not found"' }],
	errorRules: [
		// "This operation is not allowed in the user's current status" (a suspended or deprovisioned user; code a guess).
		{ serviceCode: 'E0000038', code: 'user_disabled' },
		{ serviceCode: 'E0000047', code: 'rate_limited' },
	],
};
