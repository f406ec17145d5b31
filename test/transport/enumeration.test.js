/**
 * No enumeration by default, through the engine, once for the mechanism: a known and an unknown
 * account give the same item, byte for byte, for a service with an unknown-account answer
 * (WibiClick), one that answers both alike (Supabase) and Custom. Each service's own
 * unknown-account answers are read as exactly its success output in its table
 * (test/support/serviceContract.cjs), which replaces the per-service rows that were here.
 */
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');

const SERVICES = [
	['wibiclick', '/verify-email', 'POST', [200, { success: true, message: 'Check your email' }], [404, { success: false, message: 'User not found' }]],
	['custom', '/recover', 'POST', [202, {}], [404, { message: 'no such user' }]],
	['supabase', '/recover', 'POST', [200, {}], [200, {}]],
];

afterEach(() => nock.cleanAll());

test.each(SERVICES)('%s: a known and an unknown account look the same', async (service, path, method, known, unknown) => {
	const base = `https://${service}.example.test`;
	nock(base)
		.intercept((uri) => uri.includes(path), method)
		.reply((uri, body) => (JSON.stringify({ uri, body }).includes('known@') && !JSON.stringify({ uri, body }).includes('unknown@') ? known : unknown))
		.persist();
	const { output } = await runNode({
		parameters: { operation: 'sendResetEmail', email: '={{ $json.email }}' },
		credential: {
			service,
			baseUrl: base,
			apiKey: 'k',
			sendEmailPath: service === 'custom' ? '/recover' : '',
			// Custom tells an unknown account only by the message its credential names.
			customUnknownAccountText: 'no such user',
		},
		items: [{ email: 'known@example.com' }, { email: 'unknown@example.com' }],
	});
	expect(output).toHaveLength(2);
	expect(output[0].json).toEqual(output[1].json);
	expect(output[0].json.success).toBe(true);
});
