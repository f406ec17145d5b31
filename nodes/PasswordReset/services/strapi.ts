import type { IDataObject } from 'n8n-workflow';

import type { ServiceProfile } from './types';

/**
 * Strapi users-permissions (v4/v5), from its REST docs and `controllers/auth.js` (source).
 * Base URL ends in `/api`. The Public role must allow forgotPassword and resetPassword.
 * Errors: `{data: null, error: {status, name, message}}`; the message tells the cases apart.
 * Reset codes never expire in Strapi.
 */
const errorMessage = (body: IDataObject) => String((body.error as IDataObject | undefined)?.message ?? '');

export const strapi: ServiceProfile = {
	id: 'strapi',
	displayName: 'Strapi',
	baseUrlPlaceholder: 'e.g. https://cms.example.com/api',
	// Guess: the API root answers without side effects; Strapi has no public health route under /api.
	credentialTestPath: '/',
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/auth/forgot-password',
			requires: ['email'],
			fields: ({ email }) => ({ email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/auth/reset-password',
			requires: ['resetToken', 'newPassword'],
			fields: ({ resetToken, newPassword }) => ({ code: resetToken, password: newPassword, passwordConfirmation: newPassword }),
		},
	},
	isSuccess: (body) => body.ok === true || body.jwt !== undefined || body.user !== undefined,
	errorRules: [
		{ when: (body) => /incorrect code/i.test(errorMessage(body)), code: 'invalid_or_expired_token' },
		{ when: (body) => /passwords do not match/i.test(errorMessage(body)), code: 'passwords_mismatch' },
		{ when: (body) => /email does not exist/i.test(errorMessage(body)), code: 'user_not_found' },
		{ when: (body) => /blocked/i.test(errorMessage(body)), code: 'user_disabled' },
	],
};
