import type { IDataObject } from 'n8n-workflow';

import { needsField, objectOrEmpty, objectWhere, setOnFoundAccount } from './answers';
import { isJsonObject } from '../kernel/json';
import type { CredentialSettings, ServiceProfile } from '../kernel/types';

/**
 * Payload CMS 3 (source: `auth/endpoints/{forgotPassword,resetPassword}.ts`,
 * `auth/operations/*`). Base URL: the server's `/api`. The auth collection (usually `users`) is
 * a credential field. Its routes are public. The send answers every email alike; a successful
 * reset logs the user in and answers with a session token, which is redacted everywhere.
 * Errors: `{errors: [{message, name?, data?}]}`; an unknown route `{message: 'Route not found "…"'}`
 * (both seen on a real Payload 3.90, test/real/payload.cjs).
 */
/** The user search's documents (its `isSuccess` found `docs` to be a list). */
const docsFound = (answers: unknown[]) => (answers[0] as IDataObject).docs;
const firstError = (body: IDataObject) => ((body.errors as IDataObject[] | undefined)?.[0] ?? {}) as IDataObject;
const errorMessage = (body: IDataObject) => String(firstError(body).message ?? '');
/** A validation error's reasons per field: `{data: {errors: [{message, path}]}}`. */
const fieldReasons = (body: IDataObject) =>
	(((firstError(body).data as IDataObject | undefined)?.errors as IDataObject[] | undefined) ?? [])
		.map((field) => String(field.message ?? '').replace(/\.$/, ''))
		.filter(Boolean)
		.join('; ');

/** Payload's API-key header: the collection the key's user is in, then the key (`strategies/apiKey.js`). */
const apiKeyHeader = ({ payloadCollection, payloadApiKey }: CredentialSettings) => ({ Authorization: `${payloadCollection || 'users'} API-Key ${payloadApiKey ?? ''}` });

export const payload: ServiceProfile = {
	id: 'payload',
	displayName: 'Payload CMS',
	setup: {
		checked: 'Real instance in CI: Payload 3.90 (`test/real/payload.cjs`)',
		baseUrl: '`https://<your server>/api`',
		notes:
			'**Collection**: the auth collection\'s slug (default `users`). Reset Token: the token in the emailed link. A reset logs the user in: the session token Payload answers with is redacted everywhere, never output. **API Key**: only for Set Password, the API key of a user of the collection (turn on `auth.useAPIKey`; least privilege: a user whose access control allows reading and updating that collection\'s users, nothing else). Set Password finds the user by email, Payload checks the password\'s rules (`weak_password` with its reason) and ends the user\'s sessions (with `auth.useSessions`, Payload\'s default).',
	},
	baseUrl: { placeholder: 'e.g. https://cms.example.com/api' },
	credentialFields: [
		{
			displayName: 'Collection',
			name: 'payloadCollection',
			type: 'string',
			default: 'users',
			description: 'The slug of the Payload auth collection whose users reset their passwords',
		},
		{
			displayName: 'API Key',
			name: 'payloadApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for Set Password: the API key of a user of that collection (the collection needs auth.useAPIKey) whose access allows updating its users. Sent as the collection's slug, API-Key and the key, to this Payload alone.",
		},
	],
	// A send without an email: "Missing email." (400), nothing sent.
	credentialTest: {
		method: 'POST',
		path: '/{payloadCollection}/forgot-password',
		fields: {},
		passes: [400],
		proves: "Payload's forgot-password route refused a request without an email, so no email was sent and the Base URL and Collection are right",
	},
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/{payloadCollection}/forgot-password',
			requires: ['email'],
			isSuccess: objectOrEmpty,
			fields: ({ email }) => ({ email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/{payloadCollection}/reset-password',
			requires: ['resetToken', 'newPassword'],
			isSuccess: objectWhere((body) => isJsonObject(body.user) || typeof body.token === 'string'),
			fields: ({ resetToken, newPassword }) => ({ token: resetToken, password: newPassword }),
			// The reset logs the user in: its session token must never leave the node.
			answerSecrets: (answer) => (typeof answer.token === 'string' ? [answer.token] : []),
		},
		// Emails are stored lower-cased (`baseFields/email.js`); the update drops every session of
		// the user where sessions are on, Payload's default (`operations/utilities/update.js`).
		setPassword: {
			method: 'GET',
			path: '/{payloadCollection}',
			requires: ['email', 'newPassword'],
			settingsProblem: needsField('payloadApiKey', "Set Password needs the credential's API Key: Payload's collection routes need a user allowed to update users"),
			headers: (_input, settings) => apiKeyHeader(settings),
			fields: ({ email }) => ({ 'where[email][equals]': email.toLowerCase(), limit: '2', depth: '0' }),
			isSuccess: objectWhere((body) => Array.isArray(body.docs)),
			effects: { otherSessions: 'always' },
			then: setOnFoundAccount({
				service: 'Payload',
				method: 'PATCH',
				path: '/{payloadCollection}/{payloadUserId}',
				found: docsFound,
				fields: ({ newPassword }) => ({ password: newPassword }),
				headers: (_previous, _answers, settings) => apiKeyHeader(settings),
				isSuccess: objectWhere((body) => isJsonObject(body.doc)),
			}),
		},
	},
	unknownAccount: [],
	errorRules: [
		{ when: (body) => /invalid or has expired/i.test(errorMessage(body)), code: 'invalid_or_expired_token' },
		{
			when: (body) => firstError(body).name === 'ValidationError' && /password/i.test(JSON.stringify(firstError(body).data ?? '')),
			code: 'weak_password',
			message: ({ body }) => `Payload refused the new password: ${fieldReasons(body) || errorMessage(body)}. Choose one that meets the collection's password rules`,
		},
		{ when: (body) => /missing email/i.test(errorMessage(body)), code: 'invalid_input' },
	],
};
