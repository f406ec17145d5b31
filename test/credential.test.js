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

// service, probe method and path, the service's answer when the address is right, extra
// credential fields, headers and query the probe must carry.
const PROBES = [
	['wibiclick', 'POST', '/verify-email', [400, { success: false, message: 'Email is required' }], {}, { authorization: `Bearer ${SENTINELS.apiKey}` }],
	['wabotify', 'POST', '/api/user/sendEmailToResetPassword', [400, { success: false, code: 400, errorCode: 'E400', message: 'email and company are required', data: null }], {}, { authorization: undefined }],
	['xano', 'GET', '/reset/password', [500, { code: 'ERROR_FATAL', message: "L'email est vide.", payload: { type: 'error', input: 'email' } }], {}, { authorization: undefined }],
	['industrialIot', 'PUT', '/api/resetouttoken', [400, { message: { token: 'Missing required parameter in the JSON body or the post body or the query string' } }], {}, { authorization: undefined }],
	['supabase', 'GET', '/settings', [200, { external: { email: true } }], {}, { apikey: SENTINELS.apiKey, authorization: undefined }],
	['firebase', 'POST', '/accounts:sendOobCode', [400, firebaseError('MISSING_EMAIL')], {}, { authorization: undefined }, { key: SENTINELS.apiKey }],
	['pocketbase', 'POST', '/api/collections/members/request-password-reset', [400, { code: 400, message: 'Failed to validate.', data: { email: { code: 'validation_required', message: 'Cannot be blank.' } } }], { pocketbaseCollection: 'members' }, { authorization: undefined }],
	['directus', 'GET', '/server/ping', [200, 'pong'], {}, { authorization: undefined }],
	['strapi', 'POST', '/auth/forgot-password', [400, { data: null, error: { status: 400, name: 'ValidationError', message: 'email is a required field', details: {} } }], {}, { authorization: undefined }],
	['appwrite', 'POST', '/account/recovery', [400, { message: 'Param "email" is not optional.', code: 400, type: 'general_argument_invalid', version: '1.6.0' }], { appwriteProjectId: 'proj-1' }, { 'x-appwrite-project': 'proj-1', 'x-appwrite-key': SENTINELS.apiKey }],
	['auth0', 'GET', '/.well-known/openid-configuration', [200, { issuer: `${BASE}/` }], {}, { authorization: undefined }],
	['custom', 'POST', '/recover', [422, { message: 'email is required' }], { sendEmailPath: '/recover' }, { authorization: `Bearer ${SENTINELS.apiKey}` }],
	['betterAuth', 'GET', '/ok', [200, { ok: true }], {}, { authorization: undefined }],
	['betterAuthEmailOtp', 'GET', '/ok', [200, { ok: true }], {}, { authorization: undefined }],
	['magento', 'PUT', '/customers/password', [400, { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'email' } }], {}, { authorization: undefined }],
	['payload', 'POST', '/members/forgot-password', [400, { errors: [{ message: 'Missing email.' }] }], { payloadCollection: 'members' }, { authorization: undefined }],
	['cognito', 'POST', '/', [400, { __type: 'InvalidParameterException', message: "Value null at 'clientId' failed to satisfy constraint" }], { cognitoClientId: 'client-1' }, { 'x-amz-target': 'AWSCognitoIdentityProviderService.ForgotPassword' }],
	['parse', 'POST', '/requestPasswordReset', [400, { code: 204, error: 'you must provide an email' }], { parseAppId: 'app-1' }, { 'x-parse-application-id': 'app-1', 'x-parse-rest-api-key': SENTINELS.apiKey }],
	['keycloak', 'GET', '/realms/acme/.well-known/openid-configuration', [200, { issuer: `${BASE}/realms/acme` }], { keycloakRealm: 'acme', keycloakClientId: 'c' }, { authorization: undefined }],
	['okta', 'GET', '/api/v1/users/me', [200, { id: '00u1', status: 'ACTIVE' }], {}, { authorization: `SSWS ${SENTINELS.apiKey}` }],
	['medusa', 'POST', '/auth/user/emailpass/reset-password', [400, { type: 'invalid_data', message: "Invalid request: Field 'identifier' is required" }], { medusaActor: 'user' }, { authorization: undefined }],
];

test('every service has its probe in this table', () => {
	const { SERVICE_PROFILES } = require('../dist/nodes/PasswordReset/services');
	expect(PROBES.map(([service]) => service).sort()).toEqual([...SERVICE_PROFILES.map((profile) => profile.id), 'custom'].sort());
});

