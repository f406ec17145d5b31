'use strict';
/**
 * A service's credential test, from its table, as n8n runs the credential's declarative test:
 * the probe passes on the service's own answer to the route it calls (and carries the headers
 * and query it must, and never an email), and fails on a wrong address's answers, saying what
 * to check.
 */
const nock = require('nock');
const { testCredential } = require('./engine.cjs');
const { SENTINELS, intercept } = require('./fixtures.cjs');

const BASE = 'https://svc.example.test';

/**
 * `answer`: [status, body] the service gives when the address is right; `extra`: its credential
 * fields; `headers` and `query` the probe must carry (a header `undefined`: absent).
 */
function describeCredentialProbe(service, method, path, [status, body], extra = {}, headers = {}, query = {}) {
describe(`${service} credential test`, () => {
	afterEach(() => nock.cleanAll());
	const credential = { service, baseUrl: BASE, apiKey: SENTINELS.apiKey, ...extra };

	test(`passes on the service's own answer to ${method} ${path}, and sends no email`, async () => {
		const { scope, seen } = intercept({ base: BASE, method, path, status, body });
		const outcome = await testCredential(credential);
		scope.done();
		expect(outcome).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(seen.method).toBe(method);
		for (const [header, value] of Object.entries(headers)) expect(seen.headers[header]).toBe(value);
		expect(seen.query).toEqual(query);
		// Never an email: nothing to mail, whatever the route does with the request.
		expect(JSON.stringify(seen.body ?? {})).not.toMatch(/@/);
		expect(outcome.message).not.toContain(SENTINELS.apiKey);
	});

	test.each([
		['an Express route 404', 404, '<!DOCTYPE html><html><body><pre>Cannot POST /x</pre></body></html>', /^No endpoint of the chosen service at this Base URL \(HTTP 404\)\. Check the Base URL \(its path too/],
		['an nginx 404', 404, '<html><head><title>404 Not Found</title></head><body><center>nginx</center></body></html>', /^No endpoint of the chosen service at this Base URL \(HTTP 404\)/],
		['a framework route-not-found in JSON', 404, { errors: [{ message: 'Route doesn\'t exist.', extensions: { code: 'ROUTE_NOT_FOUND' } }] }, /^No endpoint of the chosen service at this Base URL \(HTTP 404\)/],
		['a rejected key', 401, { message: 'Invalid API key' }, /^The service refused the credential \(HTTP 401\)\. Check the API key/],
		['a proxy\'s 502', 502, '<html><body>Bad gateway</body></html>', /^The server failed \(HTTP 502\)/],
		['another server\'s page', 200, '<html><body>Welcome to nginx</body></html>', /^Unexpected answer \(HTTP 200\): this does not look like the chosen service/],
	])('fails on %s, saying what to check', async (_name, wrongStatus, wrongBody, message) => {
		// A 2xx page where the service answers 2xx itself is no proof either way.
		if (wrongStatus === 200 && status === 200) return;
		// n8n sends a request that got 401 once more (its credential refresh): that answer is given twice.
		for (let times = wrongStatus === 401 ? 2 : 1; times > 0; times--) intercept({ base: BASE, method, path, status: wrongStatus, body: wrongBody });
		const outcome = await testCredential(credential);
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toMatch(message);
		expect(outcome.message).not.toContain(SENTINELS.apiKey);
	});
});
}

module.exports = { describeCredentialProbe };
