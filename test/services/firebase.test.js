const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const firebaseError = (message) => ({ error: { code: 400, message, errors: [{ message, domain: 'global', reason: 'invalid' }] } });
const KEY = { key: SENTINELS.apiKey };

describeServiceContract({
	service: 'firebase',
	baseUrl: 'https://identitytoolkit.example.test/v1',
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: {
				method: 'POST',
				path: '/v1/accounts:sendOobCode',
				body: { requestType: 'PASSWORD_RESET', email: EMAIL },
				query: KEY,
				keyInQuery: SENTINELS.apiKey,
				absentHeaders: ['Authorization'],
			},
			success: {
				body: { kind: 'identitytoolkit#GetOobConfirmationCodeResponse', email: EMAIL },
				output: { success: true, operation: 'sendResetEmail', service: 'firebase', message: NEUTRAL },
			},
			// Email-enumeration protection off: the unknown account stays neutral.
			unknownAccount: [[400, firebaseError('EMAIL_NOT_FOUND')]],
			errors: [
				[400, firebaseError('INVALID_EMAIL'), 'invalid_input'],
				[400, firebaseError('TOO_MANY_ATTEMPTS_TRY_LATER : Too many requests'), 'rate_limited'],
				// The emulator's operations.ts: too many reset codes for one account.
				[400, firebaseError('RESET_PASSWORD_EXCEED_LIMIT'), 'rate_limited'],
				[400, firebaseError('USER_DISABLED'), 'user_disabled'],
				[400, firebaseError('OPERATION_NOT_ALLOWED'), 'not_supported'],
				[400, firebaseError('API key not valid. Please pass a valid API key.'), 'auth_failed'],
			],
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: {
				method: 'POST',
				path: '/v1/accounts:resetPassword',
				body: { oobCode: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
				query: KEY,
				keyInQuery: SENTINELS.apiKey,
			},
			success: {
				body: { kind: 'identitytoolkit#ResetPasswordResponse', email: EMAIL, requestType: 'PASSWORD_RESET' },
				output: { success: true, operation: 'resetPassword', service: 'firebase', message: 'Password reset successfully', email: EMAIL },
			},
			errors: [
				[400, firebaseError('EXPIRED_OOB_CODE'), 'invalid_or_expired_token', { serverMessage: 'EXPIRED_OOB_CODE' }],
				[400, firebaseError('INVALID_OOB_CODE'), 'invalid_or_expired_token'],
				[400, firebaseError('WEAK_PASSWORD : Password should be at least 6 characters'), 'weak_password', { serverMessage: 'WEAK_PASSWORD : Password should be at least 6 characters' }],
				[400, firebaseError('USER_DISABLED'), 'user_disabled'],
				[503, { error: { code: 503, message: 'UNAVAILABLE' } }, 'unknown_outcome'],
			],
		},
		verifyResetToken: {
			parameters: { resetToken: SENTINELS.resetToken },
			request: {
				method: 'POST',
				path: '/v1/accounts:resetPassword',
				body: { oobCode: SENTINELS.resetToken },
				query: KEY,
				keyInQuery: SENTINELS.apiKey,
			},
			success: {
				body: { email: EMAIL, requestType: 'PASSWORD_RESET' },
				output: { success: true, operation: 'verifyResetToken', service: 'firebase', message: 'The reset token is valid', email: EMAIL },
			},
			errors: [
				[400, firebaseError('EXPIRED_OOB_CODE'), 'invalid_or_expired_token'],
				// A check changes nothing: a 5xx is a plain server error, not an unknown outcome.
				[500, { error: { code: 500, message: 'INTERNAL' } }, 'server_error'],
			],
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('firebase', 'POST', '/accounts:sendOobCode', [400, firebaseError('MISSING_EMAIL')], {}, { authorization: undefined }, { key: SENTINELS.apiKey });
