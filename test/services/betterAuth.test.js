/** Better Auth, both flows: the emailed link (its token) and the Email OTP plugin (a code + the email). */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const betterAuthError = (code, message) => ({ code, message });
const RESET_PAGE = 'https://app.example.test/reset-password';

describeServiceContract({
	service: 'betterAuth',
	baseUrl: 'https://app.example.test/api/auth',
	credential: { betterAuthRedirectTo: RESET_PAGE },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: '/api/auth/request-password-reset', body: { email: EMAIL, redirectTo: RESET_PAGE }, absentHeaders: ['Authorization'] },
			success: {
				body: { status: true, message: 'If this email exists in our system, check your email for the reset link' },
				output: { success: true, operation: 'sendResetEmail', service: 'betterAuth', message: NEUTRAL },
			},
			errors: [
				[400, betterAuthError('RESET_PASSWORD_DISABLED', "Reset password isn't enabled"), 'not_supported'],
				[403, betterAuthError('INVALID_CALLBACK_URL', 'Invalid callbackURL'), 'invalid_input'],
				[429, { message: 'Too many requests. Please try again later.' }, 'rate_limited'],
			],
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: { method: 'POST', path: '/api/auth/reset-password', body: { token: SENTINELS.resetToken, newPassword: SENTINELS.newPassword } },
			success: { body: { status: true }, output: { success: true, operation: 'resetPassword', service: 'betterAuth', message: 'Password reset successfully' } },
			unknownAccount: [[400, betterAuthError('USER_NOT_FOUND', 'User not found')]],
			errors: [
				[400, betterAuthError('INVALID_TOKEN', 'Invalid token'), 'invalid_or_expired_token', { serverMessage: 'Invalid token' }],
				[400, betterAuthError('PASSWORD_TOO_SHORT', 'Password too short'), 'weak_password'],
				[400, betterAuthError('PASSWORD_TOO_LONG', 'Password too long'), 'weak_password'],
				[400, betterAuthError('VALIDATION_ERROR', '[body.newPassword] Invalid input'), 'invalid_input'],
			],
		},
		verifyResetToken: { parameters: { resetToken: SENTINELS.resetToken }, notSupported: /^Better Auth cannot Verify Reset Token/ },
	},
});

describeServiceContract({
	service: 'betterAuthEmailOtp',
	baseUrl: 'https://app.example.test/api/auth',
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: '/api/auth/email-otp/request-password-reset', body: { email: EMAIL } },
			success: { body: { success: true }, output: { success: true, operation: 'sendResetEmail', service: 'betterAuthEmailOtp', message: NEUTRAL } },
			errors: [
				[400, betterAuthError('INVALID_EMAIL', 'Invalid email'), 'invalid_input'],
				[429, { message: 'Too many requests. Please try again later.' }, 'rate_limited'],
			],
		},
		resetPassword: {
			parameters: { email: EMAIL, resetToken: '123456', newPassword: SENTINELS.newPassword },
			request: { method: 'POST', path: '/api/auth/email-otp/reset-password', body: { email: EMAIL, otp: '123456', password: SENTINELS.newPassword } },
			success: { body: { success: true }, output: { success: true, operation: 'resetPassword', service: 'betterAuthEmailOtp', message: 'Password reset successfully' } },
			unknownAccount: [[400, betterAuthError('USER_NOT_FOUND', 'User not found')]],
			errors: [
				[400, betterAuthError('INVALID_OTP', 'Invalid OTP'), 'invalid_or_expired_token'],
				[400, betterAuthError('OTP_EXPIRED', 'OTP expired'), 'invalid_or_expired_token'],
				[403, betterAuthError('TOO_MANY_ATTEMPTS', 'Too many attempts'), 'invalid_or_expired_token'],
				[400, betterAuthError('PASSWORD_TOO_SHORT', 'Password too short'), 'weak_password'],
			],
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('betterAuth', 'GET', '/ok', [200, { ok: true }], {}, { authorization: undefined });
describeCredentialProbe('betterAuthEmailOtp', 'GET', '/ok', [200, { ok: true }], {}, { authorization: undefined });
