/**
 * Set Password, the mechanism, through n8n's engine: the account found by email (exactly, in any
 * case, from a search that may match loosely), the set, what the item says it did; none found is
 * user_not_found, two are multiple_accounts (nothing set); the options honoured where the service
 * can and refused before any request where it cannot; the new password checked first; one set per
 * email per run; not for an AI tool; a lost answer is unknown_outcome; no secret written anywhere.
 * Each service's own calls and options: test/services/setPassword.test.js.
 */
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { SENTINELS, EMAIL, intercept, leakedSentinels, everythingWritten, captureLogs } = require('../support/fixtures.cjs');

const logged = captureLogs();
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
	logged.length = 0;
});

const STRONG = 'SENTINEL-Strong-password-2b7d-long';
const ADMIN_TOKEN = 'ADMIN-TOKEN-5c3e';
const DIRECTUS = 'https://directus.example.test';
const directus = { service: 'directus', baseUrl: DIRECTUS, directusAdminToken: ADMIN_TOKEN };
const setPassword = (options = {}, email = EMAIL) => ({ operation: 'setPassword', email, newPassword: STRONG, options });
const written = (result) => [everythingWritten(result), logged.join('\n')].join('\n');
const NEVER_WRITTEN = [STRONG, ADMIN_TOKEN];

/** Directus's two answers: the search (`users`) and the update. */
const directusAnswers = ({ users = [{ id: 'u-1', email: EMAIL }], update = { status: 200, body: { data: { id: 'u-1', email: EMAIL } } } } = {}) => ({
	search: intercept({ base: DIRECTUS, method: 'GET', path: '/users', body: { data: users } }),
	update: intercept({ base: DIRECTUS, method: 'PATCH', path: '/users/u-1', ...update }),
});

