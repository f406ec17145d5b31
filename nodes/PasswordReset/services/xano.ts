import type { IDataObject } from 'n8n-workflow';

import type { ServiceProfile } from './types';

/**
 * A Xano "Hack System" back end (GitBook "POST : Reset Password"): public endpoints, error bodies
 * `{ code, message, payload }`. A failed precondition answers HTTP 500 `ERROR_FATAL` with a
 * non-empty payload: a definite rejection that changed nothing, unlike a bare 500.
 * The send endpoint (`GET /reset/password?email=`) is a guess: its page is not public.
 */
const isPreconditionFailure = (body: IDataObject) =>
	body.code === 'ERROR_FATAL' &&
	body.payload !== undefined &&
	body.payload !== null &&
	body.payload !== '' &&
	!(typeof body.payload === 'object' && Object.keys(body.payload).length === 0);

export const xano: ServiceProfile = {
	id: 'xano',
	displayName: 'Xano (Hack System)',
	baseUrlPlaceholder: 'e.g. https://x8ki-letl-twmt.n7.xano.io/api:AbCdEfGh',
	// Guess: Xano answers the API group root; the auth routes need a user token.
	credentialTestPath: '/',
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'GET',
			path: '/reset/password',
			requires: ['email'],
			fields: ({ email }) => ({ email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/reset/password',
			requires: ['resetToken', 'newPassword'],
			fields: ({ resetToken, newPassword }) => ({ code: resetToken, password: newPassword }),
		},
	},
	isSuccess: () => true,
	errorRules: [
		{ operation: 'resetPassword', status: 500, when: isPreconditionFailure, code: 'invalid_or_expired_token' },
		// The send's "Error Not Existing User" precondition is of type Standard: HTTP 500 too.
		{ operation: 'sendResetEmail', status: 500, when: isPreconditionFailure, code: 'user_not_found' },
		{ status: 400, when: (body) => body.code === 'ERROR_CODE_INPUT_ERROR', code: 'invalid_input' },
	],
};
