import type { IDataObject } from 'n8n-workflow';

import type { ServiceProfile } from './types';

/**
 * Firebase Authentication (Identity Toolkit REST v1), from the REST reference and the emulator's
 * `operations.ts`. The Web API key goes as `?key=`: Firebase's own contract, and the one
 * documented exception to "no key in a URL" (it never appears in output or errors).
 * Errors: HTTP 400 `{error: {code, message: "CODE : detail"}}`; the code is before " : ".
 */
const firebaseCode = (body: IDataObject) => {
	const message = (body.error as IDataObject | undefined)?.message;
	return typeof message === 'string' ? message.split(' : ')[0].trim() : undefined;
};

export const firebase: ServiceProfile = {
	id: 'firebase',
	displayName: 'Firebase Auth',
	baseUrlPlaceholder: 'e.g. https://identitytoolkit.googleapis.com/v1',
	// Public project config: answers 2xx only for a valid Web API key, sends nothing.
	credentialTestPath: '/projects',
	auth: { apiKey: { in: 'query', name: 'key' } },
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/accounts:sendOobCode',
			requires: ['email'],
			fields: ({ email }) => ({ requestType: 'PASSWORD_RESET', email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/accounts:resetPassword',
			requires: ['resetToken', 'newPassword'],
			fields: ({ resetToken, newPassword }) => ({ oobCode: resetToken, newPassword }),
		},
		// resetPassword with only the code checks it without using it up.
		verifyResetToken: {
			method: 'POST',
			path: '/accounts:resetPassword',
			requires: ['resetToken'],
			fields: ({ resetToken }) => ({ oobCode: resetToken }),
		},
	},
	isSuccess: (body) => !body.error,
	errorCodeOf: firebaseCode,
	errorRules: [
		{ serviceCode: ['EXPIRED_OOB_CODE', 'INVALID_OOB_CODE'], code: 'invalid_or_expired_token' },
		{ serviceCode: 'WEAK_PASSWORD', code: 'weak_password' },
		{ serviceCode: 'EMAIL_NOT_FOUND', code: 'user_not_found' },
		{ serviceCode: 'USER_DISABLED', code: 'user_disabled' },
		{ serviceCode: 'TOO_MANY_ATTEMPTS_TRY_LATER', code: 'rate_limited' },
		{ serviceCode: ['INVALID_EMAIL', 'MISSING_EMAIL', 'MISSING_OOB_CODE', 'INVALID_CONTINUE_URI'], code: 'invalid_input' },
		{ serviceCode: ['OPERATION_NOT_ALLOWED', 'PASSWORD_LOGIN_DISABLED'], code: 'not_supported' },
		{ when: (body) => /API key not valid|API_KEY_INVALID/i.test(String((body.error as IDataObject | undefined)?.message ?? '')), code: 'auth_failed' },
	],
};
