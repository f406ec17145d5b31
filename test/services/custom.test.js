const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

describeServiceContract({
	service: 'custom',
	baseUrl: 'https://auth.example.test/v2',
	credential: {
		sendEmailPath: '/recover',
		resetPath: '/recover/confirm',
		customSendMethod: 'PUT',
		customSendEmailField: 'login',
		customResetMethod: 'PATCH',
		customResetCodeField: 'otp',
		customNewPassField: 'secret',
		customResetEmailField: 'login',
		customAuthHeaderName: 'apikey',
		customAuthHeaderPrefix: '',
		customSuccessField: 'ok',
		customUnknownAccountText: 'No such user',
		createLinkPath: '/admin/links',
		customResetLinkField: 'data.url',
	},
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: {
				method: 'PUT',
				path: '/v2/recover',
				body: { login: EMAIL },
				headers: { apikey: SENTINELS.apiKey },
				absentHeaders: ['Authorization'],
			},
			success: {
				body: { ok: true },
				output: { success: true, operation: 'sendResetEmail', service: 'custom', message: NEUTRAL },
			},
			// The Unknown Account Message matches without regard to case, in JSON or text.
			unknownAccount: [[404, { message: 'no such user' }], [400, 'No such user'], [422, { error: { detail: 'NO SUCH USER' } }]],
			errors: [
				[200, { ok: false }, 'unexpected_response'],
				[401, { message: 'bad key' }, 'auth_failed'],
				// Not the message: a wrong address.
				[404, { message: 'Not Found' }, 'endpoint_not_found'],
				[503, { message: 'maintenance' }, 'server_error'],
			],
		},
		resetPassword: {
			parameters: { email: EMAIL, resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: {
				method: 'PATCH',
				path: '/v2/recover/confirm',
				body: { otp: SENTINELS.resetToken, secret: SENTINELS.newPassword, login: EMAIL },
				headers: { apikey: SENTINELS.apiKey },
			},
			success: {
				body: { ok: true, message: 'Updated' },
				output: { success: true, operation: 'resetPassword', service: 'custom', message: 'Updated' },
			},
			errors: [
				[410, { message: 'gone' }, 'invalid_or_expired_token'],
				[422, { message: 'too short' }, 'invalid_input'],
				[429, { message: 'slow down' }, 'rate_limited'],
				[502, 'Bad Gateway', 'unknown_outcome'],
				[302, '', 'unexpected_response', { message: /redirect/ }],
			],
		},
		createResetLink: {
			parameters: { email: EMAIL },
			// POST, the email in the Send Reset Email Field; the link read by the Reset Link Field's dot path.
			request: { method: 'POST', path: '/v2/admin/links', body: { login: EMAIL }, headers: { apikey: SENTINELS.apiKey } },
			success: {
				body: { ok: true, data: { url: 'https://auth.example.test/reset/abc123' } },
				output: { success: true, operation: 'createResetLink', service: 'custom', message: 'Reset link created', resetLink: 'https://auth.example.test/reset/abc123' },
			},
			unknownAccount: [[404, { message: 'No such user' }]],
			errors: [
				[200, { ok: false, data: { url: 'https://auth.example.test/reset/abc123' } }, 'unexpected_response'],
				[404, { message: 'Not Found' }, 'endpoint_not_found'],
				[200, { ok: true, data: { url: 'http://auth.example.test/reset/abc123' } }, 'unexpected_response', { engine: true, message: /not an https URL/ }],
				[200, { ok: true, url: 'https://auth.example.test/reset/abc123' }, 'unexpected_response', { engine: true, message: /answered without a reset link/ }],
			],
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('custom', 'POST', '/recover', [422, { message: 'email is required' }], { sendEmailPath: '/recover' }, { authorization: `Bearer ${SENTINELS.apiKey}` });