describe('the account by email, then the set', () => {
	test('Directus: searched in any case with the admin token, the password set on that id; the item says what the set did', async () => {
		const { search, update } = directusAnswers();
		const result = await runNode({ parameters: setPassword({}, 'Ada@Example.com'), credential: directus });
		expect(result.error).toBeUndefined();
		expect(search.seen.query).toEqual({ 'filter[email][_icontains]': 'Ada@Example.com', fields: 'id,email', limit: '50' });
		expect(search.seen.headers.authorization).toBe(`Bearer ${ADMIN_TOKEN}`);
		expect(update.seen.body).toEqual({ password: STRONG });
		expect(update.seen.headers.authorization).toBe(`Bearer ${ADMIN_TOKEN}`);
		expect(result.output.map((item) => item.json)).toEqual([
			{ success: true, operation: 'setPassword', service: 'directus', message: 'Password set', mustChangeAtNextSignIn: false, otherSessionsSignedOut: true },
		]);
		expect(NEVER_WRITTEN.filter((secret) => written(result).includes(secret))).toEqual([]);
	});

	test('no account with the email: user_not_found (an admin call, whatever Reveal Unknown Accounts says), nothing set', async () => {
		const { update } = directusAnswers({ users: [{ id: 'u-2', email: `not-${EMAIL}` }] });
		const result = await runNode({ parameters: setPassword(), credential: directus, onError: 'continueRegularOutput' });
		expect(result.output[0].json.details).toMatchObject({ errorCode: 'user_not_found', operation: 'setPassword' });
		expect(update.scope.isDone()).toBe(false);
	});

	test('two accounts with the email (in two cases): multiple_accounts, nothing set', async () => {
		const { update } = directusAnswers({ users: [{ id: 'u-1', email: EMAIL }, { id: 'u-2', email: EMAIL.toUpperCase() }] });
		const result = await runNode({ parameters: setPassword(), credential: directus, onError: 'continueRegularOutput' });
		expect(result.output[0].json.details).toMatchObject({ errorCode: 'multiple_accounts', retryable: false });
		expect(result.output[0].json.error).toMatch(/^Directus has 2 accounts with this email, so Password Reset cannot tell which one is meant: nothing was changed/);
		expect(update.scope.isDone()).toBe(false);
	});

	test("the service's policy refusal: weak_password with its reason, the password kept out", async () => {
		directusAnswers({ update: { status: 400, body: { errors: [{ message: "Provided password doesn't match password policy", extensions: { code: 'FAILED_VALIDATION' } }] } } });
		const result = await runNode({ parameters: setPassword(), credential: directus, onError: 'continueRegularOutput' });
		expect(result.output[0].json.details.errorCode).toBe('weak_password');
		expect(result.output[0].json.error).toMatch(/^Directus refused the new password: Provided password doesn't match password policy/);
		expect(NEVER_WRITTEN.filter((secret) => written(result).includes(secret))).toEqual([]);
	});

	test('a wrong admin token: auth_failed on the search, nothing set', async () => {
		intercept({ base: DIRECTUS, method: 'GET', path: '/users', status: 401, body: { errors: [{ message: 'Invalid user credentials.', extensions: { code: 'INVALID_CREDENTIALS' } }] } });
		const result = await runNode({ parameters: setPassword(), credential: directus, onError: 'continueRegularOutput' });
		expect(result.output[0].json.details.errorCode).toBe('auth_failed');
	});

	test.each([
		[502, 'a 502 on the set'],
		['timeout', 'no answer in time'],
	])('the set lost (%s: %s): unknown_outcome, saying the password may have been set', async (status) => {
		intercept({ base: DIRECTUS, method: 'GET', path: '/users', body: { data: [{ id: 'u-1', email: EMAIL }] } });
		intercept({ base: DIRECTUS, method: 'PATCH', path: '/users/u-1', ...(status === 'timeout' ? { delay: 2000 } : { status, body: { errors: [] } }) });
		const result = await runNode({
			parameters: setPassword(),
			credential: directus,
			onError: 'continueRegularOutput',
			...(status === 'timeout' ? { requestOptions: { timeout: 200 } } : {}),
		});
		expect(result.output[0].json.details.errorCode).toBe('unknown_outcome');
		expect(result.output[0].json.error).toMatch(/may have been set\. Check whether the new password works before setting it again/);
	});

	test('Stop: a NodeApiError naming the item, the password masked in its node copy', async () => {
		directusAnswers({ users: [] });
		const result = await runNode({ parameters: setPassword(), credential: directus });
		expect(result.error.context).toMatchObject({ errorCode: 'user_not_found', operation: 'setPassword', itemIndex: 0 });
		expect(result.error.node.parameters.newPassword).toBe('**hidden**');
		expect(written(result)).not.toContain(STRONG);
	});
});

describe('checked before anything is sent', () => {
	test('the new password through Check New Password first (node 1.1 and later): a short one is weak_password, no request', async () => {
		nock.disableNetConnect();
		const result = await runNode({ parameters: { ...setPassword(), newPassword: 'short' }, credential: directus, onError: 'continueRegularOutput', typeVersion: 1.1 });
		expect(result.output[0].json.details).toMatchObject({ errorCode: 'weak_password', passwordProblem: 'too_short' });
	});

	test('no admin key in the credential: invalid_input naming the field, no request', async () => {
		nock.disableNetConnect();
		const result = await runNode({ parameters: setPassword(), credential: { service: 'directus', baseUrl: DIRECTUS }, onError: 'continueRegularOutput' });
		expect(result.output[0].json.details.errorCode).toBe('invalid_input');
		expect(result.output[0].json.error).toMatch(/Set Password needs the credential's Admin Token/);
	});

	test.each([
		['requireChange', /Directus has no way to make a user change an admin-set password at the next sign-in, so Require Change at Next Sign-In cannot be honoured: nothing was sent/],
	])('%s where the service cannot: not_supported naming what it lacks, no request', async (option, message) => {
		nock.disableNetConnect();
		const result = await runNode({ parameters: setPassword({ [option]: true }), credential: directus, onError: 'continueRegularOutput' });
		expect(result.output[0].json.details.errorCode).toBe('not_supported');
		expect(result.output[0].json.error).toMatch(message);
	});

	test.each([
		['strapi', { strapiApiToken: ADMIN_TOKEN }, /Strapi has no call that signs a user out of their sessions, so Sign Out Other Sessions cannot be honoured/],
		['auth0', { auth0ManagementClientId: 'm', auth0ManagementClientSecret: 's', baseUrl: 'https://t.eu.auth0.com' }, /Auth0 does not say what happens to the user's sessions, so Sign Out Other Sessions cannot be honoured/],
	])('Sign Out Other Sessions on %s: not_supported, no request', async (service, fields, message) => {
		nock.disableNetConnect();
		const result = await runNode({ parameters: setPassword({ signOutOthers: true }), credential: { service, baseUrl: 'https://api.example.test', ...fields }, onError: 'continueRegularOutput' });
		expect(result.output[0].json.details.errorCode).toBe('not_supported');
		expect(result.output[0].json.error).toMatch(message);
	});

	test('two items with one email: the second fails before its requests, naming the first', async () => {
		directusAnswers();
		const result = await runNode({ parameters: setPassword(), credential: directus, items: [{}, {}], onError: 'continueRegularOutput' });
		expect(result.output[0].json.success).toBe(true);
		expect(result.output[1].json.details.errorCode).toBe('invalid_input');
		expect(result.output[1].json.error).toMatch(/Item 0 already sets a password for this email in this run/);
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('as an AI tool: refused before any request', async () => {
		nock.disableNetConnect();
		const { output } = await runNode({ parameters: setPassword(), credential: directus, onError: 'continueRegularOutput', asToolType: true });
		expect(output[0].json.details.errorCode).toBe('invalid_input');
		expect(output[0].json.error).toMatch(/Set Password is not available to an AI agent/);
	});

	test('a service without an admin set: not_supported, pointing to the link and the email', async () => {
		nock.disableNetConnect();
		const { output } = await runNode({ parameters: setPassword(), credential: { service: 'medusa', baseUrl: 'https://shop.example.test', apiKey: SENTINELS.apiKey }, onError: 'continueRegularOutput' });
		expect(output[0].json.details.errorCode).toBe('not_supported');
		expect(output[0].json.error).toMatch(/Medusa cannot Set Password through its API\. It has no admin call that sets a password/);
	});
});
