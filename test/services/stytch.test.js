/** Stytch passwords by email: HTTP Basic (project ID and secret); 404 email_not_found reveals (stytch.com API reference, stytch-node). */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

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
			success: { body: { status_code: 200, request_id: 'request-id-test-1', user_id: 'user-test-1', email_id: 'email-test-1' }, output: { success: true, operation: 'sendResetEmail', service: 'stytch', message: NEUTRAL } },
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

// What a service answers that is a secret (a session, an id that resets the password) never leaves, even with Include Raw Response
// and wherever the answer repeats it.
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { intercept, everythingWritten } = require('../support/fixtures.cjs');

describe('secrets in a success answer stay out of the item, raw response included', () => {
	afterEach(() => nock.cleanAll());
	const options = { includeRawResponse: true, revealUnknownAccounts: true };
	test.each([
		// Stytch's reset signs the user in.
		['stytch', { stytchProjectId: 'project-test-1' }, 'resetPassword', '/v1/passwords/email/reset', { status_code: 200, user_id: 'user-test-1', session_token: 'ANSWERED-SESSION-3c1f', session_jwt: 'eyJ.ANSWERED-JWT-8d2e' }, ['ANSWERED-SESSION-3c1f', 'eyJ.ANSWERED-JWT-8d2e']],
		// FusionAuth answers a send made with an API key with the id that resets the password.
		['fusionauth', {}, 'sendResetEmail', '/api/user/forgot-password', { changePasswordId: 'ANSWERED-CHANGE-ID-5a9b' }, ['ANSWERED-CHANGE-ID-5a9b']],
		// FusionAuth's reset answers a one-time password that signs the user in.
		['fusionauth', {}, 'resetPassword', '/api/user/change-password', { oneTimePassword: 'ANSWERED-OTP-7e4c', state: {} }, ['ANSWERED-OTP-7e4c']],
	])('%s %s', async (service, credential, operation, path, body, secrets) => {
		// Each secret also echoed where no field name gives it away (the answer's message): only the profile's answerSecrets can catch it there.
		intercept({ base: 'https://svc.example.test', method: 'POST', path, status: 200, body: { ...body, message: `issued ${secrets.join(' and ')}` } });
		const parameters = { operation, email: EMAIL, resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword, options };
		const result = await runNode({ parameters, credential: { service, baseUrl: 'https://svc.example.test', apiKey: SENTINELS.apiKey, ...credential } });
		expect(result.output[0].json).toMatchObject({ success: true, rawResponse: expect.any(Object) });
		expect(secrets.filter((secret) => everythingWritten(result).includes(secret))).toEqual([]);
	});
});
