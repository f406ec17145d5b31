/**
 * Set Password per service, through n8n's engine: each service's admin calls as its sources give
 * them (the search, the set, the options it can honour as the requests they become), and what its
 * refusals read as. The mechanism itself: test/transport/setPassword.test.js.
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
const setPassword = (options = {}, email = EMAIL) => ({ operation: 'setPassword', email, newPassword: STRONG, options });
const written = (result) => [everythingWritten(result), logged.join('\n')].join('\n');

describe('Supabase', () => {
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

	test('Keycloak, Generate a Temporary Password: a strong one the node makes, sent as temporary, output once as temporaryPassword and nowhere else', async () => {
		const { set } = keycloakAnswers();
		const result = await runNode({ parameters: { operation: 'setPassword', email: EMAIL, passSource: 'generated' }, credential: keycloak });
		expect(result.error).toBeUndefined();
		const { temporaryPassword, ...rest } = result.output[0].json;
		expect(temporaryPassword).toMatch(/^[A-HJ-NP-Za-km-z2-9]{5}(-[A-HJ-NP-Za-km-z2-9]{5}){3}$/);
		expect(set.seen.body).toEqual({ type: 'password', value: temporaryPassword, temporary: true });
		expect(rest).toMatchObject({ success: true, mustChangeAtNextSignIn: true });
		expect(JSON.stringify(rest)).not.toContain(temporaryPassword);
		expect(logged.join('\n')).not.toContain(temporaryPassword);
	});

	test('Generate a Temporary Password, mapped: no New Password field is read; each item gets its own', async () => {
		for (const email of [EMAIL, 'grace@example.com']) {
			intercept({ base: KEYCLOAK, method: 'POST', path: '/realms/acme/protocol/openid-connect/token', body: { access_token: 'KC-TOKEN-3f4a' } });
			intercept({ base: KEYCLOAK, method: 'GET', path: '/admin/realms/acme/users', body: [{ id: 'kc-1', email }] });
			intercept({ base: KEYCLOAK, method: 'PUT', path: '/admin/realms/acme/users/kc-1/reset-password', status: 204, body: '' });
		}
		const result = await runNode({
			parameters: { operation: 'setPassword', mappingMode: 'autoMapInputData', passSource: 'generated' },
			credential: keycloak,
			items: [{ email: EMAIL }, { email: 'grace@example.com' }],
		});
		expect(result.error).toBeUndefined();
		const passwords = result.output.map((item) => item.json.temporaryPassword);
		expect(passwords.every(Boolean) && passwords[0] !== passwords[1]).toBe(true);
	});

	test('Generate a Temporary Password where the service cannot force the change: not_supported, nothing sent, no password made', async () => {
		nock.disableNetConnect();
		const result = await runNode({
			parameters: { operation: 'setPassword', email: EMAIL, passSource: 'generated' },
			credential: { service: 'directus', baseUrl: 'https://directus.example.test', directusAdminToken: 'x' },
			onError: 'continueRegularOutput',
		});
		expect(result.output[0].json.details.errorCode).toBe('not_supported');
		expect(result.output[0].json.error).toMatch(/so Password Reset does not generate one: a generated password that never expires would be a standing secret/);
		expect(result.output[0].json.temporaryPassword).toBeUndefined();
	});
});
