import type { IDataObject } from 'n8n-workflow';

import { bearerFrom, needsField, objectWhere, setOnFoundAccount } from './answers';
import type { ServiceProfile } from '../kernel/types';

/**
 * Strapi users-permissions (v4/v5), from its REST docs and `controllers/auth.js` (source).
 * Base URL ends in `/api`. The Public role must allow forgotPassword and resetPassword.
 * Errors: `{data: null, error: {status, name, message}}`; the message tells the cases apart.
 * Reset codes never expire in Strapi.
 */
const errorMessage = (body: IDataObject) => String((body.error as IDataObject | undefined)?.message ?? '');
/** A validation error's reasons, where Strapi lists them (`error.details.errors[].message`), else its message. */
const reasons = (body: IDataObject) => {
	const listed = ((((body.error as IDataObject | undefined)?.details as IDataObject | undefined)?.errors as IDataObject[] | undefined) ?? [])
		.map((error) => String(error.message ?? '').replace(/\.$/, ''))
		.filter(Boolean);
	return listed.length ? listed.join('; ') : errorMessage(body).replace(/\.$/, '');
};

/** `{ok: true}` on send; the user (and a JWT, unless the app turned it off) on reset. */
const strapiSuccess = objectWhere((body) => body.ok === true || body.jwt !== undefined || body.user !== undefined);

export const strapi: ServiceProfile = {
	id: 'strapi',
	displayName: 'Strapi',
	setup: {
		checked: 'Real instance in CI: Strapi 5.54 (`test/real/strapi.cjs`)',
		baseUrl: '`https://<your-strapi>/api`',
		notes:
			'No API key; the Public role needs the *forgotPassword* and *resetPassword* permissions (Users & Permissions plugin). Reset Token is the `code` in the link. Strapi\'s codes never expire: prefer short-lived flows. **API Token**: only for Set Password, an API token of type Custom with only *Users-permissions → User: find, update* (or Full access). Set Password finds the user by email in any case; Strapi checks only the password\'s length there (at least 6) and signs no session out (its tokens are stateless JWTs, valid until they expire).',
	},
	baseUrl: { placeholder: 'e.g. https://cms.example.com/api' },
	// A 403 here means the Public role lacks forgotPassword; a 404, a Base URL without /api.
	credentialFields: [
		{
			displayName: 'API Token',
			name: 'strapiApiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for Set Password: a Strapi API token (Settings → API Tokens) of type Full access, or Custom with Users-permissions → User: find and update. Sent as a Bearer token to this Strapi alone.',
		},
	],
	credentialTest: {
		method: 'POST',
		path: '/auth/forgot-password',
		// An empty email, not an empty body: n8n sends no body for `{}`, and a real Strapi 5.54
		// answers a body-less POST with a 500 (TypeError in its controller).
		fields: { email: '' },
		passes: [400],
		proves:
			"Strapi's forgot-password route refused a request without an email, so no email was sent, the Base URL is right and the Public role may call it",
	},
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/auth/forgot-password',
			requires: ['email'],
			isSuccess: strapiSuccess,
			fields: ({ email }) => ({ email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/auth/reset-password',
			requires: ['resetToken', 'newPassword'],
			isSuccess: strapiSuccess,
			fields: ({ resetToken, newPassword }) => ({ code: resetToken, password: newPassword, passwordConfirmation: newPassword }),
		},
		// `GET /users` answers a bare list (`controllers/user.js` find); `PUT /users/{id}` takes the
		// numeric id and revokes nothing: Strapi's tokens are stateless JWTs (`services/user.js` edit).
		setPassword: {
			method: 'GET',
			path: '/users',
			requires: ['email', 'newPassword'],
			settingsProblem: needsField('strapiApiToken', "Set Password needs the credential's API Token: Strapi's users routes refuse the public role"),
			headers: (_input, { strapiApiToken }) => ({ Authorization: `Bearer ${strapiApiToken ?? ''}` }),
			fields: ({ email }) => ({ 'filters[email][$eqi]': email }),
			isSuccess: ({ body }) => Array.isArray(body),
			effects: { otherSessions: 'never' },
			then: setOnFoundAccount({
				service: 'Strapi',
				method: 'PUT',
				path: '/users/{strapiUserId}',
				found: (answers) => answers[0],
				fields: ({ newPassword }) => ({ password: newPassword }),
				headers: bearerFrom('strapiApiToken'),
				isSuccess: objectWhere((body) => body.id !== undefined),
			}),
		},
	},
	unknownAccount: [
		{
			operation: 'sendResetEmail',
			status: 400,
			when: (body) => /email does not exist/i.test(errorMessage(body)),
			source: 'controllers/auth.js of early v4: ApplicationError "This email does not exist"; current versions answer {ok: true} for every email',
		},
	],
	errorRules: [
		{ when: (body) => /incorrect code/i.test(errorMessage(body)), code: 'invalid_or_expired_token' },
		{ when: (body) => /passwords do not match/i.test(errorMessage(body)), code: 'passwords_mismatch' },
		{ when: (body) => /blocked/i.test(errorMessage(body)), code: 'user_disabled' },
		// Strapi 5's password rules (a real 5.54): "Password validation failed." from the app's
		// validatePassword, and bcrypt's limit, "Password must be less than 73 bytes".
		{
			operation: ['resetPassword', 'setPassword'],
			status: 400,
			when: (body) => /password validation failed|password must be (less|more|at least|at most)/i.test(errorMessage(body)),
			code: 'weak_password',
			message: ({ body }) => `Strapi refused the new password: ${reasons(body)}. Choose one that meets the app's password rules`,
		},
	],
};
