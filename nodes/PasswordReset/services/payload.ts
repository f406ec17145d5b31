import type { IDataObject } from 'n8n-workflow';

import { objectOrEmpty, objectWhere } from './answers';
import { isJsonObject } from '../kernel/json';
import type { ServiceProfile } from '../kernel/types';

/**
 * Payload CMS 3 (source: `auth/endpoints/{forgotPassword,resetPassword}.ts`,
 * `auth/operations/*`). Base URL: the server's `/api`. The auth collection (usually `users`) is
 * a credential field. Its routes are public. The send answers every email alike; a successful
 * reset logs the user in and answers with a session token, which is redacted everywhere.
 * Errors: `{errors: [{message, name?, data?}]}`; an unknown route `{message: 'Route not found "…"'}`
 * (both seen on a real Payload 3.90, test/real/payload.cjs).
 */
const firstError = (body: IDataObject) => ((body.errors as IDataObject[] | undefined)?.[0] ?? {}) as IDataObject;
const errorMessage = (body: IDataObject) => String(firstError(body).message ?? '');
/** A validation error's reasons per field: `{data: {errors: [{message, path}]}}`. */
const fieldReasons = (body: IDataObject) =>
	(((firstError(body).data as IDataObject | undefined)?.errors as IDataObject[] | undefined) ?? [])
		.map((field) => String(field.message ?? '').replace(/\.$/, ''))
		.filter(Boolean)
		.join('; ');

export const payload: ServiceProfile = {
	id: 'payload',
	displayName: 'Payload CMS',
	setup: {
		checked: 'Real instance in CI: Payload 3.90 (`test/real/payload.cjs`)',
		baseUrl: '`https://<your server>/api`',
		notes:
			'**Collection**: the auth collection\'s slug (default `users`). Reset Token: the token in the emailed link. A reset logs the user in: the session token Payload answers with is redacted everywhere, never output.',
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
