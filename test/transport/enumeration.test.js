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
	['supabase', '/recover', 'POST', [200, {}], [200, {}]],
	['firebase', '/accounts:sendOobCode', 'POST', [200, { kind: 'identitytoolkit#GetOobConfirmationCodeResponse', email: 'known@example.com' }], [400, { error: { code: 400, message: 'EMAIL_NOT_FOUND' } }]],
	['pocketbase', '/api/collections/users/request-password-reset', 'POST', [204, ''], [204, '']],
	['directus', '/auth/password/request', 'POST', [204, ''], [204, '']],
	['strapi', '/auth/forgot-password', 'POST', [200, { ok: true }], [400, { data: null, error: { status: 400, name: 'ApplicationError', message: 'This email does not exist' } }]],
	['appwrite', '/account/recovery', 'POST', [201, { $id: 't', userId: 'u', secret: 'S3CRET', expire: 'x' }], [404, { message: 'User not found', code: 404, type: 'user_not_found' }]],
	['auth0', '/dbconnections/change_password', 'POST', [200, "We've just sent you an email to reset your password."], [200, "We've just sent you an email to reset your password."]],
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
			pocketbaseCollection: 'users',
			appwriteProjectId: 'p',
			appwriteRecoveryUrl: 'https://app.example.com/r',
			auth0ClientId: 'c',
		},
		items: [{ email: 'known@example.com' }, { email: 'unknown@example.com' }],
	});
	expect(output).toHaveLength(2);
	expect(output[0].json).toEqual(output[1].json);
	expect(output[0].json.success).toBe(true);
});
