import type { IDataObject } from 'n8n-workflow';

import { needsField, objectOrEmpty, objectWhere, setOnFoundAccount } from './answers';
import type { ResetInput, ServiceProfile } from '../kernel/types';

/**
 * Parse Server 7 (source: `Routers/UsersRouter.js` handleResetRequest, `Routers/PublicAPIRouter.js`,
 * `middlewares.js`). Base URL: the server URL (`…/parse`). The app ID goes in
 * X-Parse-Application-Id; the REST API key, when the server sets one, in X-Parse-REST-API-Key.
 * Send is JSON. Reset has no JSON route: it is the form the emailed link opens, posted
 * URL-encoded as an XHR so Parse answers in JSON (a bare string on success) instead of
 * redirecting. Errors: `{code, error}`.
 */
const errorText = (body: IDataObject) => String(body.error ?? '');
/** The user search's results (its `isSuccess` found them to be a list). */
const usersFound = (answers: unknown[]) => (answers[0] as IDataObject).results;

/** The emailed link (`…/request_password_reset?token=…&username=…`), or the token alone with the Email as username. */
const resetParts = ({ resetToken, email }: ResetInput) => {
	try {
		const link = new URL(resetToken);
		return { token: link.searchParams.get('token') ?? '', username: link.searchParams.get('username') ?? email };
	} catch {
		return { token: resetToken, username: email };
	}
};

export const parse: ServiceProfile = {
	id: 'parse',
	displayName: 'Parse Server',
	setup: {
		checked: 'Real instance in CI: Parse Server 7.5 (`test/real/parse.cjs`)',
		baseUrl: '`https://<your server>/parse` (its serverURL)',
		notes:
			'**Application ID**; **API Key** only when the server sets a REST API key (never the master key). Reset Token: paste the whole link from the email (the node takes its token and username), or the token alone with the **Email** as the username. Parse has no JSON reset route: the node posts the link\'s form URL-encoded, as an XHR, so Parse answers in JSON. A server without an email adapter answers `not_supported`. **Master Key**: only for Set Password (Parse has no narrower key for another user\'s password; a read-only master key is refused): sent as `X-Parse-Master-Key` on those requests alone. Parse matches emails exactly: Set Password looks for the address as typed and in lower case. The password policy applies (`weak_password`, `password_reused`), and by default the user\'s sessions are deleted.',
	},
	baseUrl: { placeholder: 'e.g. https://api.example.com/parse' },
	credentialFields: [
		{
			displayName: 'Application ID',
			name: 'parseAppId',
			type: 'string',
			required: true,
			default: '',
			description: "The Parse app's Application ID, sent in the X-Parse-Application-ID header",
		},
		{
			displayName: 'Master Key',
			name: 'parseMasterKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for Set Password: the Master Key (or a read-write master key), sent as X-Parse-Master-Key on Set Password\'s requests alone. Leave empty if you do not set passwords.',
		},
	],
	// Without an email Parse answers 400 code 204 "you must provide an email": nothing sent.
	credentialTest: {
		method: 'POST',
		path: '/requestPasswordReset',
		fields: {},
		passes: [400],
		proves: "Parse's requestPasswordReset refused a request without an email, so no email was sent and the Base URL, Application ID and key are right",
	},
	auth: {
		apiKey: {
			in: 'header',
			name: 'X-Parse-REST-API-Key',
			prefix: '',
			required: false,
			description: 'Only when the server sets a REST API key: sent as X-Parse-REST-API-Key. Never the master key',
		},
		headers: ({ parseAppId }) => ({ 'X-Parse-Application-Id': parseAppId ?? '' }),
	},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/requestPasswordReset',
			requires: ['email'],
			isSuccess: objectOrEmpty,
			fields: ({ email }) => ({ email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/apps/{parseAppId}/request_password_reset',
			bodyFormat: 'form',
			// As an XHR, Parse answers in JSON instead of redirecting to its pages.
			headers: () => ({ 'X-Requested-With': 'XMLHttpRequest' }),
			requires: ['resetToken', 'newPassword'],
			isSuccess: ({ body }) => body === 'Password successfully reset',
			derivedSecrets: (input) => [resetParts(input).token],
			checkInput: (input) => (resetParts(input).username ? undefined : 'Parse needs the username: paste the whole link from the email as the Reset Token, or give the Email'),
			fields: (input) => ({ ...resetParts(input), new_password: input.newPassword }),
		},
		// Parse keeps emails as typed and matches them exactly: the search asks for the address as
		// typed and in lower case. The update applies the password policy and, by default
		// (`revokeSessionOnPasswordReset`), deletes the user's sessions (`RestWrite.js`).
		setPassword: {
			method: 'GET',
			path: '/users',
			requires: ['email', 'newPassword'],
			settingsProblem: needsField('parseMasterKey', "Set Password needs the credential's Master Key: only it may change another user's password"),
			headers: (_input, { parseMasterKey }) => ({ 'X-Parse-Master-Key': parseMasterKey ?? '' }),
			fields: ({ email }) => ({ where: JSON.stringify({ email: { $in: [...new Set([email, email.toLowerCase()])] } }), limit: '2', keys: 'email' }),
			isSuccess: objectWhere((body) => Array.isArray(body.results)),
			effects: { otherSessions: 'always' },
			then: setOnFoundAccount({
				service: 'Parse',
				method: 'PUT',
				path: '/users/{parseUserId}',
				found: usersFound,
				idOf: (account) => account.objectId,
				fields: ({ newPassword }) => ({ password: newPassword }),
				headers: (_previous, _answers, { parseMasterKey }) => ({ 'X-Parse-Master-Key': parseMasterKey ?? '' }),
				isSuccess: objectWhere((body) => typeof body.updatedAt === 'string'),
			}),
		},
	},
	unknownAccount: [
		{
			operation: 'sendResetEmail',
			status: 404,
			when: (body) => body.code === 101,
			source: 'UsersRouter.js: only with passwordPolicy.resetPasswordSuccessOnInvalidEmail false; by default every email gets {}',
		},
	],
	errorRules: [
		{ when: (body) => /token is invalid|link has expired|username \/ email \/ token/i.test(errorText(body)), code: 'invalid_or_expired_token' },
		{ when: (body) => /should not be the same as last/i.test(errorText(body)), code: 'password_reused' },
		{ when: (body) => /password policy|cannot contain your username/i.test(errorText(body)), code: 'weak_password' },
		{ when: (body) => body.code === 204, code: 'invalid_input' },
		// Measured on a real Parse Server 7.5: a wrong master key is no master key, and the email search
		// is then refused as 400 code 119 (OPERATION_FORBIDDEN, "not allowed to query email").
		{
			operation: 'setPassword',
			when: (body) => body.code === 119 || /unauthorized/i.test(errorText(body)),
			code: 'auth_failed',
			message: () => "Parse did not take the credential's Master Key as the master key. Check it, and that the server allows it from n8n's address (masterKeyIps)",
		},
		// The password policy's refusal is code 142 (VALIDATION_ERROR) with the policy's own validationError.
		{ operation: 'setPassword', when: (body) => body.code === 142, code: 'weak_password', message: ({ serverMessage }) => `Parse refused the new password: ${serverMessage ?? 'it does not meet the password policy'}` },
		{ when: (body) => body.code === 1 && /emailAdapter|publicServerURL/i.test(errorText(body)), code: 'not_supported' },
	],
};
