/** Medusa v2: the actor in the path, 201 for every identifier, and the reset token as a Bearer token, never in the URL. */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

describeServiceContract({
	service: 'medusa',
	baseUrl: 'https://medusa.example.test',
	credential: { medusaActor: 'user' },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: '/auth/user/emailpass/reset-password', body: { identifier: EMAIL }, absentHeaders: ['Authorization'] },
			success: { status: 201, body: '', output: { success: true, operation: 'sendResetEmail', service: 'medusa', message: NEUTRAL } },
			errors: [[400, { type: 'invalid_data', message: "Invalid request: Field 'identifier' is required" }, 'invalid_input']],
		},
		resetPassword: {
			parameters: { email: EMAIL, resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: {
				method: 'POST',
				path: '/auth/user/emailpass/update',
				body: { email: EMAIL, password: SENTINELS.newPassword },
				headers: { Authorization: `Bearer ${SENTINELS.resetToken}` },
			},
			success: { body: { success: true }, output: { success: true, operation: 'resetPassword', service: 'medusa', message: 'Password reset successfully' } },
			errors: [
				[401, { type: 'unauthorized', message: 'Invalid token' }, 'invalid_or_expired_token'],
				[200, { success: false }, 'unexpected_response'],
			],
		},
	},
});
