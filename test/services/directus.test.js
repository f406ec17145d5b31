const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const directusError = (code, message) => ({ errors: [{ message, extensions: { code } }] });

describeServiceContract({
	service: 'directus',
	baseUrl: 'https://directus.example.test',
	credential: { directusResetUrl: 'https://app.example.test/reset' },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: '/auth/password/request', body: { email: EMAIL, reset_url: 'https://app.example.test/reset' }, absentHeaders: ['Authorization'] },
			success: { status: 204, body: '', output: { success: true, operation: 'sendResetEmail', service: 'directus', message: NEUTRAL } },
			errors: [
				[400, directusError('INVALID_PAYLOAD', 'URL "https://app.example.test/reset" can\'t be used to reset passwords.'), 'invalid_input'],
				[429, directusError('REQUESTS_EXCEEDED', 'Too many requests, retry after 1s.'), 'rate_limited'],
				[403, directusError('FORBIDDEN', "You don't have permission to access this."), 'auth_failed'],
			],
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: { method: 'POST', path: '/auth/password/reset', body: { token: SENTINELS.resetToken, password: SENTINELS.newPassword } },
			success: { status: 204, body: '', output: { success: true, operation: 'resetPassword', service: 'directus', message: 'Password reset successfully' } },
			errors: [
				// A 403 and a 401 that are token problems, not credentials.
				[403, directusError('INVALID_TOKEN', 'Invalid token'), 'invalid_or_expired_token', { serverMessage: 'Invalid token' }],
				[401, directusError('TOKEN_EXPIRED', 'Token expired.'), 'invalid_or_expired_token'],
				[400, directusError('FAILED_VALIDATION', 'Value doesn\'t have the correct format.'), 'weak_password'],
				// What a real Directus 12.4 answers for a spent token (test/real/directus.cjs).
				[403, directusError('FORBIDDEN', "You don't have permission to access this."), 'invalid_or_expired_token'],
			],
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('directus', 'GET', '/server/ping', [200, 'pong'], {}, { authorization: undefined });
