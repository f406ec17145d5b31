/**
 * The credential: its auth per service (applied the way n8n applies a function `authenticate`)
 * and its `test`, which must never call a reset endpoint (that would mail someone).
 */
const nock = require('nock');
const { testCredential, runNode } = require('./support/engine.cjs');
const { SENTINELS, EMAIL, intercept } = require('./support/fixtures.cjs');

afterEach(() => nock.cleanAll());
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

test.each([
	['wibiclick', '/', { authorization: `Bearer ${SENTINELS.apiKey}` }],
	['wabotify', '/', { authorization: undefined }],
	['xano', '/', { authorization: undefined }],
	['industrialIot', '/', { authorization: undefined }],
	['supabase', '/settings', { apikey: SENTINELS.apiKey, authorization: undefined }],
	['firebase', '/projects', { authorization: undefined }, {}, { key: SENTINELS.apiKey }],
	['pocketbase', '/api/health', { authorization: undefined }],
	['directus', '/server/ping', { authorization: undefined }],
	['strapi', '/', { authorization: undefined }],
	['appwrite', '/health/version', { 'x-appwrite-project': 'proj-1', 'x-appwrite-key': SENTINELS.apiKey }, { appwriteProjectId: 'proj-1' }],
	['auth0', '/.well-known/openid-configuration', { authorization: undefined }],
])('%s: the test GETs %s (no reset endpoint) and passes on 2xx', async (service, path, headers, extra = {}, query = {}) => {
	const { scope, seen } = intercept({ base: 'https://svc.example.test', method: 'GET', path, body: 'ok' });
	const outcome = await testCredential({ service, baseUrl: 'https://svc.example.test', apiKey: SENTINELS.apiKey, ...extra });
	expect(outcome).toBe('OK');
	scope.done();
	for (const [header, value] of Object.entries(headers)) expect(seen.headers[header]).toBe(value);
	expect(seen.query).toEqual(query);
});

test('the test path can be overridden, and Custom sends its own auth header', async () => {
	const { scope, seen } = intercept({ base: 'https://svc.example.test', method: 'GET', path: '/api/health', body: {} });
	const outcome = await testCredential({
		service: 'custom',
		baseUrl: 'https://svc.example.test',
		apiKey: SENTINELS.apiKey,
		customAuthHeaderName: 'X-Api-Key',
		customAuthHeaderPrefix: '',
		credentialTestPath: '/api/health',
	});
	expect(outcome).toBe('OK');
	scope.done();
	expect(seen.headers['x-api-key']).toBe(SENTINELS.apiKey);
});

test('the test fails on a non-2xx answer', async () => {
	nock('https://svc.example.test').get('/').reply(401, { message: 'bad key' });
	const outcome = await testCredential({ service: 'wibiclick', baseUrl: 'https://svc.example.test', apiKey: 'wrong' });
	expect(outcome).toBeInstanceOf(Error);
});

test('the test does not follow a redirect', async () => {
	nock('https://svc.example.test').get('/').reply(302, '', { Location: 'https://elsewhere.example.test/' });
	const elsewhere = nock('https://elsewhere.example.test').get('/').reply(200, 'ok');
	await testCredential({ service: 'wibiclick', baseUrl: 'https://svc.example.test', apiKey: SENTINELS.apiKey });
	expect(elsewhere.isDone()).toBe(false);
});

test('no API key set: no auth header, even for WibiClick', async () => {
	const { seen } = intercept({ base: 'https://svc.example.test', method: 'POST', path: '/verify-email', body: { success: true } });
	await runNode({ parameters: { operation: 'sendResetEmail', email: EMAIL }, credential: { service: 'wibiclick', baseUrl: 'https://svc.example.test' } });
	expect(seen.headers.authorization).toBeUndefined();
});
