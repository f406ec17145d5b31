import type { IDataObject } from 'n8n-workflow';

import { bearerFrom, needsField, objectOrEmpty, objectWhere, setOnFoundAccount, SUCCESS_STATUSES } from './answers';
import { textAt } from '../kernel/json';
import type { ServiceProfile } from '../kernel/types';

/**
 * Directus, from `api/src/controllers/auth.ts` and `services/users.ts` (source) and its error
 * docs. Public routes; the request answers success for unknown emails too. Errors:
 * `{errors: [{message, extensions: {code}}]}`: INVALID_TOKEN is a 403 and TOKEN_EXPIRED a 401,
 * so the codes decide, not the statuses. Checked against a real Directus (test/real/directus.cjs).
 */
const directusCode = (body: IDataObject) => textAt(body, 'errors.0.extensions.code');

/** The user search's list (its `isSuccess` found `data` to be one). */
const usersFound = (answers: unknown[]) => (answers[0] as IDataObject).data;

export const directus: ServiceProfile = {
	id: 'directus',
	displayName: 'Directus',
	setup: {
		checked: 'Real instance in CI: Directus 12.4 (`test/real/directus.cjs`)',
		baseUrl: '`https://<your-directus>`',
		notes:
			'No API key. **Reset URL** (optional): your page for the emailed link; it must be in `PASSWORD_RESET_URL_ALLOW_LIST`. Reset Token is the `token` in the link. **Admin Token**: only for Set Password, the static token of a user whose role may read and update `directus_users` (least privilege: a role with only those two permissions on that collection, not the admin role). Set Password finds the user by email in any case, checks Directus\'s password policy (`weak_password` with its reason) and ends every session of the user.',
	},
	baseUrl: { placeholder: 'e.g. https://directus.example.com' },
	credentialFields: [
		{
			displayName: 'Admin Token',
			name: 'directusAdminToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for Set Password: the static token of a Directus user whose role may read and update directus_users (User Directory → the user → Token). Sent as a Bearer token to this Directus alone.",
		},
		{
			displayName: 'Reset URL',
			name: 'directusResetUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://app.example.com/reset',
			description:
				"Optional page the Directus email links to; must be in Directus's PASSWORD_RESET_URL_ALLOW_LIST. Leave empty for Directus's own page.",
		},
	],
	credentialTest: {
		method: 'GET',
		path: '/server/ping',
		passes: SUCCESS_STATUSES,
		proves: 'Directus answered its ping at this Base URL. Its reset routes are public: there is no key to check',
	},
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/auth/password/request',
			requires: ['email'],
			isSuccess: objectOrEmpty,
			fields: ({ email }, { directusResetUrl }) => ({ email, ...(directusResetUrl ? { reset_url: directusResetUrl } : {}) }),
		},
		resetPassword: {
			method: 'POST',
			path: '/auth/password/reset',
			requires: ['resetToken', 'newPassword'],
			isSuccess: objectOrEmpty,
			fields: ({ resetToken, newPassword }) => ({ token: resetToken, password: newPassword }),
		},
		// The user found by email in any case: `_icontains`, narrowed to the address (a real Directus 12.4
		// refuses `_ieq` on a string field, though `operator.js` has it), then `PATCH /users/{id}`, which
		// checks the password policy and ends every session of the user but the caller's (`services/users.js`).
		setPassword: {
			method: 'GET',
			path: '/users',
			requires: ['email', 'newPassword'],
			settingsProblem: needsField('directusAdminToken', "Set Password needs the credential's Admin Token: Directus's users routes need a user allowed to update users"),
			headers: (_input, { directusAdminToken }) => ({ Authorization: `Bearer ${directusAdminToken ?? ''}` }),
			fields: ({ email }) => ({ 'filter[email][_icontains]': email, fields: 'id,email', limit: '50' }),
			isSuccess: objectWhere((body) => Array.isArray(body.data)),
			effects: { otherSessions: 'always' },
			then: setOnFoundAccount({
				service: 'Directus',
				method: 'PATCH',
				path: '/users/{directusUserId}',
				found: usersFound,
				fields: ({ newPassword }) => ({ password: newPassword }),
				headers: bearerFrom('directusAdminToken'),
				isSuccess: objectOrEmpty,
			}),
		},
	},
	errorCodeOf: directusCode,
	// The request controller swallows the service's errors "to not give away what email addresses exist".
	unknownAccount: [],
	errorRules: [
		{ serviceCode: ['INVALID_TOKEN', 'TOKEN_EXPIRED'], code: 'invalid_or_expired_token' },
		// Measured on a real Directus 12.4: a spent token (its password hash no longer matches)
		// answers 403 FORBIDDEN. The reset route is public, so FORBIDDEN there is the token.
		{ operation: 'resetPassword', serviceCode: 'FORBIDDEN', code: 'invalid_or_expired_token' },
		{ operation: ['resetPassword', 'setPassword'], serviceCode: 'FAILED_VALIDATION', code: 'weak_password', message: ({ serverMessage }) => `Directus refused the new password: ${serverMessage ?? 'it does not match the password policy'}` },
		{ serviceCode: ['INVALID_PAYLOAD', 'FAILED_VALIDATION'], code: 'invalid_input' },
		{ serviceCode: 'REQUESTS_EXCEEDED', code: 'rate_limited' },
		{ serviceCode: ['FORBIDDEN', 'INVALID_CREDENTIALS'], code: 'auth_failed' },
	],
};