describe.each(PROBES)('%s credential test', (service, method, path, [status, body], extra, headers, query = {}) => {
	const credential = { service, baseUrl: BASE, apiKey: SENTINELS.apiKey, ...extra };

	test(`passes on the service's own answer to ${method} ${path}, and sends no email`, async () => {
		const { scope, seen } = intercept({ base: BASE, method, path, status, body });
		const outcome = await testCredential(credential);
		scope.done();
		expect(outcome).toEqual({ status: 'OK', message: expect.stringContaining(`${method} ${path}: HTTP ${status}`) });
		for (const [header, value] of Object.entries(headers)) expect(seen.headers[header]).toBe(value);
		expect(seen.query).toEqual(query);
		// Never an email: nothing to mail, whatever the route does with the request.
		expect(JSON.stringify(seen.body ?? {})).not.toMatch(/@/);
		expect(outcome.message).not.toContain(SENTINELS.apiKey);
	});

	test.each([
		['an Express route 404', 404, '<!DOCTYPE html><html><body><pre>Cannot POST /x</pre></body></html>', /No .* endpoint at .*\(HTTP 404\).*Check the Base URL/],
		['an nginx 404', 404, '<html><head><title>404 Not Found</title></head><body><center>nginx</center></body></html>', /No .* endpoint at .*\(HTTP 404\).*Check the Base URL/],
		['a framework route-not-found in JSON', 404, { errors: [{ message: 'Route doesn\'t exist.', extensions: { code: 'ROUTE_NOT_FOUND' } }] }, /No .* endpoint at .*\(HTTP 404\): "Route doesn't exist\."/],
		['a rejected key', 401, { message: 'Invalid API key' }, /refused the credential.*HTTP 401.*Check the API key/],
		['another server\'s page', 200, '<html><body>Welcome to nginx</body></html>', /^Unexpected answer from .* \(HTTP 200\): "The server answered with an HTML page instead of JSON": this does not look like/],
	])('fails on %s, saying what to check', async (_name, wrongStatus, wrongBody, message) => {
		// A 2xx page where the service answers 2xx itself is no proof either way.
		if (wrongStatus === 200 && status === 200) return;
		intercept({ base: BASE, method, path, status: wrongStatus, body: wrongBody });
		const outcome = await testCredential(credential);
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toMatch(message);
		expect(outcome.message).not.toContain(SENTINELS.apiKey);
	});
});

test('a Base URL without its API path fails: Strapi without /api answers 404 at /auth/forgot-password', async () => {
	nock('https://cms.example.test').post('/auth/forgot-password').reply(404, { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } });
	const outcome = await testCredential({ service: 'strapi', baseUrl: 'https://cms.example.test' });
	expect(outcome).toEqual({ status: 'Error', message: expect.stringMatching(/^No Strapi endpoint at POST \/auth\/forgot-password \(HTTP 404\).*e\.g\. \/api or \/v1/) });
});

test('an overridden send path moves the probe with it', async () => {
	const { scope } = intercept({ base: BASE, method: 'POST', path: '/v2/forgot', status: 400, body: { success: false, code: 400, message: 'email is required' } });
	const outcome = await testCredential({ service: 'wabotify', baseUrl: BASE, sendEmailPath: '/v2/forgot' });
	scope.done();
	expect(outcome.status).toBe('OK');
});

test('a Credential Test Path is a GET that must answer 2xx, and says it proved only that', async () => {
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
	expect(outcome).toEqual({ status: 'OK', message: expect.stringMatching(/^GET \/api\/health answered with success.*reset routes themselves were not tried/) });
	expect(seen.headers['x-api-key']).toBe(SENTINELS.apiKey);
});

test('an unreachable service says to check the Base URL, not only ECONNREFUSED', async () => {
	// A real refused connection: a loopback port nothing listens on (nock's faked refusal met
	// n8n's legacy request adapter as ECONNABORTED once in a loaded run).
	const port = await freePort();
	nock.enableNetConnect(`127.0.0.1:${port}`);
	try {
		const outcome = await testCredential({ service: 'directus', baseUrl: `http://127.0.0.1:${port}` });
		expect(outcome).toEqual({ status: 'Error', message: `Could not reach http://127.0.0.1:${port} (ECONNREFUSED). Check the Base URL and that the service is online` });
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
	expect(outcome).toEqual({ status: 'Error', message: expect.stringMatching(/redirected GET \/server\/ping \(HTTP 302\).*final address/) });
});

test('no API key set: no auth header, even for WibiClick', async () => {
	const { seen } = intercept({ base: 'https://svc.example.test', method: 'POST', path: '/verify-email', body: { success: true } });
	await runNode({ parameters: { operation: 'sendResetEmail', email: EMAIL }, credential: { service: 'wibiclick', baseUrl: 'https://svc.example.test' } });
	expect(seen.headers.authorization).toBeUndefined();
});
