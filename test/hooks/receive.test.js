/**
 * The Password Reset Trigger's verdicts (unit tier, on the sources): every message is signed by
 * its provider's own library where one exists (standardwebhooks for Supabase, Auth0, Better Auth
 * and any app; svix for Clerk), Zitadel's by its Go code's algorithm (pkg/actions/signing.go, no
 * JS library), shared headers as Logto's and Kratos's configs send them. Forged, stale, future,
 * replayed, oversized and unreadable messages are refused, and no verdict carries a secret.
 */
const crypto = require('node:crypto');
const path = require('node:path');
const { Webhook } = require('standardwebhooks');
const { svixSign } = require('../support/svix.cjs');

const src = (file) => require(path.resolve(__dirname, '../../nodes/PasswordReset', file));
const { receiveHook, REFUSALS } = src('hooks/receive.ts');
const { ReceivedMessages } = src('hooks/replay.ts');
const { standardWebhooksKeys, constantTimeEqual } = src('hooks/signatures.ts');
const { secretProblem } = src('trigger/settings.ts');
const { EDITION } = src('edition.ts');

const SENDERS = Object.fromEntries(EDITION.trigger.senders.map((sender) => [sender.id, sender]));
const NOW = new Date('2026-12-06T10:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const newSecret = () => `whsec_${crypto.randomBytes(32).toString('base64')}`;

/** Headers standardwebhooks signs a body with, at `at` (seconds), under `secrets`, each one's signature joined as `join` says. */
const standardHeaders = (secrets, body, { id = `msg_${crypto.randomUUID()}`, at = NOW_SECONDS, join = ' ' } = {}) => ({
	'webhook-id': id,
	'webhook-timestamp': String(at),
	'webhook-signature': secrets.map((secret) => new Webhook(secret.replace(/^v1,/, '')).sign(id, new Date(at * 1000), body)).join(join),
});

/** Zitadel's header: t=<seconds>,v1=hex(HMAC-SHA256(key text, `t.body`)) per key. */
const zitadelHeader = (keys, body, at = NOW_SECONDS) => `t=${at},${keys.map((key) => `v1=${crypto.createHmac('sha256', key).update(`${at}.${body}`).digest('hex')}`).join(',')}`;

const settingsFor = (sender, secret, extra = {}) => ({
	sender: SENDERS[sender],
	secret,
	toleranceSeconds: 300,
	maxBodyBytes: 256 * 1024,
	includeOtherTypes: false,
	includePayload: false,
	answersAfterWorkflow: false,
	projectUrl: '',
	scope: 'workflow-1:node-1',
	now: NOW,
	...extra,
});

const receive = (sender, secret, body, headers, extra = {}, memory = new ReceivedMessages()) =>
	receiveHook({ headers, rawBody: Buffer.from(body) }, settingsFor(sender, secret, extra), memory);

// Supabase's Send Email Hook body (supabase/auth v0hooks.SendEmailInput; reset-hooks.md §1.2).
const supabaseBody = (type = 'recovery', uuid = crypto.randomUUID()) =>
	JSON.stringify({
		metadata: { uuid, time: '2026-12-06T10:00:00Z', name: 'send-email', ip_address: '203.0.113.7' },
		user: { id: '8484b834-0000-4000-8000-000000000001', aud: 'authenticated', role: 'authenticated', email: 'ana@example.com', phone: '', user_metadata: { locale: 'pt' } },
		email_data: {
			token: '305805',
			token_hash: '7d5b7b1964cf5d388340a7f04f1dbb5eeb6c7b52ef8270e1737a58d0',
			redirect_to: 'https://app.example.com/reset?from=mail',
			email_action_type: type,
			site_url: 'https://abcd.supabase.co/auth/v1',
			token_new: '',
			token_hash_new: '',
		},
	});

// Clerk's email.created (clerk/openapi-specs webhooks/2025-04-15.yml; reset-hooks.md §3.2).
const clerkBody = ({ slug = 'reset_password_code', deliveredByClerk = false } = {}) =>
	JSON.stringify({
		object: 'event',
		type: 'email.created',
		instance_id: 'ins_1',
		timestamp: 1767225600000,
		data: { object: 'email', id: 'ema_1', slug, to_email_address: 'ana@example.com', user_id: 'user_1', subject: '482913 is your code', status: 'queued', delivered_by_clerk: deliveredByClerk, data: { otp_code: '482913', app: { name: 'Acme' } } },
	});

describe('Supabase (Send Email Hook), signed by standardwebhooks', () => {
	const secret = newSecret();

	test('a recovery message → one item: code, token hash, the verify link, email, user id, locale, the stable delivery id', () => {
		const body = supabaseBody('recovery', 'uuid-1');
		const reception = receive('supabase', `v1,${secret}`, body, standardHeaders([secret], body));
		expect(reception.outcome).toBe('accepted');
		expect(reception.item).toMatchObject({
			service: 'supabase',
			type: 'password_reset',
			serviceType: 'recovery',
			channel: 'email',
			email: 'ana@example.com',
			userId: '8484b834-0000-4000-8000-000000000001',
			code: '305805',
			token: '7d5b7b1964cf5d388340a7f04f1dbb5eeb6c7b52ef8270e1737a58d0',
			link: 'https://abcd.supabase.co/auth/v1/verify?token=7d5b7b1964cf5d388340a7f04f1dbb5eeb6c7b52ef8270e1737a58d0&type=recovery&redirect_to=https%3A%2F%2Fapp.example.com%2Freset%3Ffrom%3Dmail',
			redirectTo: 'https://app.example.com/reset?from=mail',
			locale: 'pt',
			messageId: 'uuid-1',
			signedAt: NOW.toISOString(),
			receivedAt: NOW.toISOString(),
			phone: null,
			expiresAt: null,
		});
		expect(reception.item).not.toHaveProperty('payload');
	});

	test("the Project URL builds the link when the payload's site_url is not the Auth API (self-hosted)", () => {
		const body = supabaseBody().replace('https://abcd.supabase.co/auth/v1', 'http://kong:8000');
		const withoutProject = receive('supabase', secret, body, standardHeaders([secret], body));
		expect(withoutProject.item.link).toBeNull();
		const withProject = receive('supabase', secret, body, standardHeaders([secret], body), { projectUrl: 'https://auth.example.com' });
		expect(withProject.item.link).toMatch(/^https:\/\/auth\.example\.com\/auth\/v1\/verify\?token=7d5b/);
	});

	test("Supabase's own form: two secrets separated by |, their signatures joined by ', ' (hookshttp.go); either key alone verifies", () => {
		const other = newSecret();
		const body = supabaseBody();
		const headers = standardHeaders([other, secret], body, { join: ', ' });
		expect(receive('supabase', `v1,${other}|v1,${secret}`, body, headers).outcome).toBe('accepted');
		expect(receive('supabase', `v1,${secret}`, body, headers).outcome).toBe('accepted');
		expect(receive('supabase', newSecret(), body, headers)).toEqual({ outcome: 'refused', reason: 'signature_mismatch' });
	});

	test('a sign-up confirmation is acknowledged and starts nothing; with Include Other Email Types it is an item of its own type, with its link', () => {
		const body = supabaseBody('signup');
		expect(receive('supabase', secret, body, standardHeaders([secret], body)).outcome).toBe('acknowledged');
		const included = receive('supabase', secret, body, standardHeaders([secret], body), { includeOtherTypes: true });
		expect(included.item).toMatchObject({ type: 'signup', serviceType: 'signup' });
		expect(included.item.link).toContain('type=signup');
	});

	test('Include Whole Payload adds the parsed message as payload', () => {
		const body = supabaseBody();
		expect(receive('supabase', secret, body, standardHeaders([secret], body), { includePayload: true }).item.payload).toEqual(JSON.parse(body));
	});
});

describe('refusals: forged, stale, future, replayed, oversized, unreadable', () => {
	const secret = newSecret();
	const body = supabaseBody();

	test.each([
		['one byte of the body changed', 'signature_mismatch', (headers) => ({ headers, body: body.replace('305805', '305806') })],
		['a space added to the body', 'signature_mismatch', (headers) => ({ headers, body: `${body} ` })],
		['signed with another secret', 'signature_mismatch', () => ({ headers: standardHeaders([newSecret()], body), body })],
		['the id changed', 'signature_mismatch', (headers) => ({ headers: { ...headers, 'webhook-id': 'msg_other' }, body })],
		['the timestamp changed', 'signature_mismatch', (headers) => ({ headers: { ...headers, 'webhook-timestamp': String(NOW_SECONDS - 1) }, body })],
		['a v1a (asymmetric) signature only', 'signature_missing', (headers) => ({ headers: { ...headers, 'webhook-signature': headers['webhook-signature'].replace('v1,', 'v1a,') }, body })],
	])('%s → 401 %s', (_name, reason, mutate) => {
		const { headers, body: sent } = mutate(standardHeaders([secret], body));
		expect(receive('supabase', secret, sent, headers)).toEqual({ outcome: 'refused', reason });
		expect(REFUSALS[reason].status).toBe(401);
	});

	test.each([
		['webhook-id', 'signature_missing'],
		['webhook-timestamp', 'signature_missing'],
		['webhook-signature', 'signature_missing'],
	])('no %s header → %s', (name, reason) => {
		const headers = standardHeaders([secret], body);
		delete headers[name];
		expect(receive('supabase', secret, body, headers)).toEqual({ outcome: 'refused', reason });
	});

	test('signed 301 s ago or 301 s ahead → timestamp_outside_tolerance; 299 s either way → accepted; the tolerance is the option', () => {
		for (const at of [NOW_SECONDS - 301, NOW_SECONDS + 301]) expect(receive('supabase', secret, body, standardHeaders([secret], body, { at })).reason).toBe('timestamp_outside_tolerance');
		for (const at of [NOW_SECONDS - 299, NOW_SECONDS + 299]) expect(receive('supabase', secret, body, standardHeaders([secret], body, { at })).outcome).toBe('accepted');
		expect(receive('supabase', secret, body, standardHeaders([secret], body, { at: NOW_SECONDS - 200 }), { toleranceSeconds: 100 }).reason).toBe('timestamp_outside_tolerance');
	});

	test('the same request twice → the second is refused as a replay (401), within the window', () => {
		const memory = new ReceivedMessages();
		const headers = standardHeaders([secret], body, { id: 'msg_replay' });
		expect(receive('supabase', secret, body, headers, {}, memory).outcome).toBe('accepted');
		expect(receive('supabase', secret, body, headers, {}, memory)).toEqual({ outcome: 'refused', reason: 'replayed' });
		expect(REFUSALS.replayed.status).toBe(401);
		// Another trigger (another workflow or node) keeps its own memory.
		expect(receive('supabase', secret, body, headers, { scope: 'workflow-2:node-1' }, memory).outcome).toBe('accepted');
	});

	test("a sender's retry (same delivery, signed anew) → acknowledged, nothing started, when the trigger answers at once; run again when it answers after the workflow", () => {
		const memory = new ReceivedMessages();
		const retried = supabaseBody('recovery', 'uuid-retry');
		expect(receive('supabase', secret, retried, standardHeaders([secret], retried), {}, memory).outcome).toBe('accepted');
		// Supabase's webhook-id is new on each attempt; metadata.uuid is kept.
		expect(receive('supabase', secret, retried, standardHeaders([secret], retried, { at: NOW_SECONDS + 2 }), {}, memory).outcome).toBe('acknowledged');
		const after = new ReceivedMessages();
		const settings = { answersAfterWorkflow: true };
		expect(receive('supabase', secret, retried, standardHeaders([secret], retried, { id: 'msg_a' }), settings, after).outcome).toBe('accepted');
		expect(receive('supabase', secret, retried, standardHeaders([secret], retried, { id: 'msg_a', at: NOW_SECONDS + 5 }), settings, after).outcome).toBe('accepted');
	});

	test('a body over the cap → 413 before its signature is read; unsigned too', () => {
		const big = JSON.stringify({ padding: 'x'.repeat(2048) });
		expect(receive('supabase', secret, big, standardHeaders([secret], big), { maxBodyBytes: 1024 })).toEqual({ outcome: 'refused', reason: 'body_too_large' });
		expect(receive('supabase', secret, big, {}, { maxBodyBytes: 1024 }).reason).toBe('body_too_large');
		expect(REFUSALS.body_too_large.status).toBe(413);
	});

	test('a signed body that is not a JSON object → 400', () => {
		for (const sent of ['not json', '[1,2]', 'null']) expect(receive('supabase', secret, sent, standardHeaders([secret], sent)).reason).toBe('body_not_json');
		expect(REFUSALS.body_not_json.status).toBe(400);
	});

	test('no secret, or one in a form the scheme cannot use → refused (fail closed), whatever the message', () => {
		const headers = standardHeaders([secret], body);
		expect(receive('supabase', '', body, headers).reason).toBe('no_secret');
		expect(receive('supabase', '   ', body, headers).reason).toBe('no_secret');
		expect(receive('supabase', 'v1a,whpk_abc:whsk_def', body, headers).reason).toBe('secret_unreadable');
		expect(receive('supabase', 'whsec_short', body, headers).reason).toBe('secret_unreadable');
	});

	test('no refusal, message or log text carries the secret, the signature or the body', () => {
		const headers = standardHeaders([secret], body);
		const texts = [
			...Object.values(REFUSALS).map(({ message }) => message),
			JSON.stringify(receive('supabase', secret, `${body} `, headers)),
			JSON.stringify(receive('supabase', 'whsec_short', body, headers)),
			String(standardWebhooksKeys(`${secret.slice(0, -4)}!!!!`)),
			String(secretProblem(`${secret}x`, SENDERS.supabase)),
		].join('\n');
		for (const value of [secret, secret.slice(6), headers['webhook-signature'].slice(3), '305805']) expect(texts).not.toContain(value);
	});

	test('a Standard Webhooks verdict agrees with the standardwebhooks library on each of the mutations', () => {
		const library = new Webhook(secret);
		const headers = standardHeaders([secret], body);
		const cases = [
			{ headers, body },
			{ headers, body: `${body} ` },
			{ headers: { ...headers, 'webhook-timestamp': String(NOW_SECONDS - 400) }, body },
			{ headers: standardHeaders([secret], body, { at: NOW_SECONDS - 400 }), body },
			{ headers: { ...headers, 'webhook-signature': `v1,${'A'.repeat(44)} ${headers['webhook-signature']}` }, body },
			{ headers: { ...headers, 'webhook-signature': '' }, body },
		];
		jest.useFakeTimers({ now: NOW });
		try {
			for (const { headers: sent, body: sentBody } of cases) {
				let libraryAccepts = true;
				try {
					library.verify(sentBody, sent);
				} catch {
					libraryAccepts = false;
				}
				expect([sent['webhook-timestamp'], receive('supabase', secret, sentBody, sent).outcome === 'accepted']).toEqual([sent['webhook-timestamp'], libraryAccepts]);
			}
		} finally {
			jest.useRealTimers();
		}
	});
});

describe('Clerk, signed by Svix', () => {
	const secret = `whsec_${crypto.randomBytes(24).toString('base64')}`;
	const [reset, clerkDelivers, verification] = [clerkBody(), clerkBody({ deliveredByClerk: true }), clerkBody({ slug: 'verification_code' })];
	const [resetHeaders, deliversHeaders, verificationHeaders, staleHeaders] = svixSign([
		{ secret, id: 'msg_clerk_1', timestamp: NOW_SECONDS, body: reset },
		{ secret, id: 'msg_clerk_2', timestamp: NOW_SECONDS, body: clerkDelivers },
		{ secret, id: 'msg_clerk_3', timestamp: NOW_SECONDS, body: verification },
		{ secret, id: 'msg_clerk_4', timestamp: NOW_SECONDS - 3600, body: reset },
	]);

	test('a reset_password_code email Clerk does not deliver → one item with the code, the svix-id as message id', () => {
		const reception = receive('clerk', secret, reset, resetHeaders);
		expect(reception.item).toMatchObject({ service: 'clerk', type: 'password_reset', serviceType: 'reset_password_code', email: 'ana@example.com', userId: 'user_1', code: '482913', link: null, messageId: 'msg_clerk_1' });
	});

	test('Delivered by Clerk on → acknowledged, nothing started (else the user gets two codes), even with Include Other Email Types', () => {
		expect(receive('clerk', secret, clerkDelivers, deliversHeaders, { includeOtherTypes: true }).outcome).toBe('acknowledged');
	});

	test('another template → acknowledged; with Include Other Email Types, an item of its own type', () => {
		expect(receive('clerk', secret, verification, verificationHeaders).outcome).toBe('acknowledged');
		expect(receive('clerk', secret, verification, verificationHeaders, { includeOtherTypes: true }).item.type).toBe('verification_code');
	});

	test('an hour-old signature (a late Svix retry carries a new one; a copy does not) → refused', () => {
		expect(receive('clerk', secret, reset, staleHeaders).reason).toBe('timestamp_outside_tolerance');
	});

	test("Svix's own verify agrees with the trigger on a fresh message and its forged copy (both on the real clock)", () => {
		const now = Math.floor(Date.now() / 1000);
		const [fresh] = svixSign([{ secret, id: 'msg_clerk_now', timestamp: now, body: reset }]);
		const [original, forged] = svixSign([{ verify: { secret, body: reset, headers: fresh } }, { verify: { secret, body: `${reset} `, headers: fresh } }]);
		const atNow = { now: new Date(now * 1000) };
		expect([original.verified, receive('clerk', secret, reset, fresh, atNow).outcome]).toEqual([true, 'accepted']);
		expect([forged.verified, receive('clerk', secret, `${reset} `, fresh, atNow).outcome]).toEqual([false, 'refused']);
	});
});

describe('Zitadel (HTTP provider), signed as pkg/actions/signing.go signs', () => {
	const key = crypto.randomBytes(24).toString('base64url');
	const body = JSON.stringify({
		contextInfo: { eventType: 'user.human.password.code.added', provider: { id: 'p1', description: 'n8n' }, recipientEmailAddress: 'ana@example.com' },
		templateData: { title: 'Reset password', url: 'https://zitadel.example.com/ui/login/password/init?userID=u1&code=ABC123&orgID=o1', buttonText: 'Reset' },
		args: { Code: 'ABC123', DisplayName: 'Ana', PreferredLanguage: 'pt', UserID: 'u1' },
	});

	test('ZITADEL-Signature → one item: the code from args, the link from templateData.url', () => {
		const reception = receive('zitadel', key, body, { 'zitadel-signature': zitadelHeader([key], body) });
		expect(reception.item).toMatchObject({ service: 'zitadel', type: 'password_reset', email: 'ana@example.com', code: 'ABC123', name: 'Ana', locale: 'pt', userId: 'u1' });
		expect(reception.item.link).toContain('code=ABC123');
	});

	test('the X-ZITADEL-Signature spelling of its docs, and several v1 (rotation), are read too', () => {
		expect(receive('zitadel', key, body, { 'x-zitadel-signature': zitadelHeader(['old-key-that-rotated-away', key], body) }).outcome).toBe('accepted');
	});

	test('forged, stale, replayed, missing → refused', () => {
		expect(receive('zitadel', key, `${body} `, { 'zitadel-signature': zitadelHeader([key], body) }).reason).toBe('signature_mismatch');
		expect(receive('zitadel', key, body, { 'zitadel-signature': zitadelHeader([key], body, NOW_SECONDS - 301) }).reason).toBe('timestamp_outside_tolerance');
		expect(receive('zitadel', key, body, {}).reason).toBe('signature_missing');
		expect(receive('zitadel', key, body, { 'zitadel-signature': 't=1,v2=abc' }).reason).toBe('signature_missing');
		const memory = new ReceivedMessages();
		const headers = { 'zitadel-signature': zitadelHeader([key], body) };
		expect(receive('zitadel', key, body, headers, {}, memory).outcome).toBe('accepted');
		expect(receive('zitadel', key, body, headers, {}, memory).reason).toBe('replayed');
	});
});

describe('shared headers: Logto (Authorization) and Ory Kratos (its api_key header)', () => {
	const value = `Bearer ${crypto.randomBytes(24).toString('hex')}`;
	const logtoBody = JSON.stringify({ to: 'jane@example.com', type: 'ForgotPassword', payload: { code: '123456', locale: 'en', user: { id: 'u1', name: 'Jane' } }, ip: '203.0.113.7' });

	test('Logto ForgotPassword with its Authorization value → the code, the 10-minute expiry; SMS recipients are phones', () => {
		const reception = receive('logto', value, logtoBody, { authorization: value });
		expect(reception.item).toMatchObject({ service: 'logto', type: 'password_reset', email: 'jane@example.com', code: '123456', userId: 'u1', name: 'Jane', locale: 'en', expiresAt: '2026-12-06T10:10:00.000Z', messageId: null, signedAt: null });
		const sms = JSON.stringify({ to: '+351912345678', type: 'ForgotPassword', payload: { code: '654321' } });
		expect(receive('logto', value, sms, { authorization: value }).item).toMatchObject({ channel: 'sms', phone: '+351912345678', email: null });
	});

	test('a wrong, truncated, extended or missing value → 401', () => {
		for (const sent of [`${value}x`, value.slice(0, -1), 'Bearer other', '']) expect(receive('logto', value, logtoBody, { authorization: sent }).outcome).toBe('refused');
		expect(receive('logto', value, logtoBody, {}).reason).toBe('signature_missing');
	});

	test('Kratos: the header is the one named in the node (Header Name), its default body read, expiry from expires_in_minutes', () => {
		const body = JSON.stringify({ recipient: 'ana@example.com', template_type: 'recovery_code_valid', recovery_code: '778899', expires_in_minutes: 15, identity_id: 'id-1' });
		const reception = receive('kratos', value, body, { 'x-hook-secret': value }, { sharedHeader: 'X-Hook-Secret' });
		expect(reception.item).toMatchObject({ service: 'kratos', type: 'password_reset', email: 'ana@example.com', code: '778899', userId: 'id-1', expiresAt: '2026-12-06T10:15:00.000Z' });
		expect(receive('kratos', value, body, { authorization: value }, { sharedHeader: 'X-Hook-Secret' }).reason).toBe('signature_missing');
		const unknown = JSON.stringify({ recipient: 'nobody@example.com', template_type: 'recovery_code_invalid' });
		expect(receive('kratos', value, unknown, { 'x-hook-secret': value }, { sharedHeader: 'X-Hook-Secret' }).outcome).toBe('acknowledged');
	});
});

describe('forwarders signed with standardwebhooks: Better Auth, Auth0, any app', () => {
	const secret = newSecret();
	const forwarded = (type, data) => JSON.stringify({ type, timestamp: NOW.toISOString(), data });

	test.each([
		['betterAuth', 'better_auth.password_reset', { email: 'ana@example.com', user_id: 'u1', name: 'Ana', link: 'https://app.example.com/api/auth/reset-password/tok?callbackURL=%2Freset', token: 'tok' }],
		['betterAuth', 'better_auth.otp.forget-password', { email: 'ana@example.com', code: '112233' }],
		['auth0', 'auth0.reset_email', { email: 'ana@example.com', user_id: 'auth0|1', link: 'https://tenant.auth0.com/u/reset-verify?ticket=T', locale: 'pt' }],
		['auth0', 'auth0.reset_email_by_code', { email: 'ana@example.com', code: '445566' }],
		['standardWebhooks', 'password_reset', { phone: '+351912345678', code: '998877', expires_at: '2026-12-06T10:05:00Z' }],
	])('%s %s → a password_reset item with what was sent', (sender, type, data) => {
		const body = forwarded(type, data);
		const reception = receive(sender, secret, body, standardHeaders([secret], body));
		expect(reception.item).toMatchObject({ service: sender, type: 'password_reset', serviceType: type, code: data.code ?? null, link: data.link ?? null, email: data.email ?? null, phone: data.phone ?? null });
	});

	test('their other messages are acknowledged unless asked for', () => {
		const body = forwarded('better_auth.otp.sign-in', { email: 'ana@example.com', code: '1' });
		expect(receive('betterAuth', secret, body, standardHeaders([secret], body)).outcome).toBe('acknowledged');
	});
});

describe('the secret forms (the credential test and activation)', () => {
	test.each([
		['', 'The secret is empty'],
		['whsec_abc', /decodes to 2 bytes/],
		['v1a,whpk_x', /asymmetric/],
		['whsec_not*base64', /base64 characters only/],
		['short', /shorter than 16/],
	])('%j → %s', (secret, message) => {
		expect(secretProblem(secret)).toMatch(message);
	});

	test('a Standard Webhooks sender takes whsec_, v1,whsec_ and bare base64, several with | ; a shared header any long value', () => {
		const key = crypto.randomBytes(32).toString('base64');
		for (const secret of [`whsec_${key}`, `v1,whsec_${key}`, key, `v1,whsec_${key}|v1,whsec_${key}`]) expect(secretProblem(secret, SENDERS.supabase)).toBeUndefined();
		expect(secretProblem('Bearer a-long-random-value', SENDERS.logto)).toBeUndefined();
		expect(secretProblem('Bearer a-long-random-value', SENDERS.clerk)).toMatch(/Clerk secrets look like whsec_/);
	});

	test('constant-time comparison is by digest, so unequal lengths compare without throwing', () => {
		expect(constantTimeEqual('a', 'a')).toBe(true);
		expect(constantTimeEqual('a', 'ab')).toBe(false);
	});
});
