/**
 * The credential: its auth per service (applied the way n8n applies a function `authenticate`)
 * and its test, which must tell a right address from a wrong one without ever sending mail: it
 * calls a side-effect-free route, or a send route without an email, which the service refuses.
 */
const nock = require('nock');
const { freePort } = require('./support/realN8n.cjs');
const { testCredential, runNode } = require('./support/engine.cjs');
const { SENTINELS, EMAIL, intercept } = require('./support/fixtures.cjs');

afterEach(() => nock.cleanAll());
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

const BASE = 'https://svc.example.test';
const firebaseError = (message) => ({ error: { code: 400, message, errors: [{ message, domain: 'global', reason: 'invalid' }] } });


test('a Base URL without its API path fails: Strapi without /api answers 404 at /auth/forgot-password', async () => {
	nock('https://cms.example.test').post('/auth/forgot-password').reply(404, { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } });
	const outcome = await testCredential({ service: 'strapi', baseUrl: 'https://cms.example.test' });
	expect(outcome).toEqual({ status: 'Error', message: expect.stringMatching(/^No endpoint of the chosen service at this Base URL \(HTTP 404\).*e\.g\. \/api or \/v1/) });
});

test('an overridden send path moves the probe with it', async () => {
	const { scope } = intercept({ base: BASE, method: 'POST', path: '/v2/forgot', status: 400, body: { success: false, code: 400, message: 'email is required' } });
	const outcome = await testCredential({ service: 'wabotify', baseUrl: BASE, sendEmailPath: '/v2/forgot' });
	scope.done();
	expect(outcome.status).toBe('OK');
});

test('a Credential Test Path is a GET that must answer 2xx, with the credential\'s auth', async () => {
	const { scope, seen } = intercept({ base: BASE, method: 'GET', path: '/api/health', body: {} });
	const outcome = await testCredential({
		service: 'custom',
		baseUrl: BASE,
		apiKey: SENTINELS.apiKey,
		customAuthHeaderName: 'X-Api-Key',
		customAuthHeaderPrefix: '',
		credentialTestPath: '/api/health',
	});
	scope.done();
	expect(outcome).toEqual({ status: 'OK', message: 'Connection successful!' });
	expect(seen.method).toBe('GET');
	expect(seen.headers['x-api-key']).toBe(SENTINELS.apiKey);
	intercept({ base: BASE, method: 'GET', path: '/api/health', status: 400, body: {} });
	expect(await testCredential({ service: 'custom', baseUrl: BASE, credentialTestPath: '/api/health' })).toMatchObject({ status: 'Error' });
});

test('an unreachable service fails with the connection\'s error code', async () => {
	// A real refused connection: a loopback port nothing listens on (nock's faked refusal met
	// n8n's legacy request adapter as ECONNABORTED once in a loaded run).
	const port = await freePort();
	nock.enableNetConnect(`127.0.0.1:${port}`);
	try {
		const outcome = await testCredential({ service: 'directus', baseUrl: `http://127.0.0.1:${port}` });
		expect(outcome).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	} finally {
		nock.disableNetConnect();
	}
});

test('a plain-http Base URL off loopback fails before any request', async () => {
	const outcome = await testCredential({ service: 'directus', baseUrl: 'http://directus.example.test' });
	expect(outcome).toEqual({ status: 'Error', message: expect.stringMatching(/must start with https:\/\//) });
});

test('Custom without a Send Reset Email Path says to set it', async () => {
	const outcome = await testCredential({ service: 'custom', baseUrl: BASE, resetPath: '/reset' });
	expect(outcome).toEqual({ status: 'Error', message: expect.stringMatching(/^Set the Send Reset Email Path/) });
});

test('the test does not follow a redirect', async () => {
	nock(BASE).get('/server/ping').reply(302, '', { Location: 'https://elsewhere.example.test/server/ping' });
	const elsewhere = nock('https://elsewhere.example.test').get('/server/ping').reply(200, 'pong');
	const outcome = await testCredential({ service: 'directus', baseUrl: BASE });
	expect(elsewhere.isDone()).toBe(false);
	expect(outcome).toEqual({ status: 'Error', message: expect.stringMatching(/^The service answered with a redirect \(HTTP 302\), which Password Reset never follows.*final address/) });
});

test('no API key set: no auth header, even for WibiClick', async () => {
	const { seen } = intercept({ base: 'https://svc.example.test', method: 'POST', path: '/verify-email', body: { success: true } });
	await runNode({ parameters: { operation: 'sendResetEmail', email: EMAIL }, credential: { service: 'wibiclick', baseUrl: 'https://svc.example.test' } });
	expect(seen.headers.authorization).toBeUndefined();
});
