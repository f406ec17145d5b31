'use strict';
/**
 * The Payload CMS profile against a real Payload 3 (3.90.2, tools/payload: SQLite, its REST
 * handler behind plain node:http, test/real/payloadServer.mjs), the packed node inside a real
 * n8n: send (known, unknown), the mailed token, a password Payload refuses (the token is not
 * spent), reset, sign in with the new password and not the old, reuse, a wrong collection, a
 * wrong Base URL, Stop, the credential probe, a search of n8n's user folder for every secret;
 * then the sandbox's answers against the real ones. Prints "N passed, N failed".
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { testCredential } = require('../support/engine.cjs');
const { Checks, assert, equal } = require('../support/checks.cjs');
const { freePort } = require('../support/realN8n.cjs');
const { realNodeRunner } = require('../support/realNodeRunner.cjs');
const { waitUntilReady } = require('../support/realServers.cjs');
const { sandboxParity } = require('../support/sandboxParity.cjs');
const { SANDBOX_KEYS } = require('../../sandbox/server.cjs');

const root = path.resolve(__dirname, '../..');
const EMAIL = 'ada@example.com';
const OLD_PASSWORD = 'Original-pw-1';
const NEW_PASSWORD = 'SENTINEL-REAL-PAYLOAD-PW-7e1b!';
const SET_PASSWORD = 'SENTINEL-REAL-PAYLOAD-SET-2f9a!';
const ADMIN_API_KEY = `SENTINEL-PAYLOAD-KEY-${require('node:crypto').randomBytes(8).toString('hex')}`;
const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

async function startPayload(dir) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-payload-'));
	const mailFile = path.join(work, 'mail.jsonl');
	const port = await freePort();
	const server = spawn(process.execPath, [path.join(__dirname, 'payloadServer.mjs')], {
		env: { ...process.env, ADMIN_API_KEY, PAYLOAD_DIR: dir, PORT: String(port), WORK_DIR: work, MAIL_FILE: mailFile, SEED_EMAIL: EMAIL, SEED_PASSWORD: OLD_PASSWORD },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	await waitUntilReady(server, (log) => /^ready$/m.test(log), 90, 'Payload');
	const url = `http://127.0.0.1:${port}/api`;
	/** The token of the newest reset mail to `email`. */
	const tokenFor = (email) => {
		const mails = fs.existsSync(mailFile) ? fs.readFileSync(mailFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line)) : [];
		return /reset token: (\w+)/.exec(mails.filter((mail) => mail.to === email).at(-1)?.html ?? '')?.[1];
	};
	const mailCount = () => (fs.existsSync(mailFile) ? fs.readFileSync(mailFile, 'utf8').trim().split('\n').length : 0);
	return { url, tokenFor, mailCount, stop: () => server.kill('SIGTERM') };
}

