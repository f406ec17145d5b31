/**
 * WordPress: Send Reset Email is the lost-password form, whose success is its redirect to
 * `checkemail=confirm` (never followed); the form again with WordPress's error is the unknown
 * address (named only when revealed) or a mail failure, and anything else is no success. Set
 * Password is the REST API with an Application Password as Basic auth, which (in every form) never
 * leaves. The real WordPress: test/real/wordpress.cjs.
 */
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { EMAIL, intercept, everythingWritten } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');

const BASE = 'https://shop.example.test';
const APP_PASSWORD = 'abcd EFGH ijkl MNOP 4q5r 6s7t';
const credential = { service: 'wordpress', baseUrl: BASE, wordpressUsername: 'help-desk', wordpressAppPassword: APP_PASSWORD };
const BASIC = Buffer.from(`help-desk:${APP_PASSWORD}`).toString('base64');
const page = (error) => `<!DOCTYPE html><html><body class="login"><div id="login_error"><strong>Error:</strong> ${error}<br /></div></body></html>`;
const outcomeOf = ({ output }) => (output[0].json.success ? output[0].json : output[0].json.details.errorCode);
const run = (parameters) => runNode({ parameters, credential, onError: 'continueRegularOutput' });

afterEach(() => nock.cleanAll());

describe('Send Reset Email: the lost-password form', () => {
	const lostPassword = (status, body, headers) => intercept({ base: BASE, method: 'POST', path: '/wp-login.php', status, body, headers: { 'Content-Type': 'text/html; charset=UTF-8', ...headers } });

	test('posted as the form (user_login), the redirect to checkemail=confirm is the success, not followed', async () => {
		const { seen } = lostPassword(302, '', { Location: 'wp-login.php?checkemail=confirm' });
		expect(outcomeOf(await run({ operation: 'sendResetEmail', email: EMAIL }))).toEqual({ success: true, operation: 'sendResetEmail', service: 'wordpress', message: NEUTRAL });
		expect(seen.query).toEqual({ action: 'lostpassword' });
		expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(new URLSearchParams(seen.body).get('user_login')).toBe(EMAIL);
	});

	test('the form again naming an unknown address: the neutral success, or user_not_found when revealed', async () => {
		lostPassword(200, page('There is no account with that username or email address.'));
		expect(outcomeOf(await run({ operation: 'sendResetEmail', email: EMAIL })).message).toBe(NEUTRAL);
		lostPassword(200, page('There is no account with that username or email address.'));
		expect(outcomeOf(await run({ operation: 'sendResetEmail', email: EMAIL, options: { revealUnknownAccounts: true } }))).toBe('user_not_found');
	});

	test.each([
		['the form again, mail not sent', 200, page('The email could not be sent. Your site may not be correctly configured to send emails.'), {}, 'server_error'],
		['the form again, no error WordPress names', 200, page('Something else.'), {}, 'unexpected_response'],
		['a redirect elsewhere (a login page at another address)', 302, '', { Location: 'https://shop.example.test/my-account/' }, 'unexpected_response'],
		['a 302 without a Location', 302, '', {}, 'unexpected_response'],
	])('%s → %s, never a success', async (_name, status, body, headers, code) => {
		lostPassword(status, body, headers);
		expect(outcomeOf(await run({ operation: 'sendResetEmail', email: EMAIL }))).toBe(code);
	});
});

describe('Set Password: the REST API with an Application Password', () => {
	const NEW = 'SENTINEL-WP-Set-pw-9e2b';
	test('the search narrowed to the address, the set on its id; the Application Password in no form written', async () => {
		const search = intercept({ base: BASE, method: 'GET', path: '/wp-json/wp/v2/users', body: [{ id: 7, email: `x${EMAIL}` }, { id: 5, email: EMAIL }] });
		const set = intercept({ base: BASE, method: 'POST', path: '/wp-json/wp/v2/users/5', body: { id: 5, email: EMAIL, echo: `${BASIC} ${APP_PASSWORD}` } });
		const result = await run({ operation: 'setPassword', email: EMAIL, newPassword: NEW, options: { includeRawResponse: true } });
		expect(outcomeOf(result)).toMatchObject({ success: true, operation: 'setPassword', service: 'wordpress', otherSessionsSignedOut: null });
		expect(search.seen.query).toEqual({ search: EMAIL, context: 'edit', per_page: '50' });
		expect([search.seen.headers.authorization, set.seen.headers.authorization]).toEqual([`Basic ${BASIC}`, `Basic ${BASIC}`]);
		expect(set.seen.body).toEqual({ password: NEW });
		expect([BASIC, APP_PASSWORD, NEW].filter((secret) => everythingWritten(result).includes(secret))).toEqual([]);
	});

	test("WordPress's refusal of the password: weak_password with the parameter's own reason", async () => {
		intercept({ base: BASE, method: 'GET', path: '/wp-json/wp/v2/users', body: [{ id: 5, email: EMAIL }] });
		intercept({
			base: BASE,
			method: 'POST',
			path: '/wp-json/wp/v2/users/5',
			status: 400,
			body: { code: 'rest_invalid_param', message: 'Invalid parameter(s): password', data: { status: 400, params: { password: 'Passwords cannot contain the "\\" character.' } } },
		});
		const result = await run({ operation: 'setPassword', email: EMAIL, newPassword: 'back\\slash-password' });
		expect(outcomeOf(result)).toBe('weak_password');
		expect(result.output[0].json.error).toMatch(/^WordPress refused the new password: Passwords cannot contain the "\\" character\./);
	});

	test('a wrong Application Password: auth_failed, naming the credential fields', async () => {
		intercept({ base: BASE, method: 'GET', path: '/wp-json/wp/v2/users', status: 401, body: { code: 'incorrect_password', message: 'The provided password is an invalid application password.', data: { status: 401 } } });
		const result = await run({ operation: 'setPassword', email: EMAIL, newPassword: NEW });
		expect(outcomeOf(result)).toBe('auth_failed');
		expect(result.output[0].json.error).toMatch(/Check the credential's Username and Application Password/);
	});

	test('no Application Password: invalid_input before any request', async () => {
		nock.disableNetConnect();
		const result = await runNode({ parameters: { operation: 'setPassword', email: EMAIL, newPassword: NEW }, credential: { service: 'wordpress', baseUrl: BASE }, onError: 'continueRegularOutput' });
		nock.enableNetConnect();
		expect(outcomeOf(result)).toBe('invalid_input');
	});
});

describeCredentialProbe('wordpress', 'GET', '/wp-json/', [200, { name: 'Shop', namespaces: ['wp/v2'] }], { wordpressUsername: 'help-desk', wordpressAppPassword: APP_PASSWORD });
