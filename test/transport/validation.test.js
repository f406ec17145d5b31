/** Bad input fails before any request, naming the field and the item. */
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');

const run = (parameters, credential = {}, extra = {}) =>
	runNode({
		parameters,
		credential: { service: 'wabotify', baseUrl: 'https://api.wabotify.test', ...credential },
		items: [{ empty: '' }],
		onError: 'continueRegularOutput',
		...extra,
	});

const reset = { operation: 'resetPassword', email: EMAIL, resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword };

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

// n8n blocks a literally empty required field before the run, so empties arrive by expression.
test.each([
	['email', 'Email', { operation: 'sendResetEmail', email: '={{ $json.empty }}' }],
	['resetToken', 'Reset Token', { ...reset, resetToken: '={{ $json.empty }}' }],
	['newPassword', 'New Password', { ...reset, newPassword: '={{ $json.empty }}' }],
	['email on a Wabotify reset', 'Email', { ...reset, email: '={{ $json.empty }}' }],
])('empty %s → invalid_input naming %s and the item', async (_case, fieldName, parameters) => {
	const { output } = await run(parameters);
	expect(output[0].json.details.errorCode).toBe('invalid_input');
	expect(output[0].json.error).toBe(
		`The ${fieldName} parameter is empty. Wabotify needs it for this operation [item 0]`,
	);
});

test('a malformed email → invalid_input', async () => {
	const { output } = await run({ operation: 'sendResetEmail', email: 'ada@' });
	expect(output[0].json.error).toMatch(/^The Email parameter is not a valid email address.*\[item 0\]$/);
});

test.each([
	['http://api.example.com', 'invalid_input', /must start with https:\/\//],
	['ftp://api.example.com', 'invalid_input', /must start with https:\/\//],
	['not-a-url', 'invalid_input', /Base URL is not a valid URL/],
	['https://api.example.com/ v1', 'invalid_input', /Base URL contains spaces or line breaks/],
])('base URL %s → %s', async (baseUrl, errorCode, message) => {
	const { output } = await run({ operation: 'sendResetEmail', email: EMAIL }, { baseUrl });
	expect(output[0].json.details.errorCode).toBe(errorCode);
	expect(output[0].json.error).toMatch(message);
});

test.each(['http://localhost:8080', 'http://127.0.0.1:9', 'http://[::1]:9'])('loopback %s may use http', async (baseUrl) => {
	const scope = nock(baseUrl).post('/api/user/sendEmailToResetPassword').reply(200, { success: true });
	const { output } = await run({ operation: 'sendResetEmail', email: EMAIL }, { baseUrl });
	expect(output[0].json.success).toBe(true);
	scope.done();
});

test('Ignore SSL Issues in Request Options is refused, not obeyed', async () => {
	const { output } = await run(
		{ operation: 'sendResetEmail', email: EMAIL },
		{},
		{ requestOptions: { allowUnauthorizedCerts: true } },
	);
	expect(output[0].json.details.errorCode).toBe('invalid_input');
	expect(output[0].json.error).toMatch(/Ignore SSL Issues/);
});

test('Custom without a path → invalid_input naming the credential field', async () => {
	const { output } = await run({ operation: 'resetPassword', ...reset }, { service: 'custom', baseUrl: 'https://a.example.test' });
	expect(output[0].json.error).toMatch(/^The credential's Reset Password Path is empty/);
});

test('an unknown service → invalid_input', async () => {
	const { output } = await run({ operation: 'sendResetEmail', email: EMAIL }, { service: 'nope' });
	expect(output[0].json.error).toMatch(/Service "nope" is not known/);
});

test('the password is sent byte-exact, never trimmed; email and token are trimmed', async () => {
	let body;
	nock('https://api.wabotify.test')
		.post('/api/user/resetPassword', (sent) => ((body = sent), true))
		.reply(200, { success: true });
	await run({ ...reset, email: ` ${EMAIL} `, resetToken: ` ${SENTINELS.resetToken}\n`, newPassword: '  pässwörd 🔑 spaced  ' });
	expect(body).toEqual({ email: EMAIL, verificationId: SENTINELS.resetToken, newPassword: '  pässwörd 🔑 spaced  ' });
});
