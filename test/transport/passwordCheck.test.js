/**
 * Check New Password through n8n's engine: node 1.1 checks before Reset Password sends (1 does
 * not), the operation of its own, NIST's length rules, and the range API: only the hash prefix
 * leaves, padded, never with the credential's key; a check that cannot run fails the item, and
 * the back end is never called with an unchecked password.
 */
const crypto = require('node:crypto');
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { SENTINELS, EMAIL, intercept, everythingWritten, captureLogs } = require('../support/fixtures.cjs');

const logged = captureLogs();
afterEach(() => {
	nock.abortPendingRequests();
	nock.cleanAll();
	nock.enableNetConnect();
	logged.length = 0;
});

const RANGE = 'https://api.pwnedpasswords.com';
const BASE = 'https://wibi.example.test';
const credential = { service: 'wibiclick', baseUrl: BASE, apiKey: SENTINELS.apiKey };
const GOOD = 'violet-harbor-lantern-42';
const sha1 = (text) => crypto.createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();
const padding = (count) => Array.from({ length: count }, (_, index) => `${index.toString(16).toUpperCase().padStart(35, '0')}:0`);

/** The range answer for `password`'s prefix: padding, plus its own line when `seen` > 0. */
const rangeAnswer = (password, { seen = 0, status = 200, body, delay } = {}) => {
	const hash = sha1(password);
	const lines = [...padding(800), ...(seen ? [`${hash.slice(5)}:${seen}`] : [])].join('\r\n');
	return intercept({ base: RANGE, method: 'GET', path: `/range/${hash.slice(0, 5)}`, status, body: body ?? lines, headers: { 'Content-Type': 'text/plain' }, delay });
};
const resetAnswer = () => intercept({ base: BASE, method: 'POST', path: '/password-reset', body: { success: true, message: 'Password updated' } });
const reset = (newPassword, options = {}) => ({ operation: 'resetPassword', resetToken: SENTINELS.resetToken, newPassword, email: EMAIL, options });
const check = (newPassword, options = {}) => ({ operation: 'checkPassword', newPassword, email: EMAIL, options });
const breached = { checkBreached: true };
const run = (parameters, extra = {}) => runNode({ parameters, credential, onError: 'continueRegularOutput', typeVersion: 1.1, ...extra });
const failureOf = (result) => result.output[0].json;

describe('Reset Password checks the new password first, from node version 1.1', () => {
	test('1.1: a short password is weak_password (too_short), nothing sent', async () => {
		const service = resetAnswer();
		const result = await run(reset('Short-pw-1'));
		expect(failureOf(result).details).toMatchObject({ errorCode: 'weak_password', passwordProblem: 'too_short', httpStatus: null });
		expect(failureOf(result).error).toMatch(/shorter than 15 characters/);
		expect(service.scope.isDone()).toBe(false);
	});

	test('1: saved workflows keep sending what they sent (no check unless turned on)', async () => {
		const service = resetAnswer();
		const result = await run(reset('Short-pw-1'), { typeVersion: 1 });
		expect(result.output[0].json.success).toBe(true);
		expect(service.seen.body).toMatchObject({ token: SENTINELS.resetToken, password: 'Short-pw-1' });
	});

	test('1: Check New Password turned on checks', async () => {
		const service = resetAnswer();
		const result = await run(reset('Short-pw-1', { checkNewPass: true }), { typeVersion: 1 });
		expect(failureOf(result).details.passwordProblem).toBe('too_short');
		expect(service.scope.isDone()).toBe(false);
	});

	test('1.1 with Check New Password off: sent unchecked', async () => {
		resetAnswer();
		expect((await run(reset('Short-pw-1', { checkNewPass: false }))).output[0].json.success).toBe(true);
	});

	test('a password the check passes is sent byte for byte, however long (200 characters, never cut)', async () => {
		const long = `${'Ab1 -'.repeat(40)}`;
		const service = resetAnswer();
		const result = await run(reset(long));
		expect(result.output[0].json.success).toBe(true);
		expect(service.seen.body.password).toBe(long);
		expect(long.length).toBe(200);
	});
});

