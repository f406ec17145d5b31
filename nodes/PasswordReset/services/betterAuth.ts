import { objectWhere } from './answers';
import type { ServiceProfile } from '../kernel/types';

/**
 * Better Auth (better-auth 1.7, source: `api/routes/password.ts`, `api/routes/ok.ts`,
 * `plugins/email-otp/routes.ts`, `@better-auth/core` error codes). Base URL: the app's origin
 * plus Better Auth's base path, `/api/auth` by default. Its routes are public: no API key.
 * Errors are `{code, message}`; every email gets the same answer, so there is no unknown-account
 * answer to read on a send. Two flows, two profiles: the emailed link (its token), and the Email
 * OTP plugin (a code, with the email on reset).
 */
const shared = {
	baseUrl: { placeholder: 'e.g. https://app.example.com/api/auth' },
	// `GET /ok` answers `{ok: true}` and does nothing else.
	credentialTest: {
		method: 'GET',
		path: '/ok',
		passes: [200],
		proves: "Better Auth's /ok route answered at this Base URL. Its reset routes are public, so there is no key to check",
	},
	auth: {},
	errorCodeOf: (body) => (typeof body.code === 'string' ? body.code : undefined),
	errorRules: [
		{ serviceCode: ['INVALID_TOKEN', 'INVALID_OTP', 'OTP_EXPIRED'], code: 'invalid_or_expired_token' },
		{ serviceCode: 'TOO_MANY_ATTEMPTS', code: 'invalid_or_expired_token' },
		{ serviceCode: ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG'], code: 'weak_password' },
		{ serviceCode: 'INVALID_EMAIL', code: 'invalid_input' },
		// Reset Page URL is not a path or one of the app's trusted origins.
		{ serviceCode: 'INVALID_CALLBACK_URL', code: 'invalid_input' },
		// The app never set emailAndPassword.sendResetPassword (or sendVerificationOTP).
		{ serviceCode: 'RESET_PASSWORD_DISABLED', code: 'not_supported' },
	],
} satisfies Partial<ServiceProfile>;

export const betterAuth: ServiceProfile = {
	...shared,
	id: 'betterAuth',
	displayName: 'Better Auth',
	setup: {
		checked: 'Real instance in CI: Better Auth 1.7 (`test/real/betterAuth.cjs`)',
		baseUrl: '`https://<your app>/api/auth` (Better Auth\'s base path)',
		notes:
			'No API key. **Reset Page URL** (optional, sent as `redirectTo`): where the emailed link leads, with `?token=` added; a path or a URL on a trusted origin. Reset Token is that `token` (single use, 1 hour). Verify Reset Token is not offered: Better Auth\'s check puts the token in a URL. Its 429 gives the wait in `X-Retry-After`, which the node does not read: the run stops sending (`rate_limited`).',
	},
	credentialFields: [
		{
			displayName: 'Reset Page URL',
			name: 'betterAuthRedirectTo',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://app.example.com/reset-password',
			description:
				"Optional page the emailed link leads to, with ?token= added (sent as redirectTo). A path, or a URL on one of the app's trusted origins.",
		},
	],
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/request-password-reset',
			requires: ['email'],
			isSuccess: objectWhere((body) => body.status === true),
			fields: ({ email }, { betterAuthRedirectTo }) => ({ email, ...(betterAuthRedirectTo ? { redirectTo: betterAuthRedirectTo } : {}) }),
		},
		resetPassword: {
			method: 'POST',
			path: '/reset-password',
			requires: ['resetToken', 'newPassword'],
			isSuccess: objectWhere((body) => body.status === true),
			fields: ({ resetToken, newPassword }) => ({ token: resetToken, newPassword }),
		},
		// Its check (GET /reset-password/{token}) puts the token in a URL: not offered.
	},
	unknownAccount: [
		{
			operation: 'resetPassword',
			status: 400,
			serviceCode: 'USER_NOT_FOUND',
			source: 'password.ts: the token belongs to a user deleted since; the send answers every email alike',
		},
	],
};

export const betterAuthEmailOtp: ServiceProfile = {
	...shared,
	id: 'betterAuthEmailOtp',
	displayName: 'Better Auth (Email OTP)',
	setup: {
		checked: 'Real instance in CI: Better Auth 1.7 with Email OTP (`test/real/betterAuth.cjs`)',
		baseUrl: '`https://<your app>/api/auth`',
		notes:
			'For apps with the Email OTP plugin: the email carries a 6-digit code. Reset Password needs the **Email** too; three wrong codes spend the code (`invalid_or_expired_token`: send a new email).',
	},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/email-otp/request-password-reset',
			requires: ['email'],
			isSuccess: objectWhere((body) => body.success === true),
			fields: ({ email }) => ({ email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/email-otp/reset-password',
			requires: ['email', 'resetToken', 'newPassword'],
			isSuccess: objectWhere((body) => body.success === true),
			fields: ({ email, resetToken, newPassword }) => ({ email, otp: resetToken, password: newPassword }),
		},
	},
	unknownAccount: [
		{
			operation: 'resetPassword',
			status: 400,
			serviceCode: 'USER_NOT_FOUND',
			source: 'plugins/email-otp/routes.ts: reset for an email with no user; the send answers every email alike',
		},
	],
};
