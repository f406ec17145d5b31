/**
 * A path typed in the credential may carry a query (`/api/user/sendEmailToResetPassword?lang=es`):
 * deployments need one for a language or a tenant. Through n8n's engine: the query is sent,
 * decoded and encoded again as the wire encodes, beside the request's own parameters; the path
 * keeps its rules; a query that is not plain name=value pairs, sets a parameter twice or one the
 * node sends itself, or holds a secret, fails before any request, naming the path.
 */
const nock = require('nock');
const { runNode, testCredential } = require('../support/engine.cjs');
const { SENTINELS, EMAIL, intercept, leakedSentinels } = require('../support/fixtures.cjs');

afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});

const WABOTIFY = 'https://api.wabotify.test';
const wabotify = { service: 'wabotify', baseUrl: WABOTIFY, apiKey: SENTINELS.apiKey, company: 'wabotify' };
const HOST = 'https://auth.example.test';
const custom = { service: 'custom', baseUrl: HOST, apiKey: SENTINELS.apiKey, sendEmailPath: '/recover', resetPath: '/reset' };
const send = { operation: 'sendResetEmail', email: EMAIL };
const run = (credential, parameters = send) => runNode({ parameters, credential, onError: 'continueRegularOutput' });

test("a listed service's path override with ?lang=es: sent to that path with the query, a success", async () => {
	const { seen } = intercept({ base: WABOTIFY, method: 'POST', path: '/api/user/sendEmailToResetPassword', body: { success: true, message: 'Email sent' } });
	const { output } = await run({ ...wabotify, sendEmailPath: '/api/user/sendEmailToResetPassword?lang=es' });
	expect(output[0].json.success).toBe(true);
	expect(seen.url).toBe('/api/user/sendEmailToResetPassword?lang=es');
	expect(seen.body).toMatchObject({ email: EMAIL });
});

test('the query is decoded and encoded again as the wire does (+ and %20 a space, %2F a slash); a {name} value is that value', async () => {
	const { seen } = intercept({ base: HOST, method: 'POST', path: '/reset', body: { ok: true } });
	await run({ ...custom, resetPath: '/reset?tenant=acme%2Feu&note=a+b%20c&to={email}' }, { operation: 'resetPassword', email: EMAIL, resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword });
	expect(seen.query).toEqual({ tenant: 'acme/eu', note: 'a b c', to: EMAIL });
	// The token and password stay in the body, never in the URL.
	expect(seen.url).not.toContain(SENTINELS.resetToken);
	expect(seen.body).toMatchObject({ token: SENTINELS.resetToken, password: SENTINELS.newPassword });
});

test("a GET send keeps the email in its own parameter beside the path's", async () => {
	const { seen } = intercept({ base: HOST, method: 'GET', path: '/recover', body: {} });
	const { output } = await run({ ...custom, customSendMethod: 'GET', sendEmailPath: '/recover?lang=es' });
	expect(output[0].json.success).toBe(true);
	expect(seen.query).toEqual({ lang: 'es', email: EMAIL });
});

test.each([
	['a fragment', '/recover?lang=es#top', /has a query that is not plain name=value pairs/],
	['a space', '/recover?lang=e s', /has a query that is not plain name=value pairs/],
	['an empty name', '/recover?=es', /has a query that is not plain name=value pairs/],
	['a name twice', '/recover?lang=es&lang=en', /sets the query parameter "lang" twice/],
	['a parameter the node sends itself (a GET send\'s email)', '/recover?email=other@example.com', /sets the query parameter "email", which the node sends itself/],
	['the API key typed in', `/recover?key=${SENTINELS.apiKey}`, /contains one of the credential's secrets: secrets never go into a URL/],
	['the API key percent-encoded', `/recover?key=${encodeURIComponent(SENTINELS.apiKey)}`, /contains one of the credential's secrets/],
	['the API key as a {name} value', '/recover?key={apiKey}', /may not contain \{apiKey\}: the credential's secrets never go into a URL/],
	['an empty {name} value', '/recover?realm={nothing}', /is empty, but it is the value of "realm" in the query/],
	['a whole address before the query', 'https://elsewhere.example.test/recover?lang=es', /must be a path under the Base URL, like \/auth\/recover \(a query after \? may follow\)/],
	['a dot segment before the query', '/a/../recover?lang=es', /must be a path under the Base URL/],
])('%s: invalid_input naming the path, nothing sent, no secret in the message', async (_case, sendEmailPath, message) => {
	nock.disableNetConnect();
	const result = await run({ ...custom, customSendMethod: 'GET', sendEmailPath });
	expect(result.output[0].json.details.errorCode).toBe('invalid_input');
	expect(result.output[0].json.error).toMatch(message);
	expect(result.output[0].json.error).toMatch(/Send Reset Email Path|A path may not contain/);
	expect(leakedSentinels(result)).toEqual([]);
});

test('the Credential Test Path may carry a query too', async () => {
	const { seen } = intercept({ base: HOST, method: 'GET', path: '/health', body: { ok: true } });
	const outcome = await testCredential({ ...custom, credentialTestPath: '/health?deep=1' });
	expect(outcome.status).toBe('OK');
	expect(seen.query).toEqual({ deep: '1' });
});
