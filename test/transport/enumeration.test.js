/**
 * No enumeration by default: for every service that can send, a known and an unknown account
 * give the same item, byte for byte. Industrial IOT cannot send from n8n at all.
 */
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');

const SERVICES = [
	['wibiclick', '/verify-email', 'POST', [200, { success: true, message: 'Check your email' }], [404, { success: false, message: 'User not found' }]],
	['wabotify', '/api/user/sendEmailToResetPassword', 'POST', [200, { success: true, code: 200, message: 'Reset email sent successfully', data: null }], [404, { success: false, code: 404, message: 'User not found', data: null }]],
	['xano', '/reset/password', 'GET', [200, { message: 'Email envoyé', type: 'success' }], [500, { code: 'ERROR_FATAL', message: "L'utilisateur n'existe pas.", payload: { type: 'error', input: 'email' } }]],
	['custom', '/recover', 'POST', [202, {}], [404, { message: 'no such user' }]],
];

afterEach(() => nock.cleanAll());

test.each(SERVICES)('%s: a known and an unknown account look the same', async (service, path, method, known, unknown) => {
	const base = `https://${service}.example.test`;
	nock(base)
		.intercept((uri) => uri.startsWith(path), method)
		.reply((uri, body) => (JSON.stringify({ uri, body }).includes('known@') && !JSON.stringify({ uri, body }).includes('unknown@') ? known : unknown))
		.persist();
	const { output } = await runNode({
		parameters: { operation: 'sendResetEmail', email: '={{ $json.email }}' },
		credential: { service, baseUrl: base, apiKey: 'k', sendEmailPath: service === 'custom' ? '/recover' : '' },
		items: [{ email: 'known@example.com' }, { email: 'unknown@example.com' }],
	});
	expect(output).toHaveLength(2);
	expect(output[0].json).toEqual(output[1].json);
	expect(output[0].json.success).toBe(true);
});
