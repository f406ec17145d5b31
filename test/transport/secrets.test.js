/**
 * Sentinel password, token and API key: none may appear in what the node outputs, throws or
 * logs, on any path (2xx, a 4xx that echoes the input, 5xx HTML, transport errors), in any
 * On Error mode.
 */
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { SENTINELS, EMAIL, leakedSentinels, captureLogs } = require('../support/fixtures.cjs');

const BASE = 'https://wibi.example.test';
const credential = { service: 'wibiclick', baseUrl: BASE, apiKey: SENTINELS.apiKey };
const reset = { operation: 'resetPassword', resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword };
const echo = `token=${SENTINELS.resetToken} password=${SENTINELS.newPassword} key=Bearer ${SENTINELS.apiKey}`;

const logged = captureLogs();
afterEach(() => nock.cleanAll());

const answers = {
	'2xx that echoes the input': (scope) => scope.reply(200, { success: true, message: echo, email: EMAIL }),
	'4xx that echoes the input': (scope) => scope.reply(400, { success: false, message: echo, input: { ...reset } }),
	'2xx of an unexpected shape': (scope) => scope.reply(200, { echo }),
	'5xx HTML page': (scope) => scope.reply(502, `<html><body>${echo}</body></html>`, { 'Content-Type': 'text/html' }),
	'malformed JSON': (scope) => scope.reply(500, `{"message": "${echo}"`, { 'Content-Type': 'application/json' }),
	'connection reset': (scope) => scope.replyWithError(Object.assign(new Error(echo), { code: 'ECONNRESET' })),
	redirect: (scope) => scope.reply(302, echo, { Location: `https://other.example.test/?t=${SENTINELS.resetToken}` }),
};

describe.each(Object.keys(answers))('%s', (answer) => {
	test.each([undefined, 'continueRegularOutput', 'continueErrorOutput'])('On Error = %s', async (onError) => {
		answers[answer](nock(BASE).post('/password-reset'));
		logged.length = 0;
		const result = await runNode({
			parameters: { ...reset, options: { includeRawResponse: true } },
			credential,
			items: [{ upstream: 'item' }],
			onError,
		});
		expect(result.output.length + result.errorOutput.length + (result.error ? 1 : 0)).toBe(1);
		expect(leakedSentinels(result)).toEqual([]);
		expect(JSON.stringify(result.executionError ?? {})).not.toMatch(/SENTINEL/);
		expect(logged.join('\n')).not.toMatch(/SENTINEL/);
	});
});

test('the error a Stop run stores masks the secret parameters of its node', async () => {
	nock(BASE).post('/password-reset').reply(400, { success: false, message: 'Token expired' });
	const { error } = await runNode({ parameters: reset, credential });
	expect(error.node.parameters).toMatchObject({ resetToken: '**hidden**', newPassword: '**hidden**' });
	expect(error.description).toBe('Token expired');
});

test('a long server message is capped', async () => {
	nock(BASE).post('/password-reset').reply(400, { success: false, message: 'x'.repeat(5000) });
	const { output } = await runNode({ parameters: reset, credential, onError: 'continueRegularOutput' });
	expect(output[0].json.details.serverMessage.length).toBeLessThanOrEqual(301);
});
