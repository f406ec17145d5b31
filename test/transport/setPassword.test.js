/**
 * Set Password, the mechanism, through n8n's engine: the account found by email (exactly, in any
 * case, from a search that may match loosely), the set, what the item says it did; none found is
 * user_not_found, two are multiple_accounts (nothing set); the options honoured where the service
 * can and refused before any request where it cannot; the new password checked first; one set per
 * email per run; not for an AI tool; a lost answer is unknown_outcome; no secret written anywhere.
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

	test('Supabase: its substring search narrowed to the exact address; the secret key as apikey only', async () => {
		const base = 'https://project.supabase.co/auth/v1';
		const users = [
			{ id: 'other', email: `x${EMAIL}` },
			{ id: 'u-1', email: EMAIL },
		];
		const search = intercept({ base, method: 'GET', path: '/auth/v1/admin/users', body: { users, aud: 'authenticated' } });
		const update = intercept({ base, method: 'PUT', path: '/auth/v1/admin/users/u-1', body: { id: 'u-1', email: EMAIL } });
		const key = 'sb_secret_ADMIN-5c3e';
		const result = await runNode({ parameters: setPassword(), credential: { service: 'supabase', baseUrl: base, apiKey: 'sb_publishable_x', supabaseServiceRoleKey: key } });
		expect(result.error).toBeUndefined();
		expect(search.seen.query).toEqual({ filter: EMAIL, page: '1', per_page: '50' });
		expect([search.seen.headers.apikey, update.seen.headers.apikey, update.seen.headers.authorization]).toEqual([key, key, undefined]);
		expect(update.seen.body).toEqual({ password: STRONG });
		expect(result.output[0].json).toMatchObject({ success: true, otherSessionsSignedOut: true });
		expect(written(result)).not.toContain(key);
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

describe('the options, where the service has them', () => {
	const KEYCLOAK = 'https://keycloak.example.test';
	const keycloak = { service: 'keycloak', baseUrl: KEYCLOAK, keycloakRealm: 'acme', keycloakClientId: 'n8n', keycloakClientSecret: 'CLIENT-SECRET-1d2e' };
	const keycloakAnswers = () => ({
		token: intercept({ base: KEYCLOAK, method: 'POST', path: '/realms/acme/protocol/openid-connect/token', body: { access_token: 'KC-TOKEN-3f4a' } }),
		search: intercept({ base: KEYCLOAK, method: 'GET', path: '/admin/realms/acme/users', body: [{ id: 'kc-1', email: EMAIL }] }),
		set: intercept({ base: KEYCLOAK, method: 'PUT', path: '/admin/realms/acme/users/kc-1/reset-password', status: 204, body: '' }),
	});

	test('Keycloak, both on: a temporary password, then the logout; the item says so', async () => {
		const { set } = keycloakAnswers();
		const logout = intercept({ base: KEYCLOAK, method: 'POST', path: '/admin/realms/acme/users/kc-1/logout', status: 204, body: '' });
		const result = await runNode({ parameters: setPassword({ requireChange: true, signOutOthers: true }), credential: keycloak });
		expect(result.error).toBeUndefined();
		expect(set.seen.body).toEqual({ type: 'password', value: STRONG, temporary: true });
		expect(logout.scope.isDone()).toBe(true);
		expect(result.output[0].json).toMatchObject({ success: true, mustChangeAtNextSignIn: true, otherSessionsSignedOut: true });
		expect(written(result)).not.toMatch(/KC-TOKEN-3f4a|CLIENT-SECRET-1d2e/);
	});

	test('Keycloak, both off: a permanent password and no logout', async () => {
		const { set } = keycloakAnswers();
		nock.disableNetConnect();
		const result = await runNode({ parameters: setPassword(), credential: keycloak });
		expect(result.error).toBeUndefined();
		expect(set.seen.body).toEqual({ type: 'password', value: STRONG, temporary: false });
		expect(result.output[0].json).toMatchObject({ mustChangeAtNextSignIn: false, otherSessionsSignedOut: false });
	});

	test("Keycloak's password policy: weak_password with its reason; its history rule: password_reused", async () => {
		const refuse = (body) => {
			intercept({ base: KEYCLOAK, method: 'POST', path: '/realms/acme/protocol/openid-connect/token', body: { access_token: 'KC-TOKEN-3f4a' } });
			intercept({ base: KEYCLOAK, method: 'GET', path: '/admin/realms/acme/users', body: [{ id: 'kc-1', email: EMAIL }] });
			intercept({ base: KEYCLOAK, method: 'PUT', path: '/admin/realms/acme/users/kc-1/reset-password', status: 400, body });
		};
		refuse({ error: 'invalidPasswordMinLengthMessage', error_description: 'Invalid password: minimum length 20.' });
		const weak = await runNode({ parameters: setPassword(), credential: keycloak, onError: 'continueRegularOutput' });
		expect(weak.output[0].json.details.errorCode).toBe('weak_password');
		expect(weak.output[0].json.error).toMatch(/^Keycloak refused the new password: Invalid password: minimum length 20\./);
		refuse({ error: 'invalidPasswordHistoryMessage', error_description: 'Invalid password: must not be equal to any of last 3 passwords.' });
		const reused = await runNode({ parameters: setPassword(), credential: keycloak, onError: 'continueRegularOutput' });
		expect(reused.output[0].json.details.errorCode).toBe('password_reused');
	});

	test('Better Auth, Sign Out Other Sessions on: the set, then the revoke, both with the admin session', async () => {
		const base = 'https://app.example.test/api/auth';
		const session = 'ADMIN-SESSION-6a7b';
		const search = intercept({ base, method: 'GET', path: '/api/auth/admin/list-users', body: { users: [{ id: 'ba-1', email: EMAIL }], total: 1 } });
		const set = intercept({ base, method: 'POST', path: '/api/auth/admin/set-user-password', body: { status: true } });
		const revoke = intercept({ base, method: 'POST', path: '/api/auth/admin/revoke-user-sessions', body: { success: true } });
		const result = await runNode({ parameters: setPassword({ signOutOthers: true }), credential: { service: 'betterAuth', baseUrl: base, betterAuthAdminToken: session } });
		expect(result.error).toBeUndefined();
		expect(search.seen.query).toEqual({ filterField: 'email', filterOperator: 'eq', filterValue: EMAIL, limit: '2' });
		expect(set.seen.body).toEqual({ newPassword: STRONG, userId: 'ba-1' });
		expect(revoke.seen.body).toEqual({ userId: 'ba-1' });
		expect([set.seen.headers.authorization, revoke.seen.headers.authorization]).toEqual([`Bearer ${session}`, `Bearer ${session}`]);
		expect(result.output[0].json).toMatchObject({ success: true, otherSessionsSignedOut: true });
		expect(written(result)).not.toContain(session);
	});

	test('Okta, Require Change at Next Sign-In: the strict update, then expire_password', async () => {
		const base = 'https://acme.okta.com';
		intercept({ base, method: 'GET', path: `/api/v1/users/${encodeURIComponent(EMAIL)}`, body: { id: '00u1', status: 'ACTIVE', profile: { email: EMAIL } } });
		const update = intercept({ base, method: 'POST', path: '/api/v1/users/00u1', body: { id: '00u1' } });
		const expire = intercept({ base, method: 'POST', path: '/api/v1/users/00u1/lifecycle/expire_password', body: { id: '00u1', status: 'PASSWORD_EXPIRED' } });
		const result = await runNode({ parameters: setPassword({ requireChange: true }), credential: { service: 'okta', baseUrl: base, apiKey: SENTINELS.apiKey } });
		expect(result.error).toBeUndefined();
		expect(update.seen.query).toEqual({ strict: 'true' });
		expect(update.seen.body).toEqual({ credentials: { password: { value: STRONG } } });
		expect(expire.scope.isDone()).toBe(true);
		expect(result.output[0].json).toMatchObject({ success: true, mustChangeAtNextSignIn: true, otherSessionsSignedOut: null });
		expect(leakedSentinels(result)).toEqual([]);
	});
});
