/**
 * Supabase's two key formats on every operation, through n8n's engine, against the sandbox,
 * which plays Supabase's gateway ("Understanding API keys"): legacy JWT keys (anon, service_role)
 * and the new sb_publishable_/sb_secret_ keys, which go in `apikey` and are refused as a Bearer
 * token. Then the wire itself: a secret key never goes in Authorization.
 */
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { intercept, leakedSentinels, SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { ResetSandbox } = require('../../sandbox/server.cjs');
const { keys: KEYS } = require('../../sandbox/services/supabase.cjs');

// A fresh sandbox for each test: its send limit counts per account.
let sandbox;
beforeEach(async () => {
	sandbox = new ResetSandbox({ wibiclickApiKey: 'unused' });
	await sandbox.listen();
});
afterEach(() => sandbox.close());

const KEY_PAIRS = [
	['legacy JWTs (anon, service_role)', { apiKey: KEYS.supabase, supabaseServiceRoleKey: KEYS.supabaseServiceRoleKey }],
	['new keys (sb_publishable_, sb_secret_)', { apiKey: KEYS.supabasePublishableKey, supabaseServiceRoleKey: KEYS.supabaseSecretKey }],
	['a publishable key with a legacy service_role JWT', { apiKey: KEYS.supabasePublishableKey, supabaseServiceRoleKey: KEYS.supabaseServiceRoleKey }],
	['a legacy anon JWT with a secret key', { apiKey: KEYS.supabase, supabaseServiceRoleKey: KEYS.supabaseSecretKey }],
];

describe.each(KEY_PAIRS)('%s', (_name, keys) => {
	const credential = () => ({ service: 'supabase', baseUrl: sandbox.baseUrl('supabase'), ...keys });
	const run = (parameters) => runNode({ parameters, credential: credential(), onError: 'continueRegularOutput' });
	const outcome = ({ output }) => (output[0].json.success ? 'success' : output[0].json.details.errorCode);

	test('Send Reset Email, Reset Password with the mailed code, Create Reset Link: each a success', async () => {
		const email = 'grace@example.com';
		expect(outcome(await run({ operation: 'sendResetEmail', email }))).toBe('success');
		const code = sandbox.outbox.filter((mail) => mail.service === 'supabase' && mail.to === email).at(-1).token;
		const newPassword = 'A-new-passphrase-42';
		const reset = await run({ operation: 'resetPassword', email, resetToken: code, newPassword });
		expect(outcome(reset)).toBe('success');
		expect(sandbox.account('supabase', email).password).toBe(newPassword);
		const link = await run({ operation: 'createResetLink', email });
		expect(outcome(link)).toBe('success');
		expect(link.output[0].json.resetLink.startsWith(`${sandbox.url}/supabase/auth/v1/verify?`)).toBe(true);
	});
});

test("the gateway refuses a secret key sent as a Bearer token (what the node sent before), and a request without apikey", async () => {
	const generateLink = (headers) =>
		fetch(`${sandbox.baseUrl('supabase')}/admin/generate_link`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ type: 'recovery', email: EMAIL }) });
	const asBearer = await generateLink({ apikey: KEYS.supabasePublishableKey, Authorization: `Bearer ${KEYS.supabaseSecretKey}` });
	expect([asBearer.status, (await asBearer.json()).error_code]).toEqual([403, 'bad_jwt']);
	const withoutApiKey = await generateLink({ Authorization: `Bearer ${KEYS.supabaseSecretKey}` });
	expect([withoutApiKey.status, withoutApiKey.headers.get('sb-error-code')]).toEqual([401, 'UNAUTHORIZED_MISSING_API_KEY']);
});

describe('on the wire', () => {
	const BASE = 'https://abcd.supabase.test/auth/v1';
	const ANSWER = { email: EMAIL, action_link: 'https://abcd.supabase.test/auth/v1/verify?token=7a9c1e&type=recovery', email_otp: '482913', hashed_token: '7a9c1e' };
	afterEach(() => nock.cleanAll());

	test('Create Reset Link with a secret key: the key is the apikey of that request, no Authorization; never in a URL or the output', async () => {
		const secretKey = `sb_secret_${SENTINELS.apiKey}`;
		const { seen } = intercept({ base: BASE, method: 'POST', path: '/auth/v1/admin/generate_link', body: ANSWER });
		const result = await runNode({
			parameters: { operation: 'createResetLink', email: EMAIL },
			credential: { service: 'supabase', baseUrl: BASE, apiKey: 'sb_publishable_abc123', supabaseServiceRoleKey: secretKey },
		});
		expect(result.output[0].json.resetLink).toBe(ANSWER.action_link);
		expect(seen.headers.apikey).toBe(secretKey);
		expect(seen.headers.authorization).toBeUndefined();
		expect(seen.url).not.toContain('sb_secret_');
		expect(leakedSentinels(result)).toEqual([]);
	});

	test('Create Reset Link with a legacy service_role JWT: the anon key stays the apikey, the JWT is the Bearer token (as before)', async () => {
		const { seen } = intercept({ base: BASE, method: 'POST', path: '/auth/v1/admin/generate_link', body: ANSWER });
		await runNode({
			parameters: { operation: 'createResetLink', email: EMAIL },
			credential: { service: 'supabase', baseUrl: BASE, apiKey: KEYS.supabase, supabaseServiceRoleKey: KEYS.supabaseServiceRoleKey },
		});
		expect([seen.headers.apikey, seen.headers.authorization]).toEqual([KEYS.supabase, `Bearer ${KEYS.supabaseServiceRoleKey}`]);
	});

	test('a publishable key in the Service Role Key fails before any request, naming the field', async () => {
		const result = await runNode({
			parameters: { operation: 'createResetLink', email: EMAIL },
			credential: { service: 'supabase', baseUrl: BASE, apiKey: KEYS.supabasePublishableKey, supabaseServiceRoleKey: KEYS.supabasePublishableKey },
			onError: 'continueRegularOutput',
		});
		expect(result.output[0].json.details).toMatchObject({ errorCode: 'invalid_input' });
		expect(result.output[0].json.error).toMatch(/Service Role Key is a publishable key/);
	});
});
