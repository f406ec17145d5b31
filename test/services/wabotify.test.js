const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const envelope = (code, message) => ({ success: code === 200, code, errorCode: code === 200 ? null : 'E', message, data: null });

describeServiceContract({
	service: 'wabotify',
	baseUrl: 'https://api.wabotify.test',
	credential: { company: 'acme' },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: {
				method: 'POST',
				path: '/api/user/sendEmailToResetPassword',
				body: { email: EMAIL, company: 'acme' },
				// Public endpoint: the API key stays home even when one is set.
				absentHeaders: ['Authorization'],
			},
			success: {
				body: envelope(200, 'Reset email sent successfully'),
				output: { success: true, operation: 'sendResetEmail', service: 'wabotify', message: NEUTRAL },
			},
			unknownAccount: [[404, envelope(404, 'User not found')]],
			errors: [
				[400, envelope(400, 'email is required'), 'invalid_input', { serverMessage: 'email is required' }],
				// The envelope around a route 404 is not an unknown account.
				[404, envelope(404, 'Route not found'), 'endpoint_not_found'],
				[429, envelope(429, 'Too many attempts'), 'rate_limited'],
				[500, envelope(500, 'Internal error'), 'server_error'],
			],
		},
		resetPassword: {
			parameters: { email: EMAIL, resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: {
				method: 'POST',
				path: '/api/user/resetPassword',
				body: { email: EMAIL, newPassword: SENTINELS.newPassword, verificationId: SENTINELS.resetToken },
				absentHeaders: ['Authorization'],
			},
			success: {
				body: envelope(200, 'Password updated successfully'),
				output: {
					success: true,
					operation: 'resetPassword',
					service: 'wabotify',
					message: 'Password updated successfully',
				},
			},
			unknownAccount: [[404, envelope(404, 'User not found')]],
			errors: [
				[400, envelope(400, 'newPassword is required'), 'invalid_input'],
				[401, envelope(401, 'verificationId invalid or already used'), 'invalid_or_expired_token'],
				[422, envelope(422, 'Password too weak'), 'weak_password', { serverMessage: 'Password too weak' }],
				[429, envelope(429, 'Too many attempts'), 'rate_limited'],
				[500, envelope(500, 'Internal error'), 'unknown_outcome'],
			],
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('wabotify', 'POST', '/api/user/sendEmailToResetPassword', [400, { success: false, code: 400, errorCode: 'E400', message: 'email and company are required', data: null }], {}, { authorization: undefined });
