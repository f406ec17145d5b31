import type { IDataObject } from 'n8n-workflow';

import { objectOrEmpty, objectWhere, setOnFoundAccount, SUCCESS_STATUSES } from './answers';
import { isJsonObject } from '../kernel/json';
import type { CredentialSettings, ServiceProfile } from '../kernel/types';

/**
 * Supabase Auth (GoTrue), from supabase/auth `openapi.yaml` and `internal/api` (source).
 * Base URL: the project URL plus `/auth/v1` (a bare self-hosted GoTrue has no prefix).
 * The anon or publishable key is the credential's API key, sent as `apikey`. Keys come in two
 * formats (Supabase docs, "Understanding API keys"): legacy JWTs (anon, service_role) and the new
 * `sb_publishable_…` / `sb_secret_…`, which are not JWTs: the gateway takes them in `apikey` only,
 * and refuses one sent as `Authorization: Bearer` (401 UNAUTHORIZED_MISSING_API_KEY without an
 * apikey; GoTrue's "token is malformed", supabase/auth#2204, with one).
 * Reset is two requests: `POST /verify {type: recovery, email, token}` turns the emailed OTP into
 * a session, then `PUT /user {password}` with that session. `/recover` answers `200 {}` for
 * every email. Error bodies come in two shapes: `{code: <int>, error_code, msg}` (legacy) and
 * `{code: "<name>", message}` (API version 2024-01-01); both are read. Create Reset Link is the
 * admin `POST /admin/generate_link {type: recovery, email}` with the service-role key
 * (`internal/api/mail.go`, `adminGenerateLink`): the user's fields plus `action_link`,
 * `email_otp`, `hashed_token`; an unknown email is `404 user_not_found`.
 */
/** A new-format secret key: it goes in `apikey`, never as a Bearer token. */
const isSecretKey = (key: string) => key.startsWith('sb_secret_');

/**
 * The admin route's key: a new secret key replaces the `apikey` (the gateway acts as service_role
 * with it); a legacy service_role JWT goes as the Bearer token beside the anon key, as before.
 */
const adminKeyHeaders = (key: string): Record<string, string> => (isSecretKey(key) ? { apikey: key } : { Authorization: `Bearer ${key}` });

/** What is wrong with the admin key for an admin operation, or undefined. */
const adminKeyProblem =
	(operation: string) =>
	({ supabaseServiceRoleKey }: CredentialSettings): string | undefined => {
		if (!supabaseServiceRoleKey) return `${operation} needs the credential's Service Role Key: Supabase's admin routes refuse the anon key`;
		if (supabaseServiceRoleKey.startsWith('sb_publishable_')) {
			return "The credential's Service Role Key is a publishable key (sb_publishable_…). Use the project's secret key (sb_secret_…) or legacy service_role key";
		}
		return undefined;
	};

/** The admin user search's users (its `isSuccess` found a list). */
const usersFound = (answers: unknown[]) => (answers[0] as IDataObject).users;

const texts = (...values: unknown[]) => values.filter((value): value is string => typeof value === 'string' && value !== '');

const supabaseCode = (body: IDataObject) =>
	typeof body.error_code === 'string' ? body.error_code : typeof body.code === 'string' ? body.code : undefined;