describe('the local checks (Check New Password)', () => {
	test('a good password: success, listing the checks it passed; nothing is sent anywhere', async () => {
		nock.disableNetConnect();
		const { output } = await run(check(GOOD));
		expect(output[0].json).toEqual({
			success: true,
			operation: 'checkPassword',
			service: 'wibiclick',
			message: 'The new password passed every check',
			checks: ['length', 'contextWords', 'commonPasswords'],
		});
	});

	test.each([
		['64 characters', 'x1-'.repeat(21) + 'y', true],
		['15 code points of 2 UTF-16 units each (counted as 15)', '🙂'.repeat(15), true],
		['15 characters written with combining accents (30 code points, 15 after NFKC)', 'e\u0301'.repeat(15), true],
		['14 code points', '🙂'.repeat(14), false],
	])('%s: %s', async (_case, password, passes) => {
		const { output } = await run(check(password));
		expect(output[0].json.success === true).toBe(passes);
	});

	test.each([
		["the email's name", 'ada.lovelace@example.com', 'Lovelace-forever-and-ever'],
		["the email's domain", 'ada@acmecorp.com', 'i-work-at-ACMECORP-2026'],
		["the service's name", EMAIL, 'my-wibiclick-password-2026'],
	])('%s is refused as a context word, without naming it', async (_case, email, password) => {
		const { output } = await run({ ...check(password), email });
		expect(output[0].json.details).toMatchObject({ errorCode: 'weak_password', passwordProblem: 'context_word' });
		expect(output[0].json.error).not.toMatch(/lovelace|acmecorp|wibiclick/i);
	});

	test("the node's Context Words are refused too", async () => {
		const { output } = await run(check('rocketship-to-the-moon-77', { contextWords: 'Acme, Rocketship' }));
		expect(output[0].json.details.passwordProblem).toBe('context_word');
	});

	test('a common password is refused (with the minimum lowered to 8)', async () => {
		const { output } = await run(check('Password1', { minPassLength: 8 }));
		expect(output[0].json.details).toMatchObject({ errorCode: 'weak_password', passwordProblem: 'common' });
	});

	test('a minimum below 8 is refused, naming the option', async () => {
		const { output } = await run(check(GOOD, { minPassLength: 6 }));
		expect(output[0].json.details.errorCode).toBe('invalid_input');
		expect(output[0].json.error).toMatch(/Minimum Password Length option must be a number of at least 8/);
	});

	test('Map Input Fields by Name reads the password and the email from the item', async () => {
		const { output } = await run(
			{ operation: 'checkPassword', mappingMode: 'autoMapInputData', options: {} },
			{ items: [{ email: 'grace@example.com', newPassword: 'Grace-loves-compilers-1952' }, { email: EMAIL, newPassword: GOOD }] },
		);
		expect(output.map((item) => item.json.details?.passwordProblem ?? 'ok')).toEqual(['context_word', 'ok']);
	});
});

