const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

describeServiceContract({
	service: 'auth0',
	baseUrl: 'https://tenant.auth0.test',
	credential: { auth0ClientId: 'client-abc', auth0Connection: 'Members' },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: {
				method: 'POST',
				path: '/dbconnections/change_password',
				body: { client_id: 'client-abc', email: EMAIL, connection: 'Members' },
				// The public client ID identifies the app: the API key is not sent.
				absentHeaders: ['Authorization'],
			},
			success: {
				status: 200,
				body: "We've just sent you an email to reset your password.",
				output: { success: true, operation: 'sendResetEmail', service: 'auth0', message: NEUTRAL },
			},
			// Documented, though Auth0 answers 200 in practice.
			unknownAccount: [[404, { error: 'not_found', error_description: 'User not found' }]],
			errors: [
				[400, { error: 'invalid_request', error_description: 'Connection does not exist' }, 'invalid_input', { serverMessage: 'Connection does not exist' }],
				[429, { error: 'too_many_requests', error_description: 'Too many requests' }, 'rate_limited'],
			],
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			notSupported: /Auth0 finishes password resets on its own hosted page/,
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('auth0', 'GET', '/.well-known/openid-configuration', [200, { issuer: 'https://svc.example.test/' }], {}, { authorization: undefined });
