import type { IDataObject } from 'n8n-workflow';

import { objectOrEmpty } from './answers';
import type { RawAnswer, ServiceProfile } from '../kernel/types';

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

/** Its answers are JSON objects; an `error` in one is no success. */
const firebaseSuccess = (answer: RawAnswer) => objectOrEmpty(answer) && !(answer.body as IDataObject | undefined)?.error;

export const firebase: ServiceProfile = {
	id: 'firebase',
	displayName: 'Firebase Auth',
	setup: {
		checked: 'Vendor emulator: the Firebase Auth Emulator in CI (`test/real/firebase.cjs`: any API key passes there); the REST reference',
		baseUrl: '`https://identitytoolkit.googleapis.com/v1`',
		notes:
			'**API Key**: the Web API key (Project settings → General). Firebase takes it as `?key=`: its own contract, the one key this node puts in a URL; it never appears in output or errors. Reset Token is the `oobCode` from the email link (your custom action handler receives it).',
	},
	// Google's one address for every project: the credential fills it in.
	baseUrl: { placeholder: 'https://identitytoolkit.googleapis.com/v1', default: 'https://identitytoolkit.googleapis.com/v1' },
	// The key is checked before the request (API_KEY_INVALID); then the emulator's operations.ts
	// refuses a PASSWORD_RESET without an email as MISSING_EMAIL.
	credentialTest: {
		method: 'POST',
		path: '/accounts:sendOobCode',
		fields: { requestType: 'PASSWORD_RESET' },
		passes: [400],
		proves: 'Identity Toolkit answered 400 to a send without an email, so no email was sent and the Base URL is right. A wrong Web API key answers 400 too: the key shows on a send',
	},
	auth: {
		apiKey: {
			in: 'query',
			name: 'key',
			required: true,
			description: "The project's Web API key (Project settings → General), sent as ?key=, as Firebase's REST API requires",
		},
	},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/accounts:sendOobCode',
			requires: ['email'],
			isSuccess: firebaseSuccess,
			fields: ({ email }) => ({ requestType: 'PASSWORD_RESET', email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/accounts:resetPassword',
			requires: ['resetToken', 'newPassword'],
			isSuccess: firebaseSuccess,
			fields: ({ resetToken, newPassword }) => ({ oobCode: resetToken, newPassword }),
		},
		// resetPassword with only the code checks it without using it up.
		verifyResetToken: {
			method: 'POST',
			path: '/accounts:resetPassword',
			requires: ['resetToken'],
			isSuccess: firebaseSuccess,
			fields: ({ resetToken }) => ({ oobCode: resetToken }),
		},
	},
	errorCodeOf: firebaseCode,
	unknownAccount: [
		{
			status: 400,
			serviceCode: 'EMAIL_NOT_FOUND',
			source: 'REST reference and the emulator\'s operations.ts: 400 EMAIL_NOT_FOUND, only when email-enumeration protection is off',
		},
	],
	errorRules: [
		{ serviceCode: ['EXPIRED_OOB_CODE', 'INVALID_OOB_CODE'], code: 'invalid_or_expired_token' },
		{ serviceCode: 'WEAK_PASSWORD', code: 'weak_password' },
		{ serviceCode: 'USER_DISABLED', code: 'user_disabled' },
		// The emulator's operations.ts: too many codes requested for one account.
		{ serviceCode: ['TOO_MANY_ATTEMPTS_TRY_LATER', 'RESET_PASSWORD_EXCEED_LIMIT'], code: 'rate_limited' },
		{ serviceCode: ['INVALID_EMAIL', 'MISSING_EMAIL', 'MISSING_OOB_CODE', 'INVALID_CONTINUE_URI'], code: 'invalid_input' },
		{ serviceCode: ['OPERATION_NOT_ALLOWED', 'PASSWORD_LOGIN_DISABLED'], code: 'not_supported' },
		{ when: (body) => /API key not valid|API_KEY_INVALID/i.test(String((body.error as IDataObject | undefined)?.message ?? '')), code: 'auth_failed' },
	],
};
