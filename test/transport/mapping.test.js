/**
 * Mapping Mode = Map Input Fields by Name: each item's Email, Reset Token and New Password come
 * from its own fields, by name or dot path; no parameter holds an expression or a secret.
 */
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { SENTINELS, EMAIL, intercept, leakedSentinels } = require('../support/fixtures.cjs');

const CUSTOM = { service: 'custom', baseUrl: 'https://api.custom.test', sendEmailPath: '/send', resetPath: '/reset' };
const WABOTIFY = { service: 'wabotify', baseUrl: 'https://api.wabotify.test' };
const byName = (operation, fields = {}) => ({ operation, mappingMode: 'autoMapInputData', ...fields });
const summary = (item) => (item.json.success ? 'success' : item.json.details.errorCode);

afterEach(() => nock.cleanAll());

test("Send Reset Email reads each item's email field, with no expression in any parameter", async () => {
	const seen = [];
	nock(CUSTOM.baseUrl).post('/send', (body) => seen.push(body.email)).times(2).reply(200, {});
	const parameters = byName('sendResetEmail');
	const { output } = await runNode({ parameters, credential: CUSTOM, items: [{ email: 'ada@example.com' }, { email: ' grace@example.com ' }] });
	expect(seen).toEqual(['ada@example.com', 'grace@example.com']);
	expect(output.map(summary)).toEqual(['success', 'success']);
	expect(JSON.stringify(parameters)).not.toMatch(/=|\{\{/);
});

test('a field name is read as it is first, then as a dot path', async () => {
	const seen = [];
	nock(CUSTOM.baseUrl).post('/send', (body) => seen.push(body.email)).times(3).reply(200, {});
	const items = [{ user: { email: 'nested@example.com' } }, { 'user.email': 'dotted@example.com', user: { email: 'not-this@example.com' } }, { user: { contacts: ['list@example.com'] } }];
	await runNode({ parameters: byName('sendResetEmail', { emailField: 'user.email' }), credential: CUSTOM, items: items.slice(0, 2) });
	await runNode({ parameters: byName('sendResetEmail', { emailField: 'user.contacts.0' }), credential: CUSTOM, items: items.slice(2) });
	expect(seen).toEqual(['nested@example.com', 'dotted@example.com', 'list@example.com']);
});

test('Reset Password reads the token and the new password from the item (the password byte-exact), and no secret leaves', async () => {
	const { seen } = intercept({ base: CUSTOM.baseUrl, method: 'POST', path: '/reset', body: { echoed: `${SENTINELS.resetToken} ${SENTINELS.newPassword}` } });
	const password = ` ${SENTINELS.newPassword} `;
	const result = await runNode({
		parameters: byName('resetPassword', { resetCodeField: 'link.token', newPassField: 'password' }),
		credential: { ...CUSTOM, apiKey: SENTINELS.apiKey },
		items: [{ link: { token: SENTINELS.resetToken }, password }],
		onError: 'continueRegularOutput',
	});
	expect(seen.body).toMatchObject({ token: SENTINELS.resetToken, password });
	expect(summary(result.output[0])).toBe('success');
	expect(leakedSentinels(result)).toEqual([]);
});

test('the defaults are email, token and newPassword; the email is read on a reset when the item has it', async () => {
	const { seen } = intercept({ base: WABOTIFY.baseUrl, method: 'POST', path: '/api/user/resetPassword', body: { success: true, code: 200 } });
	const { output } = await runNode({
		parameters: byName('resetPassword'),
		credential: WABOTIFY,
		items: [{ email: EMAIL, token: SENTINELS.resetToken, newPassword: SENTINELS.newPassword }],
		onError: 'continueRegularOutput',
	});
	expect(summary(output[0])).toBe('success');
	expect(seen.body).toEqual({ email: EMAIL, verificationId: SENTINELS.resetToken, newPassword: SENTINELS.newPassword });
});

describe('bad item fields fail that item as invalid_input, naming the field and the item, before any request; the other items go', () => {
	beforeAll(() => nock.disableNetConnect());
	afterAll(() => nock.enableNetConnect());

	const cases = [
		['missing', {}, 'The input item has no "token" field for the Reset Token. Name the field that holds it in Reset Token Field, or set Mapping Mode to Define Each Value Below [item 0]'],
		['empty', { token: '  ' }, 'The input item\'s "token" field (Reset Token) is empty [item 0]'],
		['a number', { token: 12345 }, 'The input item\'s "token" field (Reset Token) is a number, not text. Make it text before this node (a Set or Edit Fields node) [item 0]'],
		['an object', { token: { code: 'x' } }, 'The input item\'s "token" field (Reset Token) is an object, not text. Make it text before this node (a Set or Edit Fields node) [item 0]'],
		['null', { token: null }, 'The input item\'s "token" field (Reset Token) is null, not text. Make it text before this node (a Set or Edit Fields node) [item 0]'],
	];
	test.each(cases)('a token that is %s', async (_case, fields, message) => {
		const { output } = await runNode({
			parameters: byName('resetPassword'),
			credential: CUSTOM,
			items: [{ newPassword: SENTINELS.newPassword, ...fields }],
			onError: 'continueRegularOutput',
		});
		expect(output).toHaveLength(1);
		expect(output[0].json.error).toBe(message);
		expect(output[0].json.details.errorCode).toBe('invalid_input');
	});

	test('a service that needs the email on a reset fails an item without one; a malformed email names the field', async () => {
		const reset = { token: SENTINELS.resetToken, newPassword: SENTINELS.newPassword };
		const { output } = await runNode({ parameters: byName('resetPassword'), credential: WABOTIFY, items: [reset, { ...reset, email: 'ada@' }], onError: 'continueRegularOutput' });
		expect(output.map((item) => item.json.error)).toEqual([
			'The input item has no "email" field for the Email. Name the field that holds it in Email Field, or set Mapping Mode to Define Each Value Below [item 0]',
			'The input item\'s "email" field (Email) is not a valid email address. Use an address like name@example.com [item 1]',
		]);
	});

	test('under Stop, the error names the field and the item', async () => {
		const { error } = await runNode({ parameters: byName('sendResetEmail', { emailField: 'address' }), credential: CUSTOM, items: [{ email: EMAIL }] });
		expect(error.message).toBe('The input item has no "address" field for the Email. Name the field that holds it in Email Field, or set Mapping Mode to Define Each Value Below [item 0]');
		expect(error.context.errorCode).toBe('invalid_input');
	});
});

test('one bad item among good ones: every item yields one output item, in order', async () => {
	nock(CUSTOM.baseUrl).post('/send').times(2).reply(200, {});
	const { output } = await runNode({
		parameters: byName('sendResetEmail'),
		credential: CUSTOM,
		items: [{ email: 'a@example.com' }, { mail: 'b@example.com' }, { email: 'c@example.com' }],
		onError: 'continueRegularOutput',
	});
	expect(output.map((item) => [item.pairedItem.item, summary(item)])).toEqual([
		[0, 'success'],
		[1, 'invalid_input'],
		[2, 'success'],
	]);
});

test('an empty field name is refused once for the run, naming the parameter', async () => {
	nock.disableNetConnect();
	try {
		const { output } = await runNode({ parameters: byName('sendResetEmail', { emailField: ' ' }), credential: CUSTOM, items: [{ email: EMAIL }], onError: 'continueRegularOutput' });
		expect(output[0].json.error).toBe("Email Field is empty. Name the input item's field that holds the Email [item 0]");
	} finally {
		nock.enableNetConnect();
	}
});
