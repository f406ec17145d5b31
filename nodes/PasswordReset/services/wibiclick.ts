import type { ServiceProfile } from './types';

/**
 * WibiClick (wibiclick_mysql_backend, Koa). Paths and field names come from the public web front
 * end (`POST /verify-email`, `POST /password-reset` with `token`, `password`, `password-confirm`);
 * the backend itself is not public, so both paths stay overridable in the credential.
 * Success is `{ success: true, message, email }`; a 2xx without `success: true` is not a success.
 */
export const wibiclick: ServiceProfile = {
	id: 'wibiclick',
	displayName: 'WibiClick',
	baseUrlPlaceholder: 'e.g. https://wibi.wilbertzgroup.com',
	// Guess: the host root answers without side effects; the backend's authenticated routes are unknown.
	credentialTestPath: '/',
	auth: { apiKey: { in: 'header', name: 'Authorization', prefix: 'Bearer ' } },
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/verify-email',
			requires: ['email'],
			fields: ({ email }) => ({ email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/password-reset',
			requires: ['resetToken', 'newPassword'],
			fields: ({ resetToken, newPassword }) => ({
				token: resetToken,
				password: newPassword,
				'password-confirm': newPassword,
			}),
		},
	},
	isSuccess: (body) => body.success === true,
	errorRules: [{ operation: 'resetPassword', status: 400, code: 'invalid_or_expired_token' }],
};
