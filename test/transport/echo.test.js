/**
 * Every service at once, through n8n's engine: a server that echoes exactly what the node sent
 * (its body, URL and headers, as the bytes arrived) gets none of it back out, in any form. The
 * secrets carry characters each encoding treats differently (`!'()*~`, a space, non-ASCII).
 */
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { everythingWritten } = require('../support/fixtures.cjs');
const { EDITION, registry, supportedOperations, sampleSettings, services } = require('../support/sources.cjs');

// Each secret holds a marker that every encoding leaves as it is: if the marker is out, so is the secret.
const TOKEN = "SENTINEL-TOK!7a2c'()*~ x";
const PASSWORD = "SENTINELPW!9d4e-Ünï'()*~ x";
const MARKERS = ['7a2c', '9d4e', '44b0d2', '5e1f'];
const BASE = 'https://echo.example.test/api';

const tokenFor = (service) => (service === 'appwrite' ? `u1:${TOKEN}` : TOKEN);
const parametersFor = (service, operation) => ({
	operation,
	email: 'ada@example.com',
	...(['sendResetEmail', 'setPassword'].includes(operation) ? {} : { resetToken: tokenFor(service) }),
	...(operation === 'resetPassword' || operation === 'setPassword' ? { newPassword: PASSWORD } : {}),
	options: { includeRawResponse: true },
});
const profiles = [...EDITION.profiles, registry.resolveProfile(sampleSettings({ id: services.CUSTOM_SERVICE }))];
const CASES = supportedOperations(profiles).map(([profile, operation]) => [`${profile.id} ${operation}`, profile, operation]);

const SHAPES = {
	'a 400 in JSON': (echoed) => [400, { message: echoed, input: echoed }],
	'a 400 in text': (echoed) => [400, echoed, { 'Content-Type': 'text/plain' }],
	'a 200 in JSON': (echoed) => [200, { success: true, ok: true, status: true, echo: echoed }],
};

afterEach(() => nock.cleanAll());

describe.each(CASES)('%s', (_name, profile, operation) => {
	test.each(Object.keys(SHAPES))('%s echoing the request leaks nothing', async (shape) => {
		let requests = 0;
		const scope = nock('https://echo.example.test').persist();
		for (const method of ['GET', 'POST', 'PUT', 'PATCH']) {
			scope.intercept(() => true, method).reply(function (uri, body) {
				requests += 1;
				const echoed = [uri, typeof body === 'string' ? body : JSON.stringify(body), ...Object.values(this.req.headers).flat()].join(' | ');
				return SHAPES[shape](echoed);
			});
		}
		const result = await runNode({
			parameters: parametersFor(profile.id, operation),
			credential: { ...sampleSettings(profile), baseUrl: BASE },
			onError: 'continueRegularOutput',
		});
		expect(result.output).toHaveLength(1);
		expect(requests).toBeGreaterThan(0);
		const written = everythingWritten(result);
		expect(MARKERS.filter((marker) => written.includes(marker))).toEqual([]);
	});
});
