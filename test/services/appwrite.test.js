const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const appwriteError = (code, type, message) => ({ message, code, type, version: '1.6.0' });
const RECOVERY_URL = 'https://app.example.test/recover';

describeServiceContract({
	service: 'appwrite',
	baseUrl: 'https://cloud.appwrite.test/v1',
	credential: { appwriteProjectId: 'proj-123', appwriteRecoveryUrl: RECOVERY_URL },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: {
				method: 'POST',
				path: '/v1/account/recovery',
				body: { email: EMAIL, url: RECOVERY_URL },
				headers: { 'X-Appwrite-Project': 'proj-123', 'X-Appwrite-Key': SENTINELS.apiKey },
			},
			// With a server key the answer holds the recovery secret: never output.
			success: {
				status: 201,
				body: { $id: 't1', userId: 'u1', secret: 'RECOVERY-SECRET-77', expire: '2026-11-27T14:00:00Z', phrase: '' },
				output: { success: true, operation: 'sendResetEmail', service: 'appwrite', message: NEUTRAL },
			},
			// Older servers tell unknown emails apart.
			unknownAccount: [[404, appwriteError(404, 'user_not_found', 'User with the requested ID could not be found.')]],
			errors: [
				[400, appwriteError(400, 'general_argument_invalid', 'Invalid `url` param: URL host must be one of: localhost'), 'invalid_input'],
				[429, appwriteError(429, 'general_rate_limit_exceeded', 'Rate limit for the current endpoint has been exceeded.'), 'rate_limited'],
				[401, appwriteError(401, 'user_blocked', 'The current user has been blocked.'), 'user_disabled'],
				[503, appwriteError(503, 'general_smtp_disabled', 'SMTP is disabled on your Appwrite instance.'), 'not_supported'],
			],
		},
		resetPassword: {
			parameters: { resetToken: `u1:${SENTINELS.resetToken}`, newPassword: SENTINELS.newPassword },
			request: {
				method: 'PUT',
				path: '/v1/account/recovery',
				body: { userId: 'u1', secret: SENTINELS.resetToken, password: SENTINELS.newPassword },
				headers: { 'X-Appwrite-Project': 'proj-123' },
			},
			success: {
				body: { $id: 't1', userId: 'u1', secret: '', expire: '2026-11-27T14:00:00Z' },
				output: { success: true, operation: 'resetPassword', service: 'appwrite', message: 'Password reset successfully' },
			},
			errors: [
				// A 401 about the token, not the credentials.
				[401, appwriteError(401, 'user_invalid_token', 'Invalid token passed in the request.'), 'invalid_or_expired_token'],
				[400, appwriteError(400, 'password_recently_used', 'The password you are trying to use has been used recently.'), 'password_reused'],
				[400, appwriteError(400, 'password_personal_data', 'The password contains personal data.'), 'weak_password'],
				// The password validator (length, dictionary) rejects through the argument check.
				[400, appwriteError(400, 'general_argument_invalid', 'Invalid `password` param: Password must be between 8 and 256 characters long.'), 'weak_password'],
				[400, appwriteError(400, 'general_argument_invalid', 'Invalid `userId` param: Parameter must contain at most 36 chars.'), 'invalid_input'],
				[401, appwriteError(401, 'user_blocked', 'The current user has been blocked.'), 'user_disabled'],
			],
		},
	},
});

describe('appwrite Reset Token forms', () => {
	const nock = require('nock');
	const { runNode } = require('../support/engine.cjs');
	const credential = { service: 'appwrite', baseUrl: 'https://cloud.appwrite.test/v1', appwriteProjectId: 'proj-123', appwriteRecoveryUrl: RECOVERY_URL };
	const reset = (resetToken) =>
		runNode({ parameters: { operation: 'resetPassword', resetToken, newPassword: SENTINELS.newPassword }, credential, onError: 'continueRegularOutput' });
	afterEach(() => nock.cleanAll());

	test('the whole recovery link from the email is accepted', async () => {
		let body;
		nock('https://cloud.appwrite.test').put('/v1/account/recovery', (sent) => ((body = sent), true)).reply(200, {});
		const { output } = await reset(`${RECOVERY_URL}?userId=u42&secret=${SENTINELS.resetToken}&expire=2026-11-27`);
		expect(output[0].json.success).toBe(true);
		expect(body).toEqual({ userId: 'u42', secret: SENTINELS.resetToken, password: SENTINELS.newPassword });
	});

	test('the secret split out of the link is redacted where the server echoes it on its own', async () => {
		const secret = 'DERIVED-SECRET-5e2b9c';
		nock('https://cloud.appwrite.test')
			.put('/v1/account/recovery')
			.reply(401, appwriteError(401, 'user_invalid_token', `Invalid token ${secret} passed in the request.`));
		const result = await reset(`${RECOVERY_URL}?userId=u42&secret=${secret}&expire=2026-11-27`);
		expect(result.output[0].json.details).toMatchObject({ errorCode: 'invalid_or_expired_token', serverMessage: 'Invalid token **hidden** passed in the request.' });
		expect(JSON.stringify(result.output)).not.toContain(secret);
	});

	test('anything else fails before any request, saying which forms work', async () => {
		nock.disableNetConnect();
		try {
			const { output } = await reset('just-a-secret');
			expect(output[0].json.details.errorCode).toBe('invalid_input');
			expect(output[0].json.error).toMatch(/Use userId:secret, or the whole recovery link/);
		} finally {
			nock.enableNetConnect();
		}
	});
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('appwrite', 'POST', '/account/recovery', [400, { message: 'Param "email" is not optional.', code: 400, type: 'general_argument_invalid', version: '1.6.0' }], { appwriteProjectId: 'proj-1' }, { 'x-appwrite-project': 'proj-1', 'x-appwrite-key': SENTINELS.apiKey });
