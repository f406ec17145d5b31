import type { IDataObject } from 'n8n-workflow';

import { objectOrEmpty } from './answers';
import type { ServiceProfile } from '../kernel/types';

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
	setup: {
		checked: 'Its documentation (GitBook); the send route is a guess; the sandbox',
		baseUrl: '`https://<instance>.xano.io/api:<group>`',
		notes:
			'The send endpoint (`GET /reset/password?email=`) is a guess: its documentation is not public. Override the path if yours differs.',
	},
	baseUrl: { placeholder: 'e.g. https://x8ki-letl-twmt.n7.xano.io/api:AbCdEfGh' },
	credentialTest: {
		method: 'GET',
		path: '/reset/password',
		passes: [400, 500],
		proves:
			'The API group has the send route: GET /reset/password without an email was refused (400, or Xano\'s 500 ERROR_FATAL), so no email was sent. Guess: that the route checks for an empty email first',
	},
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'GET',
			path: '/reset/password',
			requires: ['email'],
			isSuccess: objectOrEmpty,
			fields: ({ email }) => ({ email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/reset/password',
			requires: ['resetToken', 'newPassword'],
			isSuccess: objectOrEmpty,
			fields: ({ resetToken, newPassword }) => ({ code: resetToken, password: newPassword }),
		},
	},
	unknownAccount: [
		{
			operation: 'sendResetEmail',
			status: 500,
			when: isPreconditionFailure,
			source:
				'Hack System docs: "Error Not Existing User" is a Standard precondition (HTTP 500 ERROR_FATAL with a payload); that the send uses it is a guess',
		},
	],
	errorRules: [
		{ operation: 'resetPassword', status: 500, when: isPreconditionFailure, code: 'invalid_or_expired_token' },
		{ status: 400, when: (body) => body.code === 'ERROR_CODE_INPUT_ERROR', code: 'invalid_input' },
	],
};
