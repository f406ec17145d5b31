'use strict';
/**
 * The Strapi profile against a real Strapi 5 (5.54.0, tools/strapi: users-permissions on SQLite,
 * no admin build, Node.js 22; the app is test/real/strapi-app, started by strapiServer.cjs), the
 * packed node inside a real n8n: send (known, unknown), the mailed code, a password the app's
 * rule refuses and one over bcrypt's 72 bytes (the code is not spent), reset, sign in with the new
 * password and not the old, reuse, a wrong Base URL, Stop, the credential probe, a search of
 * n8n's user folder for every secret; then the sandbox's answers against the real ones.
 * Prints "N passed, N failed".
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
const OLD_PASSWORD = 'Original-pw-1234';
const NEW_PASSWORD = 'SENTINEL-REAL-STRAPI-PW-9b3e!';
const SET_PASSWORD = 'SENTINEL-REAL-STRAPI-SET-4c1d!';
const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

async function startStrapi(dir, node22) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-strapi-'));
	const mailFile = path.join(work, 'mail.jsonl');
	const apiTokenFile = path.join(work, 'api-token');
	const port = await freePort();
	const server = spawn(node22, [path.join(__dirname, 'strapiServer.cjs')], {
		env: { ...process.env, API_TOKEN_FILE: apiTokenFile, STRAPI_DIR: dir, WORK_DIR: work, PORT: String(port), MAIL_FILE: mailFile, SEED_EMAIL: EMAIL, SEED_PASSWORD: OLD_PASSWORD, STRAPI_TELEMETRY_DISABLED: 'true', NODE_ENV: 'production' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	await waitUntilReady(server, (log) => /^ready$/m.test(log), 120, 'Strapi');
	const mails = () => (fs.existsSync(mailFile) ? fs.readFileSync(mailFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line)) : []);
	/** The code of the newest reset mail to `email` (the link's `?code=`). */
	const codeFor = (email) => {
		const mail = mails().filter((entry) => entry.to === email).at(-1);
		return /code=([\w-]+)/.exec(`${mail?.text ?? ''} ${mail?.html ?? ''}`)?.[1];
	};
	return { url: `http://127.0.0.1:${port}/api`, apiToken: fs.readFileSync(apiTokenFile, 'utf8'), codeFor, mailCount: () => mails().length, stop: () => server.kill('SIGTERM') };
}

