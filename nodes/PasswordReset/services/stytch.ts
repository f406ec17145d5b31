import type { IDataObject } from 'n8n-workflow';

import { objectWhere, VALIDATION_REFUSALS } from './answers';
import type { ServiceProfile } from '../kernel/types';

/**
 * Stytch (consumer) passwords by email, from `stytch-node` (`lib/b2c/passwords_email.ts`,
 * `lib/shared/errors.ts`) and stytch.com's API reference. HTTP Basic with the project ID and
 * secret. An unknown email answers 404 `email_not_found`: Stytch reveals it. The reset answers a
 * session (`session_token`, `session_jwt`): never output. Errors: `{status_code, error_type,
 * error_message}`. Guesses: a bad or spent token's `error_type`. Not run against a real Stytch here.
 */
const stytchType = (body: IDataObject) => (typeof body.error_type === 'string' ? body.error_type : undefined);

export const stytch: ServiceProfile = {
	id: 'stytch',
	displayName: 'Stytch',
	setup: {
		checked: "stytch-node's passwords module and Stytch's API reference; the sandbox",
		baseUrl: '`https://api.stytch.com` (live) or `https://test.stytch.com` (test)',
		notes:
			"**API Key**: the project's Secret; **Project ID**: its ID (Dashboard → API keys), sent together as HTTP Basic. **Reset Redirect URL** (optional): your page the email links to (a redirect URL allowed in the dashboard); Stytch appends the `token`, which is the Reset Token, valid 30 minutes by default. Stytch tells unknown emails apart (its 404 `email_not_found`: the neutral success, or `user_not_found` with Reveal Unknown Accounts). A reset also signs the user in: the session Stytch answers is never output. No admin Set Password or Create Reset Link. Not run against a real Stytch here.",
		resetToken: 'The `token` Stytch appends to your Reset Redirect URL',
	},
	baseUrl: { placeholder: 'e.g. https://api.stytch.com', default: 'https://api.stytch.com' },
	credentialFields: [
		{
			displayName: 'Project ID',
			name: 'stytchProjectId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. project-live-…',
			description: "The project's ID (Dashboard → API keys): HTTP Basic's user, with the Secret as the API Key",
		},
		{
			displayName: 'Reset Redirect URL',
			name: 'stytchResetRedirectUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://app.example.com/reset',
			description: "Optional: your page the email links to, a redirect URL allowed in Stytch's dashboard. Empty: the project's default.",
		},
	],
	// No email: Stytch refuses it (400) once the project ID and secret are right, 401 when they are not.
	credentialTest: {
		method: 'POST',
		path: '/v1/passwords/email/reset/start',
		fields: {},
		passes: VALIDATION_REFUSALS,
		proves: 'Stytch took the project ID and secret at this Base URL and refused a reset without an email (nothing is sent)',
	},
	auth: {
		apiKey: { in: 'basic', userField: 'stytchProjectId', required: true, description: "The project's Secret (Dashboard → API keys), sent with the Project ID as HTTP Basic" },
	},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/v1/passwords/email/reset/start',
			requires: ['email'],
			fields: ({ email }, { stytchResetRedirectUrl }) => ({ email, ...(stytchResetRedirectUrl ? { reset_password_redirect_url: stytchResetRedirectUrl } : {}) }),
			isSuccess: objectWhere((body) => body.status_code === 200),
		},
		resetPassword: {
			method: 'POST',
			path: '/v1/passwords/email/reset',
			requires: ['resetToken', 'newPassword'],
			fields: ({ resetToken, newPassword }) => ({ token: resetToken, password: newPassword }),
			isSuccess: objectWhere((body) => body.status_code === 200 && typeof body.user_id === 'string'),
			answerSecrets: (answer) => [answer.session_token, answer.session_jwt].filter((value): value is string => typeof value === 'string'),
		},
		setPassword: {
			notSupported: 'Stytch has no admin call that sets a password (only a migration of password hashes). Use Send Reset Email',
		},
	},
	errorCodeOf: stytchType,
	unknownAccount: [
		{ operation: 'sendResetEmail', status: 404, serviceCode: 'email_not_found', source: 'API reference: 404 `email_not_found` "Email could not be found."' },
	],
	errorRules: [
		{ operation: 'resetPassword', serviceCode: ['unable_to_auth_magic_link', 'invalid_token', 'reset_password_token_not_found', 'pkce_mismatch'], code: 'invalid_or_expired_token' },
		{ serviceCode: 'weak_password', code: 'weak_password', message: ({ serverMessage }) => `Stytch refused the new password: ${serverMessage ?? 'it is too weak or breached'}` },
		{ serviceCode: ['unauthorized_credentials', 'invalid_project_id', 'invalid_secret_authentication'], code: 'auth_failed', message: () => "Stytch refused the Project ID and Secret: check both, and the Base URL's environment (test or live)" },
		{ serviceCode: 'too_many_requests', code: 'rate_limited' },
		{ serviceCode: ['invalid_email', 'reset_password_redirect_url_not_found', 'invalid_reset_password_redirect_url'], code: 'invalid_input' },
	],
};
