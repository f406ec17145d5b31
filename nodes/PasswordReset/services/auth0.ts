import { SUCCESS_STATUSES, objectOrEmpty } from './answers';
import type { ServiceProfile } from './types';

/**
 * Auth0 Authentication API, `POST /dbconnections/change_password` (docs, SDK). Send only: the
 * user sets the new password on a page Auth0 hosts, so Reset Password has nothing to call.
 * Success is 200 with a plain-text body, for unknown emails too. No secret: the public client ID
 * and the database connection go in the body.
 */
/** Its sentence ("We've just sent you an email…"), never a page: a single-page app's index.html at a wrong Base URL answers 200 too. */
const isSentence = (body: unknown) => typeof body === 'string' && !/^\s*</.test(body);

export const auth0: ServiceProfile = {
	id: 'auth0',
	displayName: 'Auth0',
	setup: {
		checked: 'Documentation and its SDK; the sandbox',
		baseUrl: '`https://<tenant>.<region>.auth0.com`',
		notes:
			'**Client ID** of an application (public), **Connection** (default `Username-Password-Authentication`). Send only: the user finishes on Auth0\'s hosted page; Reset Password fails with `not_supported` before any request.',
	},
	baseUrl: { placeholder: 'e.g. https://your-tenant.eu.auth0.com' },
	credentialFields: [
		{
			displayName: 'Client ID',
			name: 'auth0ClientId',
			type: 'string',
			required: true,
			default: '',
			description: 'The Client ID of an Auth0 application (public, not the secret)',
		},
		{
			displayName: 'Connection',
			name: 'auth0Connection',
			type: 'string',
			default: 'Username-Password-Authentication',
			description: 'The Auth0 database connection the users belong to',
		},
	],
	credentialTest: {
		method: 'GET',
		path: '/.well-known/openid-configuration',
		passes: SUCCESS_STATUSES,
		proves:
			'The Auth0 tenant answered at this Base URL. The Client ID and Connection are only checked when an email is sent',
	},
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/dbconnections/change_password',
			requires: ['email'],
			isSuccess: (answer) => objectOrEmpty(answer) || isSentence(answer.body),
			fields: ({ email }, { auth0ClientId, auth0Connection }) => ({
				client_id: auth0ClientId ?? '',
				email,
				connection: auth0Connection || 'Username-Password-Authentication',
			}),
		},
		resetPassword: {
			notSupported:
				'Auth0 finishes password resets on its own hosted page, from the link in the email: there is no API to call with a token. Use Send Reset Email only',
		},
	},
	unknownAccount: [
		{
			operation: 'sendResetEmail',
			status: 404,
			when: (body) => /user not found/i.test(String(body.error_description ?? body.description ?? body.message ?? body.error ?? '')),
			source:
				'Docs (_change-password.md) list 404 "User not found", body shape a guess; in practice Auth0 answers 200 for unknown emails (auth0.js#380)',
		},
	],
	// The generic mapping covers its documented 400 and 429.
	errorRules: [],
};