describe('the breached-password check (range API)', () => {
	test('only the 5-character prefix leaves, padded, with no credential: a breached password is refused with its count', async () => {
		const range = rangeAnswer(SENTINELS.newPassword + '-long-enough', { seen: 3861493 });
		const service = resetAnswer();
		const result = await run(reset(SENTINELS.newPassword + '-long-enough', breached));
		const hash = sha1(SENTINELS.newPassword + '-long-enough');
		expect(range.seen.path).toBe(`/range/${hash.slice(0, 5)}`);
		expect(range.seen.headers['add-padding']).toBe('true');
		expect(range.seen.headers.authorization).toBeUndefined();
		expect(JSON.stringify(range.seen)).not.toContain(hash.slice(5));
		expect(JSON.stringify(range.seen)).not.toContain(SENTINELS.newPassword);
		expect(JSON.stringify(range.seen)).not.toContain(SENTINELS.apiKey);
		expect(failureOf(result).details).toMatchObject({ errorCode: 'weak_password', passwordProblem: 'breached' });
		expect(failureOf(result).error).toMatch(/has appeared 3,861,493 times in data breaches/);
		expect(service.scope.isDone()).toBe(false);
		expect([everythingWritten(result), logged.join('\n')].join('\n')).not.toMatch(new RegExp(`${SENTINELS.newPassword}|${hash}`));
	});

	test('a password the range does not hold (padding only) passes, and the reset is sent', async () => {
		rangeAnswer(GOOD);
		const service = resetAnswer();
		const result = await run(reset(GOOD, breached));
		expect(result.output[0].json.success).toBe(true);
		expect(service.scope.isDone()).toBe(true);
	});

	test('Check New Password lists the breached-password check it passed', async () => {
		rangeAnswer(GOOD);
		expect((await run(check(GOOD, breached))).output[0].json.checks).toEqual(['length', 'contextWords', 'commonPasswords', 'breachedPasswords']);
	});

	test('items with one password ask the range once per run', async () => {
		const range = rangeAnswer(GOOD);
		const { output } = await run(check(GOOD, breached), { items: [{}, {}, {}] });
		expect(output.map((item) => item.json.success)).toEqual([true, true, true]);
		expect(range.scope.isDone()).toBe(true);
		expect(nock.pendingMocks()).toEqual([]);
	});

	test.each([
		['a 503', { status: 503, body: 'Service Unavailable' }, /api\.pwnedpasswords\.com answered HTTP 503/],
		['an answer that is not a range list', { body: '<html>captive portal</html>' }, /answered something that is not a range list/],
		['no answer in time', { delay: 2000 }, /did not answer in time/],
	])('%s: password_check_unavailable, and the password is not sent', async (_case, answer, message) => {
		rangeAnswer(GOOD, answer);
		const service = resetAnswer();
		const result = await run(reset(GOOD, breached), { requestOptions: { timeout: 300 } });
		expect(failureOf(result).details).toMatchObject({ errorCode: 'password_check_unavailable', retryable: true });
		expect(failureOf(result).error).toMatch(message);
		expect(failureOf(result).error).toMatch(/The new password was not sent/);
		expect(service.scope.isDone()).toBe(false);
	});

	test('no network: password_check_unavailable naming the host', async () => {
		nock(RANGE).get(/\/range\//).replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
		const result = await run(check(GOOD, breached));
		expect(failureOf(result).details.errorCode).toBe('password_check_unavailable');
		expect(failureOf(result).error).toMatch(/api\.pwnedpasswords\.com could not be reached \(ECONNREFUSED\)/);
	});

	test('a company mirror is used as set; one over http (not loopback) is refused before any request', async () => {
		const mirror = intercept({ base: 'https://hibp.corp.test', method: 'GET', path: `/range/${sha1(GOOD).slice(0, 5)}`, body: padding(10).join('\n') });
		expect((await run(check(GOOD, { ...breached, breachApiUrl: 'https://hibp.corp.test' }))).output[0].json.success).toBe(true);
		expect(mirror.scope.isDone()).toBe(true);
		nock.disableNetConnect();
		const refused = failureOf(await run(check(GOOD, { ...breached, breachApiUrl: 'http://hibp.corp.test' })));
		expect(refused.details.errorCode).toBe('invalid_input');
		expect(refused.error).toMatch(/The Breached Password API URL option must start with https:\/\//);
	});

	test('On Error = Stop: the error names the reason in its context', async () => {
		rangeAnswer(GOOD, { seen: 12 });
		const { error } = await runNode({ parameters: check(GOOD, breached), credential, typeVersion: 1.1 });
		expect(error.context).toMatchObject({ errorCode: 'weak_password', passwordProblem: 'breached' });
		expect(JSON.stringify(error)).not.toContain(GOOD);
	});
});
