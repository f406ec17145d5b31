/** Transport failures: what reached the server decides between a clean failure and unknown_outcome. */
const nock = require('nock');
const { runNode, loadedPackage } = require('../support/engine.cjs');
const { SENTINELS, EMAIL, leakedSentinels } = require('../support/fixtures.cjs');

const BASE = 'https://wibi.example.test';
const credential = { service: 'wibiclick', baseUrl: BASE, apiKey: SENTINELS.apiKey };
const send = { operation: 'sendResetEmail', email: EMAIL };
const reset = { operation: 'resetPassword', resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword };
const paths = { sendResetEmail: '/verify-email', resetPassword: '/password-reset' };

const run = (parameters, extra = {}) =>
	runNode({ parameters, credential, onError: 'continueRegularOutput', ...extra });

afterEach(() => {
	nock.abortPendingRequests();
	nock.cleanAll();
});

test.each([
	[send, 'ECONNREFUSED', 'network_error'],
	[reset, 'ECONNREFUSED', 'network_error'],
	[send, 'ENOTFOUND', 'network_error'],
	[send, 'ECONNRESET', 'network_error'],
	// The request may have reached the server: the token may be spent, the password changed.
	[reset, 'ECONNRESET', 'unknown_outcome'],
])('%o dropped with %s → %s', async (parameters, code, errorCode) => {
	nock(BASE)
		.post(paths[parameters.operation])
		.replyWithError(Object.assign(new Error(`${code} ${SENTINELS.apiKey}`), { code }));
	const result = await run(parameters);
	expect(result.output[0].json.details).toMatchObject({ errorCode, httpStatus: null });
	expect(leakedSentinels(result)).toEqual([]);
});

test.each([
	[send, 'timeout'],
	[reset, 'unknown_outcome'],
])("%o past Request Options' Timeout → %s", async (parameters, errorCode) => {
	nock(BASE).post(paths[parameters.operation]).delay(2000).reply(200, { success: true });
	const result = await run({ ...parameters, requestOptions: { timeout: 100 } });
	expect(result.output[0].json.details.errorCode).toBe(errorCode);
});

test("one timeout: Request Options' Timeout is the item's deadline, and the node's Options have none of their own", async () => {
	const { passwordResetNode } = await loadedPackage();
	const options = passwordResetNode.description.properties.find((property) => property.name === 'options').options;
	expect(options.map((option) => option.name)).not.toContain('timeout');
	nock(BASE).post('/verify-email').delay(1000).reply(200, { success: true });
	const result = await run({ ...send, requestOptions: { timeout: 200 } });
	expect(result.output[0].json.details.errorCode).toBe('timeout');
});

test('a redirect is not followed: nothing reaches the other host', async () => {
	nock(BASE).post('/password-reset').reply(307, '', { Location: 'https://evil.example.test/steal' });
	const elsewhere = nock('https://evil.example.test').post('/steal').reply(200, { success: true });
	const result = await run(reset);
	expect(result.output[0].json.details).toMatchObject({ errorCode: 'unexpected_response', httpStatus: 307 });
	expect(elsewhere.isDone()).toBe(false);
});

test('includeRawResponse adds the redacted answer to a success item', async () => {
	nock(BASE)
		.post('/password-reset')
		.reply(200, { success: true, message: 'ok', echo: { token: SENTINELS.resetToken, key: SENTINELS.apiKey } });
	const result = await run({ ...reset, options: { includeRawResponse: true } });
	expect(result.output[0].json.rawResponse).toEqual({
		success: true,
		message: 'ok',
		echo: { token: '**hidden**', key: '**hidden**' },
	});
	expect(leakedSentinels(result)).toEqual([]);
});
