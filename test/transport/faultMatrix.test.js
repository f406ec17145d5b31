/**
 * The fault matrix (../shared/reference/security-reliability.md §5): every row × both
 * operations × On Error Stop / Continue / Continue (using error output). Each row names what the
 * service does and what each operation must make of it, and how many requests may go out.
 * A Custom service that accepts any 2xx keeps the rows about transport, not a profile.
 */
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { SENTINELS, EMAIL, leakedSentinels } = require('../support/fixtures.cjs');
const { startFaultServer } = require('../support/faultServer.cjs');

const HOST = 'https://faults.example.test';
const PATHS = { sendResetEmail: '/send', resetPassword: '/reset' };
const PARAMETERS = {
	sendResetEmail: { operation: 'sendResetEmail', email: EMAIL },
	resetPassword: { operation: 'resetPassword', resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
};
// What a careless service echoes back: what it was sent. (Send Reset Email sends no token or
// password, so its echo holds the email and the API key.)
const echo = { message: `rejected token=${SENTINELS.resetToken} password=${SENTINELS.newPassword} key=${SENTINELS.apiKey}` };
const echoFor = (operation, body) =>
	operation === 'resetPassword' ? body : JSON.parse(JSON.stringify(body).split(SENTINELS.resetToken).join('').split(SENTINELS.newPassword).join(''));
const inSeconds = (seconds) => new Date(Date.now() + seconds * 1000).toUTCString();
const transportError = (code) => (interceptor) => interceptor.replyWithError(Object.assign(new Error(`${code} ${echo.message}`), { code }));
const reply = (status, body, headers) => (interceptor, operation) =>
	interceptor.reply(status, typeof body === 'object' ? echoFor(operation, body) : body, headers);

/**
 * [row name, answers in order (one per request), expected per operation, requests per operation,
 *  extra: { options, requestOptions, baseUrl, credential: more Custom fields, check }]
 */
const MATRIX = [
	['200 with an empty body', [reply(200, '')], ['success', 'success'], [1, 1]],
	['204 No Content', [reply(204)], ['success', 'success'], [1, 1]],
	['2xx of an unexpected shape (extra fields, echoed secrets)', [reply(200, { weird: 1, ...echo })], ['success', 'success'], [1, 1], {
		check: (json) => expect(Object.keys(json).sort()).toEqual(['message', 'operation', 'service', 'success']),
	}],
	['2xx with malformed JSON', [reply(200, `invalidjson{${SENTINELS.apiKey}`, { 'Content-Type': 'application/json' })], ['unexpected_response', 'unexpected_response'], [1, 1]],
	['2xx JSON sent as text/plain', [reply(200, '{"ok":true}', { 'Content-Type': 'text/plain' })], ['success', 'success'], [1, 1]],
	['HTML error page (502 from a proxy)', [reply(502, `<html><body>Bad gateway ${echo.message}</body></html>`, { 'Content-Type': 'text/html' })], ['server_error', 'unknown_outcome'], [1, 1], {
		check: (json) => expect(json.details?.serverMessage).toBe('The server answered with an HTML page instead of JSON'),
	}],
	['400 echoing the input', [reply(400, echo)], ['invalid_input', 'invalid_input'], [1, 1]],
	['422 echoing the input', [reply(422, { ...echo, input: PARAMETERS.resetPassword })], ['invalid_input', 'invalid_input'], [1, 1]],
	['401', [reply(401, echo)], ['auth_failed', 'auth_failed'], [1, 1]],
	['403', [reply(403, { message: 'Forbidden' })], ['auth_failed', 'auth_failed'], [1, 1]],
	// A 404 is "no account" only where the service says so: Custom, through its Unknown Account Message.
	['404 that the Unknown Account Message names (unknown account: neutral on send)', [reply(404, { message: 'User not found' })], ['success', 'user_not_found'], [1, 1], {
		credential: { customUnknownAccountText: 'user not found' },
	}],
	['404 in JSON, no Unknown Account Message set', [reply(404, { message: 'User not found' })], ['endpoint_not_found', 'endpoint_not_found'], [1, 1]],
	['404 from Express (HTML, route not found)', [reply(404, '<!DOCTYPE html><html><body><pre>Cannot POST /send</pre></body></html>', { 'Content-Type': 'text/html' })], ['endpoint_not_found', 'endpoint_not_found'], [1, 1], {
		credential: { customUnknownAccountText: 'user not found' },
		check: (json) => json.error && expect(json.error).toMatch(/^The service has no endpoint at POST \/(send|reset) \(HTTP 404\)\. Check the Base URL and the paths in the credential/),
	}],
	['404 Not Found in plain text', [reply(404, 'Not Found', { 'Content-Type': 'text/plain' })], ['endpoint_not_found', 'endpoint_not_found'], [1, 1], {
		credential: { customUnknownAccountText: 'user not found' },
	}],
	['404 with an empty body', [reply(404, '')], ['endpoint_not_found', 'endpoint_not_found'], [1, 1]],
	['404 from nginx', [reply(404, '<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>', { 'Content-Type': 'text/html' })], ['endpoint_not_found', 'endpoint_not_found'], [1, 1]],
	['405 Method Not Allowed', [reply(405, { message: 'Method Not Allowed' })], ['endpoint_not_found', 'endpoint_not_found'], [1, 1]],
	['410 (expired token)', [reply(410, { message: 'Gone' })], ['invalid_or_expired_token', 'invalid_or_expired_token'], [1, 1]],
	['500', [reply(500, { message: 'boom' })], ['server_error', 'unknown_outcome'], [1, 1]],
	['429, Retry-After in seconds, then 200', [reply(429, {}, { 'Retry-After': '1' }), reply(200, {})], ['success', 'rate_limited'], [2, 1]],
	['429, Retry-After as an HTTP date, then 200', [reply(429, {}, { 'Retry-After': inSeconds(1) }), reply(200, {})], ['success', 'rate_limited'], [2, 1]],
	['429, Retry-After absurdly large (86400 s)', [reply(429, {}, { 'Retry-After': '86400' }), reply(200, {})], ['rate_limited', 'rate_limited'], [1, 1], {
		check: (json) => json.details && expect(json.details.retryAfterSeconds).toBe(86400),
	}],
	['429 without Retry-After', [reply(429, {}), reply(200, {})], ['rate_limited', 'rate_limited'], [1, 1]],
	['429 twice (Retry-After 1)', [reply(429, {}, { 'Retry-After': '1' }), reply(429, {}, { 'Retry-After': '1' }), reply(200, {})], ['rate_limited', 'rate_limited'], [2, 1]],
	['503 with Retry-After, then 200', [reply(503, {}, { 'Retry-After': '1' }), reply(200, {})], ['success', 'unknown_outcome'], [2, 1]],
	['ECONNREFUSED, then 200 (never reached the server)', [transportError('ECONNREFUSED'), reply(200, {})], ['success', 'network_error'], [2, 1]],
	['ECONNREFUSED twice', [transportError('ECONNREFUSED'), transportError('ECONNREFUSED'), reply(200, {})], ['network_error', 'network_error'], [2, 1]],
	['ENOTFOUND, then 200', [transportError('ENOTFOUND'), reply(200, {})], ['success', 'network_error'], [2, 1]],
	['ECONNRESET (may have reached the server)', [transportError('ECONNRESET'), reply(200, {})], ['network_error', 'unknown_outcome'], [1, 1]],
	['no answer before the timeout', [(interceptor) => interceptor.delayConnection(3000).reply(200, {})], ['timeout', 'unknown_outcome'], [1, 1], { requestOptions: { timeout: 300 } }],
	['redirect (307) to another host', [reply(307, '', { Location: 'https://elsewhere.example.test/steal' })], ['unexpected_response', 'unexpected_response'], [1, 1]],
	['http:// base URL (not loopback)', [], ['invalid_input', 'invalid_input'], [0, 0], { baseUrl: 'http://faults.example.test' }],
	['body that drips a byte every 100 ms', 'drip', ['timeout', 'unknown_outcome'], [1, 1], { requestOptions: { timeout: 500 } }],
	['body that stalls after half a JSON', 'stall', ['timeout', 'unknown_outcome'], [1, 1], { requestOptions: { timeout: 500 } }],
	['connection destroyed mid-body', 'destroy', ['network_error', 'unknown_outcome'], [1, 1]],
	// A 2xx whose answer cannot be read: after a reset, the password may have changed.
	['huge body (50 MB)', 'huge', ['unexpected_response', 'unknown_outcome'], [1, 1]],
];

let faultServer;
beforeAll(async () => {
	faultServer = await startFaultServer();
});
afterAll(() => faultServer.close());
afterEach(() => {
	nock.abortPendingRequests();
	nock.cleanAll();
});

const outcomeOf = ({ output, errorOutput, error }) => {
	if (error) return { outcome: error.context.errorCode, json: {} };
	const item = output[0] ?? errorOutput[0];
	return { outcome: item.json.success ? 'success' : item.json.details.errorCode, json: item.json };
};

describe.each(MATRIX)('%s', (_row, answers, expected, requests, extra = {}) => {
	describe.each([
		['sendResetEmail', 0],
		['resetPassword', 1],
	])('%s', (operation, column) => {
		test.each([
			['Stop', undefined],
			['Continue', 'continueRegularOutput'],
			['Continue (using error output)', 'continueErrorOutput'],
		])('On Error = %s', async (_mode, onError) => {
			const onFaultServer = typeof answers === 'string';
			const baseUrl = extra.baseUrl ?? (onFaultServer ? `${faultServer.url}/${answers}` : HOST);
			const interceptors = onFaultServer
				? []
				: answers.map((answer) => answer(nock(baseUrl).post(PATHS[operation]), operation));
			const elsewhere = nock('https://elsewhere.example.test').post('/steal').reply(200, {});
			faultServer.reset();
			const started = Date.now();
			const result = await runNode({
				parameters: { ...PARAMETERS[operation], options: extra.options ?? {} },
				requestOptions: extra.requestOptions,
				credential: { service: 'custom', baseUrl, apiKey: SENTINELS.apiKey, sendEmailPath: PATHS.sendResetEmail, resetPath: PATHS.resetPassword, ...extra.credential },
				onError,
			});
			const { outcome, json } = outcomeOf(result);
			expect(outcome).toBe(expected[column]);
			const sent = onFaultServer ? faultServer.stats.requests : interceptors.length - nock.pendingMocks().filter((mock) => !mock.includes('elsewhere')).length;
			expect(sent).toBe(requests[column]);
			expect(elsewhere.isDone()).toBe(false);
			if (onError === 'continueErrorOutput') {
				expect((outcome === 'success' ? result.output : result.errorOutput)).toHaveLength(1);
			}
			if (onError === 'continueRegularOutput') expect(result.output[0].pairedItem).toEqual({ item: 0 });
			if (extra.check && onError) extra.check(json);
			if (answers === 'huge') expect(faultServer.stats.bytes).toBeLessThan(50 * 1024 * 1024);
			// Generous: the deadline is 500 ms; without it a dripping body would hold the item for good.
			if (onFaultServer) expect(Date.now() - started).toBeLessThan(10_000);
			expect(leakedSentinels(result)).toEqual([]);
		});
	});
});
