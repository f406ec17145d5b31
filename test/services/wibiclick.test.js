const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

describeServiceContract({
	service: 'wibiclick',
	baseUrl: 'https://wibi.example.test',
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: {
				method: 'POST',
				path: '/verify-email',
				body: { email: EMAIL },
				headers: { Authorization: `Bearer ${SENTINELS.apiKey}` },
			},
			success: {
				body: { success: true, message: 'Check your email' },
				output: { success: true, operation: 'sendResetEmail', service: 'wibiclick', message: NEUTRAL },
			},
			unknownAccount: [[404, { success: false, message: 'User not found' }]],
			errors: [
				[401, { success: false, message: 'Unauthorized' }, 'auth_failed'],
				[429, { success: false, message: 'Slow down' }, 'rate_limited'],
				[500, { success: false, message: 'boom' }, 'server_error'],
				[200, { message: 'ok?' }, 'unexpected_response', { message: /^Unexpected response from server/ }],
			],
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: {
				method: 'POST',
				path: '/password-reset',
				body: {
					token: SENTINELS.resetToken,
					password: SENTINELS.newPassword,
					'password-confirm': SENTINELS.newPassword,
				},
				headers: { Authorization: `Bearer ${SENTINELS.apiKey}` },
			},
			success: {
				body: { success: true, message: 'Password reset successfully', email: EMAIL },
				output: {
					success: true,
					operation: 'resetPassword',
					service: 'wibiclick',
					message: 'Password reset successfully',
					email: EMAIL,
				},
			},
			errors: [
				[400, { success: false, message: 'Token expired' }, 'invalid_or_expired_token', { serverMessage: 'Token expired' }],
				[401, { success: false, message: 'Invalid API key' }, 'auth_failed', { serverMessage: 'Invalid API key' }],
				[429, { success: false, message: 'Too many' }, 'rate_limited'],
				[500, { success: false, message: 'db down' }, 'unknown_outcome'],
				[200, { success: false, message: 'nope' }, 'unexpected_response', { message: /^Unexpected response from server/ }],
				[200, {}, 'unexpected_response', { message: /^Unexpected response from server/ }],
			],
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('wibiclick', 'POST', '/verify-email', [400, { success: false, message: 'Email is required' }], {}, { authorization: `Bearer ${SENTINELS.apiKey}` });