async function main() {
	const dir = execFileSync('bash', [path.join(root, 'scripts/ensure-payload.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
	const started = Date.now();
	const payload = await startPayload(dir);
	console.log(`Payload on ${payload.url} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	try {
		const signIn = async (password) =>
			(await fetch(`${payload.url}/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password }) })).status;
		const credentials = {
			payload: { service: 'payload', baseUrl: payload.url, payloadCollection: 'users' },
			payloadWrongCollection: { service: 'payload', baseUrl: payload.url, payloadCollection: 'members' },
			payloadWrongBase: { service: 'payload', baseUrl: payload.url.replace(/\/api$/, ''), payloadCollection: 'users' },
			payloadAdmin: { service: 'payload', baseUrl: payload.url, payloadCollection: 'users', payloadApiKey: ADMIN_API_KEY },
			payloadWrongKey: { service: 'payload', baseUrl: payload.url, payloadCollection: 'users', payloadApiKey: 'not-the-api-key' },
		};
		const node = await realNodeRunner({ credentials });
		const send = (credential, email = EMAIL) => node.run({ credential, parameters: { operation: 'sendResetEmail', email } });
		const reset = (resetToken, newPassword = NEW_PASSWORD, onError) => node.run({ credential: 'payload', parameters: { operation: 'resetPassword' }, secrets: { resetToken, newPassword }, onError });

		const sent = await send('payload');
		const token = payload.tokenFor(EMAIL);
		check('Send Reset Email → the neutral success; Payload mailed a token', () => equal([sent.outcome, Boolean(token)], ['success', true], JSON.stringify(sent.output)));
		const mailsBefore = payload.mailCount();
		const unknown = await send('payload', 'nobody@example.com');
		check('an unknown email → the same neutral success, no mail', () => equal([unknown.outcome, payload.mailCount() - mailsBefore], ['success', 0], JSON.stringify(unknown.output)));
		const weak = await reset(token, 'x');
		check('a password Payload refuses (shorter than 3) → weak_password, the reason in its message', () => {
			equal(weak.outcome, 'weak_password', JSON.stringify(weak.output));
			assert(/minimum length of 3/.test(JSON.stringify(weak.output[0]?.json)), JSON.stringify(weak.output[0]?.json));
		});
		const done = await reset(token);
		check('Reset Password with the token (not spent by the refusal) → success', () => equal(done.outcome, 'success', JSON.stringify(done.output)));
		check("the output holds no session: Payload's login token is not in it", () => assert(!/eyJ/.test(JSON.stringify(done.output)), JSON.stringify(done.output)));
		const signIns = [await signIn(NEW_PASSWORD), await signIn(OLD_PASSWORD)];
		check('sign in with the new password works, the old one does not', () => equal(signIns, [200, 401], 'sign in'));
		const reused = await reset(token);
		check('the same token again → invalid_or_expired_token', () => equal(reused.outcome, 'invalid_or_expired_token', JSON.stringify(reused.output)));
		const wrongCollection = await send('payloadWrongCollection');
		check("a collection Payload does not have → endpoint_not_found (its \"Route not found\")", () => equal(wrongCollection.outcome, 'endpoint_not_found', JSON.stringify(wrongCollection.output)));
		const wrongBase = await send('payloadWrongBase');
		check('a Base URL without /api → endpoint_not_found', () => equal(wrongBase.outcome, 'endpoint_not_found', JSON.stringify(wrongBase.output)));
		const stopped = await reset('no-such-token', NEW_PASSWORD, 'stop');
		check('under Stop, an unknown token stops the execution with invalid_or_expired_token', () => equal(stopped.outcome, 'stopped: invalid_or_expired_token', stopped.outcome));

		// Set Password with the help desk's API key, the user signed in first.
		const session = (await (await fetch(`${payload.url}/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: NEW_PASSWORD }) })).json()).token;
		const setPassword = (email, newPassword, credential = 'payloadAdmin', options = {}) => node.run({ credential, parameters: { operation: 'setPassword', email, options }, secrets: { newPassword } });
		const set = await setPassword('Ada@Example.com', SET_PASSWORD);
		check('Set Password (the email in another case, the API key) → success, other sessions signed out', () =>
			equal([set.outcome, set.output[0]?.json.otherSessionsSignedOut], ['success', true], JSON.stringify(set.output)));
		const afterSet = [await signIn(SET_PASSWORD), await signIn(NEW_PASSWORD)];
		check('after the set: the set password signs in, the one before is refused', () => equal(afterSet, [200, 401], 'sign in'));
		const me = await (await fetch(`${payload.url}/users/me`, { headers: { Authorization: `JWT ${session}` } })).json();
		check("after the set: the user's earlier session is gone (Payload's sessions)", () => equal(me.user ?? null, null, JSON.stringify(me)));
		const tooShort = await setPassword(EMAIL, 'xy');
		check("Payload's minimum length (3) → weak_password, its reason in the message", () =>
			equal([tooShort.outcome, /minimum length of 3/.test(tooShort.output[0]?.json.error ?? '')], ['weak_password', true], JSON.stringify(tooShort.output)));
		const nobody = await setPassword('nobody@example.com', SET_PASSWORD);
		check('an unknown email → user_not_found', () => equal(nobody.outcome, 'user_not_found', JSON.stringify(nobody.output)));
		const wrongKey = await setPassword(EMAIL, SET_PASSWORD, 'payloadWrongKey');
		check('a wrong API key → auth_failed', () => equal(wrongKey.outcome, 'auth_failed', JSON.stringify(wrongKey.output)));
		const temporary = await setPassword(EMAIL, SET_PASSWORD, 'payloadAdmin', { requireChange: true });
		check('Require Change at Next Sign-In → not_supported (Payload has none)', () => equal(temporary.outcome, 'not_supported', JSON.stringify(temporary.output)));

		const probe = await testCredential(credentials.payload);
		check('credential test: the right collection passes', () => equal(probe.status, 'OK', probe.message));
		const wrongProbe = await testCredential(credentials.payloadWrongCollection);
		check('credential test: a wrong collection fails', () => equal(wrongProbe.status, 'Error', wrongProbe.message));
		check("no secret anywhere in n8n's user folder (database, logs): the new and the set password, the token, the API key, the user's session", () =>
			equal(node.leaks({ NEW_PASSWORD, token, SET_PASSWORD, ADMIN_API_KEY, session }), [], 'leaked'));

		const rows = await sandboxParity({
			service: 'payload',
			realBase: payload.url,
			requests: [
				['send, a known email', '/users/forgot-password', { body: { email: 'grace@example.com' } }],
				['send, an unknown email', '/users/forgot-password', { body: { email: 'nobody@example.com' } }],
				['send, no email', '/users/forgot-password', { body: {} }],
				['reset, a token neither issued', '/users/reset-password', { body: { token: 'no-such-token', password: 'Long-enough-1' } }],
				['a collection it does not have', '/members/forgot-password', { body: { email: EMAIL } }],
				// Set Password's admin search, with each side's own API key, and with a wrong one.
				['users search, a known email', `/users?where[email][equals]=${EMAIL}&limit=2&depth=0`, { method: 'GET', headers: { Authorization: `users API-Key ${ADMIN_API_KEY}` }, sandboxHeaders: { Authorization: `users API-Key ${SANDBOX_KEYS.payloadApiKey}` } }],
				['users search, an unknown email', '/users?where[email][equals]=nobody@example.com&limit=2&depth=0', { method: 'GET', headers: { Authorization: `users API-Key ${ADMIN_API_KEY}` }, sandboxHeaders: { Authorization: `users API-Key ${SANDBOX_KEYS.payloadApiKey}` } }],
				['users search, a wrong API key', `/users?where[email][equals]=${EMAIL}&limit=2&depth=0`, { method: 'GET', headers: { Authorization: 'users API-Key not-the-api-key' } }],
			],
		});
		for (const { name, real, sandbox } of rows) check(`sandbox plays Payload: ${name} (${real.status} ${real.type})`, () => equal(sandbox, real, 'sandbox vs real'));
	} finally {
		payload.stop();
	}
}

checks.run('real Payload CMS', main);
