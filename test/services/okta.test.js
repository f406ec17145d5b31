/** Okta: the user named by login in the path (URL-encoded), SSWS token, and a hosted page for the reset itself. */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const oktaError = (errorCode, errorSummary) => ({ errorCode, errorSummary, errorLink: errorCode, errorId: 'oae1', errorCauses: [] });

describeServiceContract({
	service: 'okta',
	baseUrl: 'https://org.okta.test',
	operations: {
		sendResetEmail: {
			parameters: { email: 'ada+test@example.com' },
			request: {
				method: 'POST',
				path: '/api/v1/users/ada%2Btest%40example.com/lifecycle/reset_password',
				pathFor: (email) => `/api/v1/users/${encodeURIComponent(email)}/lifecycle/reset_password`,
				query: { sendEmail: 'true' },
				headers: { Authorization: `SSWS ${SENTINELS.apiKey}` },
			},
			success: { body: {}, output: { success: true, operation: 'sendResetEmail', service: 'okta', message: NEUTRAL } },
			unknownAccount: [[404, oktaError('E0000007', 'Not found: Resource not found: ada+test@example.com (User)')]],
			errors: [
				[401, oktaError('E0000011', 'Invalid token provided'), 'auth_failed'],
				[403, oktaError('E0000038', "This operation is not allowed in the user's current status."), 'user_disabled'],
				[429, oktaError('E0000047', 'API call exceeded rate limit due to too many requests.'), 'rate_limited'],
			],
		},
		resetPassword: {
			parameters: { email: EMAIL, resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			notSupported: /Okta finishes password resets on its own hosted page/,
		},
		createResetLink: {
			parameters: { email: 'ada+test@example.com' },
			request: {
				method: 'POST',
				path: '/api/v1/users/ada%2Btest%40example.com/lifecycle/reset_password',
				query: { sendEmail: 'false' },
				headers: { Authorization: `SSWS ${SENTINELS.apiKey}` },
			},
			success: {
				body: { summary: 'Reset password without sending email', resetPasswordUrl: 'https://org.okta.test/reset_password/XE6wE17zmphl3KqAPFxO' },
				output: {
					success: true,
					operation: 'createResetLink',
					service: 'okta',
					message: 'Reset link created',
					resetLink: 'https://org.okta.test/reset_password/XE6wE17zmphl3KqAPFxO',
				},
			},
			// An admin call, not a public form: an unknown login is user_not_found, never neutral.
			unknownAccount: [[404, oktaError('E0000007', 'Not found: Resource not found: ada+test@example.com (User)')]],
			errors: [
				[403, oktaError('E0000038', "This operation is not allowed in the user's current status."), 'user_disabled'],
				[403, oktaError('E0000006', 'You do not have permission to perform the requested action'), 'auth_failed'],
				[200, {}, 'unexpected_response'],
				[200, { resetPasswordUrl: 'https://org.okta.test.evil.example/reset_password/x' }, 'unexpected_response', { engine: true, message: /not on the Base URL's host org\.okta\.test/ }],
			],
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('okta', 'GET', '/api/v1/users/me', [200, { id: '00u1', status: 'ACTIVE' }], {}, { authorization: `SSWS ${SENTINELS.apiKey}` });
