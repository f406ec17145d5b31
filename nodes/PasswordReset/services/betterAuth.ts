import type { IDataObject } from 'n8n-workflow';

import { accountsWithEmail, bearerFrom, needsField, objectWhere, theAccount } from './answers';
import type { ChainStep, CredentialField, OperationContract, ServiceProfile } from '../kernel/types';

/**
 * Better Auth (better-auth 1.7, source: `api/routes/password.ts`, `api/routes/ok.ts`,
 * `plugins/email-otp/routes.ts`, `@better-auth/core` error codes). Base URL: the app's origin
 * plus Better Auth's base path, `/api/auth` by default. Its routes are public: no API key.
 * Errors are `{code, message}`; every email gets the same answer, so there is no unknown-account
 * answer to read on a send. Two flows, two profiles: the emailed link (its token), and the Email
 * OTP plugin (a code, with the email on reset).
 */
/** The admin plugin's routes: an admin's session, through the bearer plugin (`plugins/admin/routes.mjs`, `plugins/bearer`). */
const adminToken: CredentialField = {
	displayName: 'Admin Session Token',
	name: 'betterAuthAdminToken',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		"Only for Set Password: the session token of a user with the admin plugin's set-password and list permissions (from sign-in's token). The app needs the admin and bearer plugins. Sent as a Bearer token to this app alone.",
};

/** The search's users (its `isSuccess` found a list). */
const usersFound = (answers: unknown[]) => (answers[0] as IDataObject).users;
const foundUserId = (answers: unknown[], email: string) => String(theAccount(usersFound(answers), email).id ?? '');

/** Sign Out Other Sessions: the set revokes none (`set-user-password`), so the admin plugin's revoke follows. */
const revokeSessions: ChainStep = {
	method: 'POST',
	path: '/admin/revoke-user-sessions',
	fields: () => ({}),
	fieldsFromAnswers: (answers, _settings, { email }) => ({ userId: foundUserId(answers, email) }),
	when: ({ choices }) => choices.signOutOtherSessions,
	headers: bearerFrom('betterAuthAdminToken'),
	secrets: () => [],
	isSuccess: objectWhere((body) => body.success === true),
	missingMessage: 'Better Auth set the password but answered without what the sign-out needs: the sessions were kept',
};

/** Set Password: the user found by exact email (stored lower-cased, `sign-up.mjs`), then the admin plugin's set. */
const setPassword: OperationContract = {
	method: 'GET',
	path: '/admin/list-users',
	requires: ['email', 'newPassword'],
	settingsProblem: needsField('betterAuthAdminToken', "Set Password needs the credential's Admin Session Token: Better Auth's admin routes need an admin's session"),
	headers: (_input, { betterAuthAdminToken }) => ({ Authorization: `Bearer ${betterAuthAdminToken ?? ''}` }),
	fields: ({ email }) => ({ filterField: 'email', filterOperator: 'eq', filterValue: email.toLowerCase(), limit: '2' }),
	isSuccess: objectWhere((body) => Array.isArray(body.users)),
	effects: { otherSessions: 'onRequest' },
	then: {
		method: 'POST',
		path: '/admin/set-user-password',
		fields: ({ newPassword }) => ({ newPassword }),
		fieldsFromAnswers: (answers, _settings, { email }) => ({ userId: foundUserId(answers, email) }),
		accounts: (answers, { email }) => accountsWithEmail(usersFound(answers), email),
		headers: bearerFrom('betterAuthAdminToken'),
		secrets: () => [],
		isSuccess: objectWhere((body) => body.status === true),
		missingMessage: 'Better Auth answered the user search without what the set needs: nothing was changed',
		then: revokeSessions,
	},
};

const ADMIN_NOTES =
	' **Admin Session Token**: only for Set Password, the session token of an admin (the app needs the admin plugin, and the bearer plugin so a token can be sent; least privilege: a role with only `user: list, set-password, revoke-sessions`). Set Password finds the user by exact email; Better Auth checks the length only and signs no session out unless Sign Out Other Sessions is on (then the admin plugin\'s revoke follows). A session token expires (7 days by default): renew it.';

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
		{ operation: 'setPassword', status: 401, code: 'auth_failed', message: () => "Better Auth refused the Admin Session Token: it has expired or was revoked, or the bearer plugin is off. Sign in as the admin again and update the credential" },
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
			'No API key. **Reset Page URL** (optional, sent as `redirectTo`): where the emailed link leads, with `?token=` added; a path or a URL on a trusted origin. Reset Token is that `token` (single use, 1 hour). Verify Reset Token is not offered: Better Auth\'s check puts the token in a URL. Its 429 gives the wait in `X-Retry-After`, which the node does not read: the run stops sending (`rate_limited`).' + ADMIN_NOTES,
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
		adminToken,
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
		setPassword,
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
	credentialFields: [adminToken],
	id: 'betterAuthEmailOtp',
	displayName: 'Better Auth (Email OTP)',
	setup: {
		checked: 'Real instance in CI: Better Auth 1.7 with Email OTP (`test/real/betterAuth.cjs`)',
		baseUrl: '`https://<your app>/api/auth`',
		notes:
			'For apps with the Email OTP plugin: the email carries a 6-digit code. Reset Password needs the **Email** too; three wrong codes spend the code (`invalid_or_expired_token`: send a new email).' + ADMIN_NOTES,
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
		setPassword,
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
