/**
 * The node at its edges, probed as an attacker or a careless user would: nothing leaves for
 * another host, no secret leaks in another form, input of the wrong kind fails by name before
 * any request. Each row runs in every On Error mode, and what the node output, threw (Stop
 * included) and logged is scanned for every form of every secret it was given.
 */
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { SENTINELS, EMAIL, everythingWritten, captureLogs, intercept } = require('../support/fixtures.cjs');

const HOST = 'https://edges.example.test';
const ELSEWHERE = 'http://127.0.0.1:9';
// A password that JSON escapes (`"`, `\`), that trims (trailing space) and that URL-encodes.
const PASSWORD = 'SENTINEL-PW "q\\uote" & more ';
const TOKEN = SENTINELS.resetToken;
const API_KEY = SENTINELS.apiKey;
const SECRETS = [PASSWORD, TOKEN, API_KEY];
/** Every form a secret could leak in. */
const formsOf = (secret) =>
	[...new Set([secret, secret.trim()].flatMap((value) => [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), encodeURIComponent(value).replace(/%20/g, '+')]))];

const credential = { service: 'custom', baseUrl: HOST, apiKey: API_KEY, sendEmailPath: '/send', resetPath: '/reset' };
const send = { operation: 'sendResetEmail', email: EMAIL };
const reset = { operation: 'resetPassword', resetToken: TOKEN, newPassword: PASSWORD };

const logged = captureLogs();
afterEach(() => {
	nock.abortPendingRequests();
	nock.cleanAll();
});

const deep = (levels) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const echoAll = `pw=${PASSWORD} trimmed=${PASSWORD.trim()} url=${encodeURIComponent(PASSWORD)} form=${encodeURIComponent(PASSWORD).replace(/%20/g, '+')} token=${TOKEN} key=${API_KEY}`;

/**
 * [row, parameters, credential changes, answers (path → reply), expected outcome, requests that
 *  reach HOST, check(json) on the item under Continue]
 */
