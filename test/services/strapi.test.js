const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const strapiError = (status, name, message) => ({ data: null, error: { status, name, message, details: {} } });

describeServiceContract({
	service: 'strapi',
	baseUrl: 'https://cms.example.test/api',
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: '/api/auth/forgot-password', body: { email: EMAIL }, absentHeaders: ['Authorization'] },
			success: { body: { ok: true }, output: { success: true, operation: 'sendResetEmail', service: 'strapi', message: NEUTRAL } },
			// Early v4 told unknown emails apart: kept neutral.
			unknownAccount: [[400, strapiError(400, 'ApplicationError', 'This email does not exist')]],
			errors: [
				[403, strapiError(403, 'ForbiddenError', 'Forbidden'), 'auth_failed'],
				[429, strapiError(429, 'RateLimitError', 'Too many requests, please try again later.'), 'rate_limited'],
			],
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: {
				method: 'POST',
				path: '/api/auth/reset-password',
				body: { code: SENTINELS.resetToken, password: SENTINELS.newPassword, passwordConfirmation: SENTINELS.newPassword },
			},
			success: {
				body: { jwt: 'USER-SESSION-JWT', user: { id: 1, email: EMAIL } },
				output: { success: true, operation: 'resetPassword', service: 'strapi', message: 'Password reset successfully' },
			},
			errors: [
				[400, strapiError(400, 'ValidationError', 'Incorrect code provided'), 'invalid_or_expired_token', { serverMessage: 'Incorrect code provided' }],
				[400, strapiError(400, 'ValidationError', 'Passwords do not match'), 'passwords_mismatch'],
				// Each refusal of the password is weak_password (the yup length rule was invalid_input before).
				[400, strapiError(400, 'ValidationError', 'password must be at least 6 characters'), 'weak_password'],
				// What a real Strapi 5.54 answers (../shared/reference/real-servers.md).
				[400, strapiError(400, 'ValidationError', 'Password validation failed.'), 'weak_password'],
				[400, strapiError(400, 'ValidationError', 'Password must be less than 73 bytes'), 'weak_password'],
			],
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('strapi', 'POST', '/auth/forgot-password', [400, { data: null, error: { status: 400, name: 'ValidationError', message: 'email is a required field', details: {} } }], {}, { authorization: undefined });

test("a refused password says Strapi's reason in the message", async () => {
	const nock = require('nock');
	const { runNode } = require('../support/engine.cjs');
	nock('https://cms.example.test/api').post('/auth/reset-password').reply(400, strapiError(400, 'ValidationError', 'Password must be less than 73 bytes'));
	const { output } = await runNode({
		parameters: { operation: 'resetPassword', resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
		credential: { service: 'strapi', baseUrl: 'https://cms.example.test/api' },
		onError: 'continueRegularOutput',
	});
	expect(output[0].json.error).toBe("Strapi refused the new password: Password must be less than 73 bytes. Choose one that meets the app's password rules [item 0]");
	expect(output[0].json.details.errorCode).toBe('weak_password');
});

test('the credential test sends a JSON body with an empty email: a real Strapi answers a body-less POST with a 500', async () => {
	const { testCredential } = require('../support/engine.cjs');
	const { intercept } = require('../support/fixtures.cjs');
	const { seen } = intercept({ base: 'https://cms.example.test/api', method: 'POST', path: '/api/auth/forgot-password', status: 400, body: strapiError(400, 'ValidationError', 'email must be a valid email') });
	expect(await testCredential({ service: 'strapi', baseUrl: 'https://cms.example.test/api' })).toEqual({ status: 'OK', message: 'Connection successful!' });
	expect(seen.body).toEqual({ email: '' });
});