async function main() {
	const [dir, node22] = execFileSync('bash', [path.join(root, 'scripts/ensure-strapi.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n');
	const started = Date.now();
	const strapi = await startStrapi(dir, node22);
	console.log(`Strapi on ${strapi.url} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	try {
		const signIn = async (password) =>
			(await fetch(`${strapi.url}/auth/local`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier: EMAIL, password }) })).status;
		const credentials = {
			strapi: { service: 'strapi', baseUrl: strapi.url },
			strapiWrongBase: { service: 'strapi', baseUrl: strapi.url.replace(/\/api$/, '') },
			strapiAdmin: { service: 'strapi', baseUrl: strapi.url, strapiApiToken: strapi.apiToken },
			strapiWrongToken: { service: 'strapi', baseUrl: strapi.url, strapiApiToken: 'not-the-api-token' },
		};
		const node = await realNodeRunner({ credentials });
		const send = (email = EMAIL, credential = 'strapi') => node.run({ credential, parameters: { operation: 'sendResetEmail', email } });
		const reset = (resetToken, newPassword = NEW_PASSWORD, onError) => node.run({ credential: 'strapi', parameters: { operation: 'resetPassword' }, secrets: { resetToken, newPassword }, onError });

		const sent = await send();
		const code = strapi.codeFor(EMAIL);
		check('Send Reset Email → the neutral success; Strapi mailed a code', () => equal([sent.outcome, Boolean(code)], ['success', true], JSON.stringify(sent.output)));
		const mailsBefore = strapi.mailCount();
		const unknown = await send('nobody@example.com');
		check('an unknown email → the same neutral success, no mail', () => equal([unknown.outcome, strapi.mailCount() - mailsBefore], ['success', 0], JSON.stringify(unknown.output)));
		const short = await reset(code, 'short-pw');
		check("a password the app's rule refuses → weak_password, Strapi's reason in the message", () => {
			equal(short.outcome, 'weak_password', JSON.stringify(short.output));
			assert(/^Strapi refused the new password: /.test(short.output[0]?.json.error ?? ''), short.output[0]?.json.error);
		});
		const long = await reset(code, `${'x'.repeat(70)}-Long-1`);
		check('a password over 72 bytes → weak_password, naming the limit', () => {
			equal(long.outcome, 'weak_password', JSON.stringify(long.output));
			assert(/73 bytes/.test(long.output[0]?.json.error ?? ''), long.output[0]?.json.error);
		});
		const done = await reset(code);
		check('Reset Password with the code (not spent by the refusals) → success', () => equal(done.outcome, 'success', JSON.stringify(done.output)));
		check("the output holds no session: Strapi's JWT is not in it", () => assert(!/eyJ/.test(JSON.stringify(done.output)), JSON.stringify(done.output)));
		const signIns = [await signIn(NEW_PASSWORD), await signIn(OLD_PASSWORD)];
		check('sign in with the new password works, the old one does not', () => equal(signIns, [200, 400], 'sign in'));
		const reused = await reset(code);
		check('the same code again → invalid_or_expired_token', () => equal(reused.outcome, 'invalid_or_expired_token', JSON.stringify(reused.output)));
		const wrongBase = await send(EMAIL, 'strapiWrongBase');
		check('a Base URL without /api → endpoint_not_found', () => equal(wrongBase.outcome, 'endpoint_not_found', JSON.stringify(wrongBase.output)));
		const stopped = await reset('no-such-code', NEW_PASSWORD, 'stop');
		check('under Stop, an unknown code stops the execution with invalid_or_expired_token', () => equal(stopped.outcome, 'stopped: invalid_or_expired_token', stopped.outcome));

		// Set Password with the Custom API token (user find and update only), the user signed in first.
		const session = (await (await fetch(`${strapi.url}/auth/local`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier: EMAIL, password: NEW_PASSWORD }) })).json()).jwt;
		const setPassword = (email, newPassword, { credential = 'strapiAdmin', options = {} } = {}) =>
			node.run({ credential, parameters: { operation: 'setPassword', email, options }, secrets: { newPassword } });
		const set = await setPassword('Ada@Example.com', SET_PASSWORD);
		check('Set Password (the email in another case, a token allowed only user find and update) → success; sessions kept, as the item says', () =>
			equal([set.outcome, set.output[0]?.json.otherSessionsSignedOut], ['success', false], JSON.stringify(set.output)));
		const afterSet = [await signIn(SET_PASSWORD), await signIn(NEW_PASSWORD)];
		check('after the set: the set password signs in, the one before is refused', () => equal(afterSet, [200, 400], 'sign in'));
		const me = await fetch(`${strapi.url}/users/me`, { headers: { Authorization: `Bearer ${session}` } });
		check("after the set: the user's earlier JWT still works (Strapi's tokens are stateless: nothing to sign out)", () => equal(me.status, 200, 'users/me'));
		const tooShort = await setPassword(EMAIL, 'five5');
		check("Strapi's minimum length (6) → weak_password", () => equal(tooShort.outcome, 'weak_password', JSON.stringify(tooShort.output)));
		const nobody = await setPassword('nobody@example.com', SET_PASSWORD);
		check('an unknown email → user_not_found', () => equal(nobody.outcome, 'user_not_found', JSON.stringify(nobody.output)));
		const wrongToken = await setPassword(EMAIL, SET_PASSWORD, { credential: 'strapiWrongToken' });
		check('a wrong API token → auth_failed', () => equal(wrongToken.outcome, 'auth_failed', JSON.stringify(wrongToken.output)));
		const signOut = await setPassword(EMAIL, SET_PASSWORD, { options: { signOutOthers: true } });
		check('Sign Out Other Sessions → not_supported (Strapi has no such call)', () => equal(signOut.outcome, 'not_supported', JSON.stringify(signOut.output)));

		const probe = await testCredential(credentials.strapi);
		check('credential test: passes on the right Base URL', () => equal(probe.status, 'OK', probe.message));
		const wrongProbe = await testCredential(credentials.strapiWrongBase);
		check('credential test: a Base URL without /api fails', () => equal(wrongProbe.status, 'Error', wrongProbe.message));
		check("no secret anywhere in n8n's user folder (database, logs): the new and the set password, the code, the API token, the user's JWT", () => equal(node.leaks({ NEW_PASSWORD, code, SET_PASSWORD, apiToken: strapi.apiToken, session }), [], 'leaked'));

		const rows = await sandboxParity({
			service: 'strapi',
			realBase: strapi.url,
			requests: [
				['send, a known email', '/auth/forgot-password', { body: { email: EMAIL } }],
				['send, an unknown email', '/auth/forgot-password', { body: { email: 'nobody@example.com' } }],
				['send, no email', '/auth/forgot-password', { body: {} }],
				['reset, a code neither issued', '/auth/reset-password', { body: { code: 'no-such-code', password: 'Long-enough-pw-1', passwordConfirmation: 'Long-enough-pw-1' } }],
				['reset, the passwords differ', '/auth/reset-password', { body: { code: 'no-such-code', password: 'Long-enough-pw-1', passwordConfirmation: 'Other-pw-2' } }],
				// Set Password's admin search, with each side's own API token, and with a wrong one.
				['users search, a known email', `/users?filters[email][$eqi]=${EMAIL}`, { method: 'GET', headers: { Authorization: `Bearer ${strapi.apiToken}` }, sandboxHeaders: { Authorization: `Bearer ${SANDBOX_KEYS.strapiApiToken}` } }],
				['users search, an unknown email', '/users?filters[email][$eqi]=nobody@example.com', { method: 'GET', headers: { Authorization: `Bearer ${strapi.apiToken}` }, sandboxHeaders: { Authorization: `Bearer ${SANDBOX_KEYS.strapiApiToken}` } }],
				['users search, a wrong API token', `/users?filters[email][$eqi]=${EMAIL}`, { method: 'GET', headers: { Authorization: 'Bearer not-the-api-token' } }],
			],
		});
		for (const { name, real, sandbox } of rows) check(`sandbox plays Strapi: ${name} (${real.status} ${real.type})`, () => equal(sandbox, real, 'sandbox vs real'));
	} finally {
		strapi.stop();
	}
}

checks.run('real Strapi', main);
