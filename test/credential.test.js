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
	['wibiclick', '/', 'Bearer ' + SENTINELS.apiKey],
	['wabotify', '/', undefined],
	['xano', '/', undefined],
	['industrialIot', '/', undefined],
])('%s: the test GETs %s (no reset endpoint) and passes on 2xx', async (service, path, authorization) => {
	const { scope, seen } = intercept({ base: 'https://svc.example.test', method: 'GET', path, body: 'ok' });
	const outcome = await testCredential({ service, baseUrl: 'https://svc.example.test', apiKey: SENTINELS.apiKey });
	expect(outcome).toBe('OK');
	scope.done();
	expect(seen.headers.authorization).toBe(authorization);
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
