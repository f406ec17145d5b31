const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS } = require('../support/fixtures.cjs');

describeServiceContract({
	service: 'industrialIot',
	baseUrl: 'https://industrialiot.example.test',
	operations: {
		sendResetEmail: {
			parameters: { email: 'ada@example.com' },
			notSupported: /n8n drops the body of every GET request/,
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: {
				method: 'PUT',
				path: '/api/resetouttoken',
				body: { token: SENTINELS.resetToken, new: SENTINELS.newPassword },
				absentHeaders: ['Authorization'],
			},
			// The wiki's documented spelling, three c's.
			success: {
				body: { succcess: 'password updated successfully' },
				output: {
					success: true,
					operation: 'resetPassword',
					service: 'industrialIot',
					message: 'password updated successfully',
				},
			},
			errors: [
				// The code's own spelling of the success key.
				[200, { success: 'password updated successfully' }, 'success'],
				[400, { error: 'invalid token' }, 'invalid_or_expired_token', { serverMessage: 'invalid token' }],
				[400, { error: 'expired token' }, 'invalid_or_expired_token', { serverMessage: 'expired token' }],
				// Before 2024-01 the same rejection came back as HTTP 200.
				[200, { Error: 'Invalid Token' }, 'invalid_or_expired_token'],
				[401, { error: 'user is logged in' }, 'auth_failed'],
				[400, { message: { new: 'Missing required parameter in the JSON body or the post body or the query string' } }, 'invalid_input'],
				// As deployed, every branch answers this, even after changing the password.
				[500, { message: 'Internal Server Error' }, 'unknown_outcome', { serverMessage: 'Internal Server Error' }],
			],
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('industrialIot', 'PUT', '/api/resetouttoken', [400, { message: { token: 'Missing required parameter in the JSON body or the post body or the query string' } }], {}, { authorization: undefined });
