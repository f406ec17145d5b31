import type { IDataObject } from 'n8n-workflow';

import { objectWhere, SUCCESS_STATUSES } from './answers';
import { textAt } from '../kernel/json';
import type { ServiceProfile } from '../kernel/types';

/**
 * Ghost 6 staff users (members have no password), from `core/server/services/auth/passwordreset.js`,
 * `api/endpoints/authentication.js` and `web/shared/middleware/brute.js` (npm `ghost` 6.65.0),
 * measured on a real Ghost 6.65 (test/real/ghost.cjs). Public routes. An unknown email answers 404
 * `NotFoundError` "User not found.": Ghost reveals it. Sends are brute-limited by address
 * (`spam.global_reset`: measured, 5 an hour, then 429 without a Retry-After). The token is url-safe base64
 * holding the email, valid 24 hours, dead once the password changes. Errors:
 * `{errors: [{message, context, type}]}`: the `type` decides.
 */
const ghostType = (body: IDataObject) => textAt(body, 'errors.0.type');

/** Ghost's "User not found." (`passwordreset.js`), not its API's "Resource not found" for a route it lacks. */
const isUserNotFound = (body: IDataObject) => /^user not found/i.test(textAt(body, 'errors.0.message') ?? '');

const RESET_ROUTE = '/ghost/api/admin/authentication/password_reset/';

/** Ghost's answer: `{password_reset: [{message}]}`. */
const passwordResetAnswer = objectWhere((body) => Array.isArray(body.password_reset));

export const ghost: ServiceProfile = {
	id: 'ghost',
	displayName: 'Ghost',
	setup: {
		checked: 'Real instance in CI: Ghost 6.65 (`test/real/ghost.cjs`)',
		baseUrl: "`https://<your-ghost>` (the site's admin URL, without `/ghost`)",
		notes:
			"Staff users (Ghost's members sign in without passwords). No API key: the reset routes are public, and Ghost must be set up. Ghost tells unknown emails apart (its 404 NotFoundError: the neutral success, or `user_not_found` with Reveal Unknown Accounts) and allows 5 reset requests an hour from one address (`rate_limited`, measured). The email's link is `…/ghost/reset/<token>/`: that token is the Reset Token. Ghost needs mail configured (`mail` in its config) to send it. Set Password is not offered: Ghost sets another staff user's password only for a signed-in staff session, not an Admin API key.",
		resetToken: 'The part after `/reset/` in the link of Ghost\'s email',
	},
	baseUrl: { placeholder: 'e.g. https://blog.example.com' },
	credentialTest: {
		method: 'GET',
		path: '/ghost/api/admin/site/',
		passes: SUCCESS_STATUSES,
		proves: "Ghost's Admin API answered its public site route at this Base URL. The reset routes are public: there is no key to check",
	},
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: RESET_ROUTE,
			requires: ['email'],
			fields: ({ email }) => ({ password_reset: [{ email }] }),
			isSuccess: passwordResetAnswer,
		},
		resetPassword: {
			method: 'PUT',
			path: RESET_ROUTE,
			requires: ['resetToken', 'newPassword'],
			fields: ({ resetToken, newPassword }) => ({ password_reset: [{ token: resetToken, newPassword, ne2Password: newPassword }] }),
			isSuccess: passwordResetAnswer,
		},
		setPassword: {
			notSupported:
				"Ghost sets another staff user's password only for a signed-in staff session (PUT /users/password/), which an API credential is not. Use Send Reset Email",
		},
	},
	errorCodeOf: ghostType,
	unknownAccount: [
		{
			operation: 'sendResetEmail',
			status: 404,
			serviceCode: 'NotFoundError',
			// Ghost answers an unknown API route with NotFoundError too ("Resource not found"): the message decides.
			when: (body) => isUserNotFound(body),
			source: 'Source: `passwordreset.js` generateToken throws NotFoundError "User not found." (measured on Ghost 6.65)',
		},
	],
	errorRules: [
		// Undecodable, expired or spent (the hash holds the password): 401 UnauthorizedError or 400 BadRequestError (`passwordreset.js`).
		{ operation: 'resetPassword', serviceCode: ['UnauthorizedError', 'BadRequestError'], code: 'invalid_or_expired_token' },
		{ operation: 'resetPassword', serviceCode: 'NotFoundError', when: (body) => isUserNotFound(body), code: 'invalid_or_expired_token', message: () => 'Ghost has no staff user for this reset token any more' },
		{
			operation: 'resetPassword',
			serviceCode: 'ValidationError',
			code: 'weak_password',
			message: ({ serverMessage }) => `Ghost refused the new password: ${serverMessage ?? 'it does not meet its rules'}`,
		},
		{ serviceCode: 'NoPermissionError', when: (body) => /suspended/i.test(JSON.stringify(body.errors ?? '')), code: 'user_disabled' },
		{ serviceCode: 'NoPermissionError', code: 'auth_failed', message: () => 'Ghost refused: it is not set up yet (finish its setup at /ghost), or this staff user may not reset' },
		{ serviceCode: 'TooManyRequestsError', code: 'rate_limited' },
		{ serviceCode: 'EmailError', code: 'server_error', message: () => 'Ghost could not send the email: check the mail settings in its config' },
		{ serviceCode: 'ValidationError', code: 'invalid_input' },
	],
};
