/** Parse Server: JSON to send, then the emailed link's form posted URL-encoded as an XHR, answered with a bare JSON string. */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const parseError = (code, error) => ({ code, error });
const form = (fields) => new URLSearchParams(fields).toString();

describeServiceContract({
	service: 'parse',
	baseUrl: 'https://api.example.test/parse',
	credential: { parseAppId: 'app-1' },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: {
				method: 'POST',
				path: '/parse/requestPasswordReset',
				body: { email: EMAIL },
				headers: { 'X-Parse-Application-Id': 'app-1', 'X-Parse-REST-API-Key': SENTINELS.apiKey },
			},
			success: { body: {}, output: { success: true, operation: 'sendResetEmail', service: 'parse', message: NEUTRAL } },
			unknownAccount: [[404, parseError(101, 'A user with that email does not exist.')]],
			errors: [
				[400, parseError(204, 'you must provide an email'), 'invalid_input'],
				[500, parseError(1, 'An appName, publicServerURL, and emailAdapter are required for password reset and email verification functionality.'), 'not_supported'],
				[429, parseError(100, 'Too many requests.'), 'rate_limited'],
			],
		},
		resetPassword: {
			parameters: { email: EMAIL, resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: {
				method: 'POST',
				path: '/parse/apps/app-1/request_password_reset',
				// A form body: nock leaves it as the text on the wire.
				body: form({ token: SENTINELS.resetToken, username: EMAIL, new_password: SENTINELS.newPassword }),
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'XMLHttpRequest', 'X-Parse-Application-Id': 'app-1' },
			},
			success: { body: 'Password successfully reset', output: { success: true, operation: 'resetPassword', service: 'parse', message: 'Password successfully reset' } },
			errors: [
				[400, parseError(-1, 'Failed to reset password: username / email / token is invalid'), 'invalid_or_expired_token'],
				[400, parseError(-1, 'The password reset link has expired'), 'invalid_or_expired_token'],
				[400, parseError(-1, 'Password does not meet the Password Policy requirements.'), 'weak_password'],
				[400, parseError(-1, 'New password should not be the same as last 5 passwords.'), 'password_reused'],
				[200, 'Welcome', 'unexpected_response'],
			],
		},
	},
});

describe('Parse: the whole emailed link as the Reset Token', () => {
	const nock = require('nock');
	const { runNode } = require('../support/engine.cjs');
	test('gives the token and the username; the link and its token never leave', async () => {
		let seen;
		nock('https://api.example.test/parse')
			.post('/apps/app-1/request_password_reset', (body) => ((seen = body), true))
			.reply(400, parseError(-1, `Failed to reset password: username / email / token is invalid (${SENTINELS.resetToken})`));
		const link = `https://api.example.test/parse/apps/app-1/choose_password?token=${SENTINELS.resetToken}&username=grace%40example.com`;
		const result = await runNode({
			parameters: { operation: 'resetPassword', resetToken: link, newPassword: SENTINELS.newPassword },
			credential: { service: 'parse', baseUrl: 'https://api.example.test/parse', parseAppId: 'app-1' },
			onError: 'continueRegularOutput',
		});
		expect(new URLSearchParams(seen).get('username')).toBe('grace@example.com');
		expect(new URLSearchParams(seen).get('token')).toBe(SENTINELS.resetToken);
		expect(result.output[0].json.details.errorCode).toBe('invalid_or_expired_token');
		expect(JSON.stringify(result)).not.toContain(SENTINELS.resetToken);
	});
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('parse', 'POST', '/requestPasswordReset', [400, { code: 204, error: 'you must provide an email' }], { parseAppId: 'app-1' }, { 'x-parse-application-id': 'app-1', 'x-parse-rest-api-key': SENTINELS.apiKey });
