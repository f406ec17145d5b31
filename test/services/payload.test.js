/** Payload CMS: a collection in the path, the same answer for every email, and a session token on reset that never leaves. */
const nock = require('nock');
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { runNode } = require('../support/engine.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const payloadError = (message, extra = {}) => ({ errors: [{ message, ...extra }] });
const SESSION = 'SENTINEL-PAYLOAD-SESSION-7c1e';

describeServiceContract({
	service: 'payload',
	baseUrl: 'https://cms.example.test/api',
	credential: { payloadCollection: 'members' },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: '/api/members/forgot-password', body: { email: EMAIL } },
			success: { body: { message: 'Success' }, output: { success: true, operation: 'sendResetEmail', service: 'payload', message: NEUTRAL } },
			errors: [
				[400, payloadError('Missing email.'), 'invalid_input'],
				[403, payloadError('You are not allowed to perform this action.'), 'auth_failed'],
			],
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: { method: 'POST', path: '/api/members/reset-password', body: { token: SENTINELS.resetToken, password: SENTINELS.newPassword } },
			success: {
				body: { message: 'Password reset successfully.', token: SESSION, user: { id: 1, email: EMAIL } },
				output: { success: true, operation: 'resetPassword', service: 'payload', message: 'Password reset successfully.' },
			},
			errors: [
				[403, payloadError('Token is either invalid or has expired.'), 'invalid_or_expired_token'],
				[
					400,
					payloadError('The following field is invalid: password', { name: 'ValidationError', data: { collection: 'members', errors: [{ message: 'This value must be longer than the minimum length of 3 characters.', path: 'password' }] } }),
					'weak_password',
				],
			],
		},
	},
});

test("a refused password says Payload's reason per field (as a real Payload 3.90 answers it), not only that the password was refused", async () => {
	const reasons = [{ message: 'This value must be longer than the minimum length of 3 characters.', path: 'password' }];
	nock('https://cms.example.test/api').post('/members/reset-password').reply(400, payloadError('The following field is invalid: password', { name: 'ValidationError', data: { collection: 'members', errors: reasons } }));
	const { output } = await runNode({
		parameters: { operation: 'resetPassword', resetToken: SENTINELS.resetToken, newPassword: 'x' },
		credential: { service: 'payload', baseUrl: 'https://cms.example.test/api', payloadCollection: 'members' },
		onError: 'continueRegularOutput',
	});
	expect(output[0].json.error).toBe("Payload refused the new password: This value must be longer than the minimum length of 3 characters. Choose one that meets the collection's password rules [item 0]");
});

test('the session token a reset answers with is redacted wherever it would appear, the raw response included', async () => {
	nock('https://cms.example.test/api')
		.post('/members/reset-password')
		.reply(200, { message: `Password reset successfully. Session ${SESSION}`, token: SESSION, user: { id: 1, email: EMAIL, note: SESSION } });
	const { output } = await runNode({
		parameters: { operation: 'resetPassword', resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword, options: { includeRawResponse: true } },
		credential: { service: 'payload', baseUrl: 'https://cms.example.test/api', payloadCollection: 'members' },
	});
	expect(output[0].json.success).toBe(true);
	expect(JSON.stringify(output)).not.toContain(SESSION);
	expect(output[0].json.rawResponse.user.note).toBe('**hidden**');
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('payload', 'POST', '/members/forgot-password', [400, { errors: [{ message: 'Missing email.' }] }], { payloadCollection: 'members' }, { authorization: undefined });