const ROWS = [
	// 1. Paths are only ever paths under the Base URL.
	['reset path is an absolute http URL', reset, { resetPath: `${ELSEWHERE}/steal` }, {}, 'invalid_input', 0, (json) => expect(json.error).toMatch(/^The credential's Reset Password Path must be a path under the Base URL/)],
	['send path is an absolute https URL', send, { sendEmailPath: 'https://evil.example.test/x' }, {}, 'invalid_input', 0, (json) => expect(json.error).toMatch(/Send Reset Email Path must be a path/)],
	['reset path is protocol-relative', reset, { resetPath: '//evil.example.test/x' }, {}, 'invalid_input', 0],
	['reset path starts with backslashes', reset, { resetPath: '\\\\evil.example.test/x' }, {}, 'invalid_input', 0],
	['a path puts the API key in the URL', send, { sendEmailPath: '/send/{apiKey}' }, {}, 'invalid_input', 0, (json) => expect(json.error).toMatch(/may not contain \{apiKey\}: the credential's secrets never go into a URL/)],
	// 8. The Base URL is used as it was checked.
	['Base URL with a trailing space and newline is trimmed', send, { baseUrl: `${HOST}/ \n` }, { '/send': [200, {}] }, 'success', 1],
	['Base URL with a space inside', send, { baseUrl: `${HOST}/v1 /x` }, {}, 'invalid_input', 0],
	['Base URL with a fragment', send, { baseUrl: `${HOST}#x` }, {}, 'invalid_input', 0, (json) => expect(json.error).toMatch(/query \(\?\), a fragment \(#\)/)],
	['Base URL with a query', send, { baseUrl: `${HOST}?x=1` }, {}, 'invalid_input', 0],
	['Base URL with a user name', send, { baseUrl: 'https://user:pw@edges.example.test' }, {}, 'invalid_input', 0],
	// 2. Redaction covers every form a secret may come back in.
	['an error echoing every form of the secrets', reset, {}, { '/reset': [400, { message: { detail: echoAll } }] }, 'invalid_input', 1],
	['a success echoing every form, with Include Raw Response', { ...reset, options: { includeRawResponse: true } }, {}, { '/reset': [200, { note: echoAll, email: TOKEN }] }, 'success', 1,
		(json) => expect(json.rawResponse).toBeDefined()],
	['WibiClick echoing the token as the success email', reset, { service: 'wibiclick', resetPath: '' }, { '/password-reset': [200, { success: true, message: 'ok', email: TOKEN }] }, 'success', 1,
		(json) => expect(json.email).toBeUndefined()],
	// 4. Values are checked by kind before use.
	['New Password is an object', { ...reset, newPassword: '={{ { a: 1 } }}' }, {}, {}, 'invalid_input', 0, (json) => expect(json.error).toMatch(/^The New Password parameter must be text, but its expression gave an object/)],
	['Reset Token is a list', { ...reset, resetToken: "={{ ['a', 'b'] }}" }, {}, {}, 'invalid_input', 0, (json) => expect(json.error).toMatch(/^The Reset Token parameter must be text, but its expression gave a list/)],
	['Request Options → Timeout is text', { ...send, requestOptions: { timeout: '={{ "soon" }}' } }, {}, {}, 'invalid_input', 0, (json) => expect(json.error).toMatch(/^The Request Options → Timeout option must be a number of at least 0, but it is the text "soon"/)],
	// 5. Custom field names cannot collide.
	['Custom Reset Email Field named like the password field', { ...reset, email: EMAIL }, { customResetEmailField: 'password' }, {}, 'invalid_input', 0,
		(json) => expect(json.error).toMatch(/New Password Field and Reset Email Field are both "password"/)],
	['Custom token field named like the password field', reset, { customResetCodeField: 'pw', customNewPassField: 'pw' }, {}, 'invalid_input', 0],
	// 6. Include Raw Response never undoes the neutral answer.
	['Include Raw Response on a neutral send', { ...send, options: { includeRawResponse: true } }, { customUnknownAccountText: 'no such user' }, { '/send': [404, { message: 'no such user', id: 'u-1' }] }, 'success', 1,
		(json) => expect(json.rawResponse).toBeUndefined()],
	// 7. Answers are read as n8n reads JSON, with guards.
	['a UTF-8 BOM before JSON', send, { customSuccessField: 'ok' }, { '/send': [200, '\uFEFF{"ok":true}', { 'Content-Type': 'application/json' }] }, 'success', 1],
	['a 2xx nested 10,000 deep on Reset Password', reset, {}, { '/reset': [200, deep(10_000), { 'Content-Type': 'application/json' }] }, 'unknown_outcome', 1],
	['a 2xx nested 10,000 deep on Send Reset Email', send, {}, { '/send': [200, deep(10_000), { 'Content-Type': 'application/json' }] }, 'unexpected_response', 1],
	['a 400 nested 10,000 deep', reset, {}, { '/reset': [400, deep(10_000), { 'Content-Type': 'application/json' }] }, 'invalid_input', 1],
	['a Timeout beyond what a timer holds does not fire at once', { ...send, requestOptions: { timeout: 3e9 } }, {}, { '/send': [200, {}, {}, 100] }, 'success', 1],
	// 10. A request the HTTP layer refuses was never sent: not ambiguous.
	['Custom auth header name with a colon', reset, { customAuthHeaderName: 'Authorization:' }, {}, 'invalid_input', 0, (json) => expect(json.error).toMatch(/header name "Authorization:"/)],
	['API key with a line break', reset, { apiKey: `${API_KEY}\r\nX-Injected: 1` }, {}, 'invalid_input', 0],
	// 11. The smaller edges.
	['a 100 KB email', { ...send, email: `${'a'.repeat(100_000)}@example.com` }, {}, {}, 'invalid_input', 0, (json) => expect(json.error).toMatch(/longer than an email address can be/)],
	['an email with a NUL byte', { ...send, email: 'ada\u0000@example.com' }, {}, {}, 'invalid_input', 0],
	['Retry-After: -1 is not a date to retry at', send, {}, { '/send': [429, {}, { 'Retry-After': '-1' }] }, 'rate_limited', 1],
	['Auth0 answering an HTML page with 200', send, { service: 'auth0', auth0ClientId: 'c', sendEmailPath: '' }, { '/dbconnections/change_password': [200, '<!doctype html><html><body>App</body></html>', { 'Content-Type': 'text/html' }] }, 'unexpected_response', 1],
];

const outcomeOf = ({ output, errorOutput, error }) => {
	if (error) return error.context?.errorCode;
	const item = output[0] ?? errorOutput[0];
	return item.json.success ? 'success' : item.json.details.errorCode;
};

describe.each(ROWS)('%s', (_row, parameters, credentialChanges, answers, expected, requests, check) => {
	test.each([
		['Stop', undefined],
		['Continue', 'continueRegularOutput'],
		['Continue (using error output)', 'continueErrorOutput'],
	])('On Error = %s', async (_mode, onError) => {
		const elsewhere = nock(ELSEWHERE).persist().post(/.*/).reply(200, {});
		const evil = nock('https://evil.example.test').persist().post(/.*/).reply(200, {});
		let reached = 0;
		for (const [path, [status, body, headers = {}, delay = 0]] of Object.entries(answers)) {
			nock(HOST).post(path).delay(delay).reply(() => (reached++, [status, body, headers]));
		}
		logged.length = 0;
		const result = await runNode({ parameters, credential: { ...credential, ...credentialChanges }, onError });
		expect(outcomeOf(result)).toBe(expected);
		expect(reached).toBe(requests);
		expect(elsewhere.isDone()).toBe(false);
		expect(evil.isDone()).toBe(false);
		if (onError === 'continueRegularOutput' && check) check(result.output[0].json);
		const written = `${everythingWritten(result)}\n${JSON.stringify(result.executionError ?? {})}\n${logged.join('\n')}`;
		for (const secret of SECRETS) for (const form of formsOf(secret)) expect(written).not.toContain(form);
	});
});

test('a numeric code from an expression is sent as its digits, in text', async () => {
	const { seen } = intercept({ base: HOST, method: 'POST', path: '/reset', body: {} });
	const { output } = await runNode({ parameters: { ...reset, resetToken: '={{ 123456 }}' }, credential, onError: 'continueRegularOutput' });
	expect(output[0].json.success).toBe(true);
	expect(seen.body).toEqual({ token: '123456', password: PASSWORD });
});

test('Supabase: a verify answered without a session never sends the password', async () => {
	const verify = nock('https://sb.example.test').post('/auth/v1/verify').reply(200, { user: { email: EMAIL } });
	const user = nock('https://sb.example.test').put('/auth/v1/user').reply(200, {});
	const { output } = await runNode({
		parameters: { ...reset, email: EMAIL },
		credential: { service: 'supabase', baseUrl: 'https://sb.example.test/auth/v1', apiKey: API_KEY },
		onError: 'continueRegularOutput',
	});
	verify.done();
	expect(user.isDone()).toBe(false);
	expect(output[0].json.details).toMatchObject({ errorCode: 'unexpected_response', httpStatus: 200 });
	expect(output[0].json.error).toMatch(/^Supabase accepted the token but answered without the session the second step needs, so the new password was not sent/);
});

test('the credential test refuses an absolute Credential Test Path too', async () => {
	const { testCredential } = require('../support/engine.cjs');
	const evil = nock('https://evil.example.test').get(/.*/).reply(200, {});
	const outcome = await testCredential({ service: 'directus', baseUrl: HOST, credentialTestPath: 'https://evil.example.test/ok' });
	expect(outcome).toEqual({ status: 'Error', message: expect.stringMatching(/^The Credential Test Path must be a path under the Base URL/) });
	expect(evil.isDone()).toBe(false);
});

// n8n's RoutingNode resolves parameters before the node runs, and its Stop error stores the
// node's parameters as typed: the node cannot mask them. Passed by expression, as the README
// advises, the stored error holds the expressions, not the secrets.
test('an expression n8n cannot resolve, under Stop: secrets passed by expression stay out of the stored error', async () => {
	const result = await runNode({
		parameters: { operation: 'resetPassword', email: "={{ $('No Such Node').item.json.email }}", resetToken: '={{ $json.token }}', newPassword: '={{ $json.password }}' },
		credential,
		items: [{ token: TOKEN, password: PASSWORD }],
	});
	expect(result.error.message).toBe("Referenced node doesn't exist");
	expect(result.error.node.parameters).toMatchObject({ resetToken: '={{ $json.token }}', newPassword: '={{ $json.password }}' });
	const written = everythingWritten(result);
	for (const secret of SECRETS) for (const form of formsOf(secret)) expect(written).not.toContain(form);
});
