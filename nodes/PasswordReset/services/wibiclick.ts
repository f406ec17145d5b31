import { VALIDATION_REFUSALS, successFlag } from './answers';
import type { ServiceProfile } from '../kernel/types';

/**
 * WibiClick (wibiclick_mysql_backend, Koa). Paths and field names come from the public web front
 * end (`POST /verify-email`, `POST /password-reset` with `token`, `password`, `password-confirm`);
 * the backend itself is not public, so both paths stay overridable in the credential.
 * Success is `{ success: true, message, email }`; a 2xx without `success: true` is not a success.
 */
export const wibiclick: ServiceProfile = {
	id: 'wibiclick',
	displayName: 'WibiClick',
	setup: {
		checked: 'Its public web front end (the back end is not public): paths and fields only; the sandbox',
		baseUrl: '`https://wibi.wilbertzgroup.com`',
		notes:
			'API key sent as `Authorization: Bearer`. Paths and field names come from WibiClick\'s public web front end; the back end is not public, so override the paths if yours differ.',
	},
	baseUrl: { placeholder: 'e.g. https://wibi.wilbertzgroup.com' },
	credentialTest: {
		method: 'POST',
		path: '/verify-email',
		fields: {},
		passes: VALIDATION_REFUSALS,
		proves:
			"WibiClick's send route refused a request without an email, so no email was sent and the Base URL is right. Guess: that the route answers such a request with a 4xx validation error",
	},
	auth: {
		apiKey: {
			in: 'header',
			name: 'Authorization',
			prefix: 'Bearer ',
			required: true,
			description: 'Your WibiClick API key, sent as Authorization: Bearer',
		},
	},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/verify-email',
			requires: ['email'],
			isSuccess: successFlag,
			fields: ({ email }) => ({ email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/password-reset',
			requires: ['resetToken', 'newPassword'],
			isSuccess: successFlag,
			fields: ({ resetToken, newPassword }) => ({
				token: resetToken,
				password: newPassword,
				'password-confirm': newPassword,
			}),
		},
	},
	unknownAccount: [
		{
			operation: 'sendResetEmail',
			status: 404,
			when: (body) => body.success === false && typeof body.message === 'string',
			// Koa answers an unknown route with a plain-text "Not Found"; only the app's own JSON
			// envelope can say "no such user".
			source: 'Guess: the backend is not public; its error envelope {success: false, message} is taken from the node docs',
		},
	],
	errorRules: [{ operation: 'resetPassword', status: 400, code: 'invalid_or_expired_token' }],
};
