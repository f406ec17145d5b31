/** Stytch passwords by email: HTTP Basic (project ID and secret); 404 email_not_found reveals (stytch.com API reference, stytch-node). */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');

const stytchError = (status, type, message) => ({ status_code: status, request_id: 'request-id-test-1', error_type: type, error_message: message, error_url: `https://stytch.com/docs/api/errors/${status}` });
const BASIC = `Basic ${Buffer.from(`project-test-1:${SENTINELS.apiKey}`).toString('base64')}`;

describeServiceContract({
	service: 'stytch',
	baseUrl: 'https://test.stytch.test',
	credential: { stytchProjectId: 'project-test-1', stytchResetRedirectUrl: 'https://app.example.test/reset' },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: '/v1/passwords/email/reset/start', body: { email: EMAIL, reset_password_redirect_url: 'https://app.example.test/reset' }, headers: { Authorization: BASIC } },
			success: { body: { status_code: 200, request_id: 'request-id-test-1', user_id: 'user-test-1', email_id: 'email-test-1' }, output: { success: true, operation: 'sendResetEmail', service: 'stytch', message: expect.any(String) } },
			unknownAccount: [[404, stytchError(404, 'email_not_found', 'Email could not be found.')]],
			errors: [
				[401, stytchError(401, 'unauthorized_credentials', 'Unauthorized credentials.'), 'auth_failed', { message: /Project ID and Secret/ }],
				[429, stytchError(429, 'too_many_requests', 'Too many requests have been made.'), 'rate_limited'],
				[400, stytchError(400, 'invalid_email', 'Email format is invalid.'), 'invalid_input'],
			],
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: { method: 'POST', path: '/v1/passwords/email/reset', body: { token: SENTINELS.resetToken, password: SENTINELS.newPassword }, headers: { Authorization: BASIC } },
			success: {
				body: { status_code: 200, request_id: 'r1', user_id: 'user-test-1', user: {}, session_token: 'SESSION-TOKEN-x1', session_jwt: 'eyJ.SESSION-JWT-x2' },
				output: { success: true, operation: 'resetPassword', service: 'stytch', message: 'Password reset successfully' },
			},
			errors: [
				[401, stytchError(401, 'unable_to_auth_magic_link', 'Magic link could not be authenticated.'), 'invalid_or_expired_token'],
				[400, stytchError(400, 'weak_password', 'Password is too weak.'), 'weak_password'],
				[200, { status_code: 200 }, 'unexpected_response'],
			],
		},
		createResetLink: { parameters: { email: EMAIL }, notSupported: /use Send Reset Email/ },
	},
});

const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('stytch', 'POST', '/v1/passwords/email/reset/start', [400, stytchError(400, 'invalid_email', 'Email format is invalid.')], { stytchProjectId: 'project-test-1' }, { authorization: BASIC });
