/**
 * A wrong address is never "email sent". Against the sandbox, every service's credential with
 * a Base URL that misses the API (a wrong path, or one without its /api-style prefix) gets the
 * service's own route-not-found answer, and the node reports endpoint_not_found, for a known and
 * an unknown email alike, on Send Reset Email and Reset Password. No email goes out.
 */
const { runNode } = require('./support/engine.cjs');
const { ResetSandbox } = require('../sandbox/server.cjs');
const { SCENARIOS, WIBICLICK_KEY } = require('../scripts/demo.cjs');

let sandbox;
beforeAll(async () => {
	sandbox = new ResetSandbox({ wibiclickApiKey: WIBICLICK_KEY });
	await sandbox.listen();
});
afterAll(() => sandbox.close());

const API_PREFIX = /\/(auth\/v1|v1|api)$/;
const services = SCENARIOS.filter((scenario) => !scenario.mode);
const outbox = async () => (await (await fetch(`${sandbox.url}/__sandbox/outbox`)).json()).messages;

describe.each(services.map((scenario) => [scenario.service, scenario]))('%s', (service, scenario) => {
	test.each([
		['a wrong path appended', (base) => `${base}/wrong`],
		// Strapi without /api, Supabase without /auth/v1, …; or an /api the service does not have.
		['its API prefix missing or added', (base) => (API_PREFIX.test(base) ? base.replace(API_PREFIX, '') : `${base}/api`)],
	])('with %s, nothing reads as sent', async (_name, wrongBase) => {
		const credential = { service, ...scenario.credentialFor(sandbox.url), baseUrl: wrongBase(sandbox.baseUrl(service)) };
		const run = (parameters) => runNode({ parameters, credential, onError: 'continueRegularOutput', items: [{ email: 'ada@example.com' }, { email: 'nobody@example.com' }] });
		const before = (await outbox()).length;
		const sends = await run({ operation: 'sendResetEmail', email: '={{ $json.email }}' });
		const resets = await run({ operation: 'resetPassword', email: '={{ $json.email }}', resetToken: 'any-token:secret', newPassword: 'New-password-42' });
		const codes = [...sends.output, ...resets.output].map((item) => item.json.details?.errorCode ?? 'success');
		// Auth0 cannot reset and Industrial IOT cannot send from n8n: those fail before any request.
		const expected = (step) => (scenario[step]?.errorCode === 'not_supported' ? 'not_supported' : 'endpoint_not_found');
		expect(codes).toEqual([expected('send'), expected('send'), expected('reset'), expected('reset')]);
		expect((await outbox()).length).toBe(before);
	});
});
