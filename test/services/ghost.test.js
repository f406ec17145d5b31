/** Ghost staff resets: public Admin API routes; an unknown email is 404 NotFoundError (passwordreset.js, authentication.js). */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const ghostError = (type, message, context = null) => ({ errors: [{ message, context, type, details: null, property: null, help: null, code: null, id: 'e1', ghostErrorCode: null }] });
const PATH = '/ghost/api/admin/authentication/password_reset/';

describeServiceContract({
	service: 'ghost',
	baseUrl: 'https://blog.example.test',
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: PATH, body: { password_reset: [{ email: EMAIL }] }, absentHeaders: ['Authorization'] },
			success: {
				body: { password_reset: [{ message: 'Check your email for further instructions.' }] },
				output: { success: true, operation: 'sendResetEmail', service: 'ghost', message: NEUTRAL },
			},
			unknownAccount: [[404, ghostError('NotFoundError', 'User not found.')]],
			errors: [
				[429, ghostError('TooManyRequestsError', 'Too many attempts try again in an hour', 'Only 5 tries per IP address every 3600 seconds.'), 'rate_limited'],
				[403, ghostError('NoPermissionError', 'This account has been suspended.'), 'user_disabled'],
				[403, ghostError('NoPermissionError', 'Setup has not been completed.'), 'auth_failed'],
				[500, ghostError('EmailError', 'Failed to send email. Reason: connect ECONNREFUSED 127.0.0.1:1025.'), 'server_error', { message: /mail settings/ }],
				// Measured on Ghost 6.65: a malformed email is a 400 BadRequestError.
				[400, ghostError('BadRequestError', 'The server did not receive a valid email'), 'invalid_input'],
				// Its API's answer for a route it lacks is a NotFoundError too: never the unknown account.
				[404, ghostError('NotFoundError', 'Resource not found'), 'endpoint_not_found'],
			],
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: { method: 'PUT', path: PATH, body: { password_reset: [{ token: SENTINELS.resetToken, newPassword: SENTINELS.newPassword, ne2Password: SENTINELS.newPassword }] } },
			success: { body: { password_reset: [{ message: 'Password updated' }] }, output: { success: true, operation: 'resetPassword', service: 'ghost', message: 'Password reset successfully' } },
			errors: [
				[401, ghostError('UnauthorizedError', 'Cannot reset password.', 'Invalid password reset link.'), 'invalid_or_expired_token'],
				[400, ghostError('BadRequestError', 'Cannot reset password.', 'Password reset link has already been used.'), 'invalid_or_expired_token'],
				[400, ghostError('BadRequestError', 'Cannot reset password.', 'Password reset link expired.'), 'invalid_or_expired_token'],
				[422, ghostError('ValidationError', 'Your password must be at least 10 characters long.'), 'weak_password', { message: /at least 10 characters/ }],
				[500, ghostError('InternalServerError', 'Something went wrong'), 'unknown_outcome'],
			],
		},
		setPassword: { parameters: { email: EMAIL, newPassword: SENTINELS.newPassword }, notSupported: /signed-in staff session/ },
	},
});

const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('ghost', 'GET', '/ghost/api/admin/site/', [200, { site: { title: 'Blog', version: '6.65' } }], {}, { authorization: undefined });