export const supabase: ServiceProfile = {
	id: 'supabase',
	displayName: 'Supabase',
	setup: {
		resetToken: 'the 6-digit code, with the Email',
		checked: 'Source (supabase/auth, `openapi.yaml` and `internal/api`, `adminGenerateLink` for Create Reset Link); the sandbox',
		baseUrl: '`https://<project-ref>.supabase.co/auth/v1` (a bare self-hosted GoTrue: no `/auth/v1`)',
		notes:
			'**API Key**: the project\'s publishable key (`sb_publishable_…`) or legacy anon key (a JWT), from Project Settings → API Keys; never a secret or service_role key. Put `{{ .Token }}` in the "Reset Password" email template: Reset Password takes that 6-digit code with the **Email**, verifies it (which opens a session and uses the code up) and sets the password with that session: if the password is then refused (`weak_password`, `password_reused`), send a new reset email. **Service Role Key**: only for Create Reset Link (the admin `generate_link`) and Set Password (the admin user search and update; Supabase has no narrower admin key): a secret key (`sb_secret_…`, sent as the `apikey` header of that request alone) or the legacy service_role key (a JWT, sent as its Bearer token); its `action_link` is on the project\'s host. Set Password finds the user by exact email among the admin search\'s first 50 matches, Supabase checks the password\'s strength (`weak_password` with its reasons) and ends every session of the user.',
	},
	baseUrl: { placeholder: 'e.g. https://abcdefghijklm.supabase.co/auth/v1' },
	credentialFields: [
		{
			displayName: 'Service Role Key',
			name: 'supabaseServiceRoleKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for Create Reset Link and Set Password: the project\'s secret key (sb_secret_…, sent as the apikey header) or legacy service_role key (a JWT, sent as a Bearer token), to the admin route alone. Leave empty if you use neither: every other operation uses the API key above.',
		},
	],
	credentialTest: {
		method: 'GET',
		path: '/settings',
		passes: SUCCESS_STATUSES,
		proves:
			"GoTrue's settings answered under this Base URL. Guess: that Supabase's gateway checks the API key on this route too (it does for the reset routes)",
	},
	auth: {
		apiKey: {
			in: 'header',
			name: 'apikey',
			prefix: '',
			required: true,
			description:
				'The project\'s publishable key (sb_publishable_…) or legacy anon key (a JWT), from Project Settings → API Keys, sent as the apikey header. Never a secret or service_role key',
		},
	},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/recover',
			requires: ['email'],
			isSuccess: objectOrEmpty,
			fields: ({ email }) => ({ email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/verify',
			requires: ['email', 'resetToken', 'newPassword'],
			isSuccess: objectOrEmpty,
			fields: ({ email, resetToken }) => ({ type: 'recovery', email, token: resetToken }),
			then: {
				method: 'PUT',
				path: '/user',
				fields: ({ newPassword }) => ({ password: newPassword }),
				isSuccess: objectOrEmpty,
				headers: ({ access_token: accessToken }) =>
					typeof accessToken === 'string' && accessToken ? { Authorization: `Bearer ${accessToken}` } : undefined,
				secrets: (session) => [session.access_token, session.refresh_token].filter((value): value is string => typeof value === 'string'),
				missingMessage:
					'Supabase accepted the token but answered without the session the second step needs, so the new password was not sent. The token may be used up: send a new reset email',
			},
		},
		verifyResetToken: {
			notSupported: "Supabase's only check of a recovery code is the verify that uses it up. Use Reset Password",
		},
		createResetLink: {
			method: 'POST',
			path: '/admin/generate_link',
			requires: ['email'],
			settingsProblem: adminKeyProblem('Create Reset Link'),
			fields: ({ email }) => ({ type: 'recovery', email }),
			headers: (_input, { supabaseServiceRoleKey }) => adminKeyHeaders(supabaseServiceRoleKey ?? ''),
			isSuccess: ({ body }) => isJsonObject(body),
			// The code and its hash open the account as the link does: never output (the link itself is one by `resetLink`).
			answerSecrets: (answer) => texts(answer.email_otp, answer.hashed_token),
			resetLink: (answer) => (isJsonObject(answer) ? answer.action_link : undefined),
		},
		// The admin search matches `email LIKE %filter%` (emails are stored lower-cased): the exact
		// address is picked from its page. The update checks the password's strength and ends every
		// session of the user (`internal/api/admin.go`, `models/user.go` UpdatePassword + Logout).
		setPassword: {
			method: 'GET',
			path: '/admin/users',
			requires: ['email', 'newPassword'],
			settingsProblem: adminKeyProblem('Set Password'),
			headers: (_input, { supabaseServiceRoleKey }) => adminKeyHeaders(supabaseServiceRoleKey ?? ''),
			fields: ({ email }) => ({ filter: email.toLowerCase(), page: '1', per_page: '50' }),
			isSuccess: objectWhere((body) => Array.isArray(body.users)),
			effects: { otherSessions: 'always' },
			then: setOnFoundAccount({
				service: 'Supabase',
				method: 'PUT',
				path: '/admin/users/{supabaseUserId}',
				found: usersFound,
				fields: ({ newPassword }) => ({ password: newPassword }),
				headers: (_previous, _answers, { supabaseServiceRoleKey }) => adminKeyHeaders(supabaseServiceRoleKey ?? ''),
				isSuccess: objectWhere((body) => typeof body.id === 'string'),
			}),
		},
	},
	errorCodeOf: supabaseCode,
	// `/recover` answers 200 for every email (openapi.yaml); `/verify` answers otp_expired.
	unknownAccount: [
		{
			operation: 'createResetLink',
			status: 404,
			serviceCode: 'user_not_found',
			source: 'supabase/auth `internal/api/mail.go`: notFoundError(ErrorCodeUserNotFound, "User with this email not found")',
		},
	],
	errorRules: [
		{ serviceCode: ['otp_expired', 'otp_disabled', 'flow_state_expired', 'flow_state_not_found'], code: 'invalid_or_expired_token' },
		{ serviceCode: 'weak_password', code: 'weak_password' },
		{ serviceCode: 'same_password', code: 'password_reused' },
		{ serviceCode: ['over_email_send_rate_limit', 'over_request_rate_limit'], code: 'rate_limited' },
		{ serviceCode: 'user_banned', code: 'user_disabled' },
		{ serviceCode: ['validation_failed', 'email_address_invalid', 'reauthentication_needed'], code: 'invalid_input' },
		{
			operation: ['createResetLink', 'setPassword'],
			serviceCode: ['not_admin', 'bad_jwt', 'no_authorization'],
			code: 'auth_failed',
			message: () => "Supabase refused the admin call. Set the credential's Service Role Key to the project's service_role key (Project Settings → API Keys)",
		},
		{ serviceCode: ['bad_jwt', 'no_authorization', 'invalid_credentials'], code: 'auth_failed' },
	],
};
