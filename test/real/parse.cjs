'use strict';
/**
 * The Parse Server profile against a real Parse Server (7.5.4 on Node.js 22, PostgreSQL from
 * Debian, both started on loopback), not a mock: send a reset email, take the link Parse's
 * email adapter got, reset with the whole link (posted as Parse's own form), sign in with the
 * new password, reuse the link, an unknown email (neutral), the credential test with the right
 * and a wrong Application ID. Those legs run the node on n8n's engine; Set Password runs the
 * packed node in a real n8n. Prints "N passed, N failed".
 */
const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runNode, testCredential } = require('../support/engine.cjs');
const { realNodeRunner } = require('../support/realNodeRunner.cjs');
const { Checks, assert, equal } = require('../support/checks.cjs');
const { freePort } = require('../support/realN8n.cjs');
const { startPostgres } = require('../support/debianServices.cjs');
const { waitUntilReady } = require('../support/realServers.cjs');

const root = path.resolve(__dirname, '../..');
const APP_ID = 'password-reset-real-parse';
const USER = { username: 'ada@example.com', email: 'ada@example.com', password: 'Original-pw-1234' };
const NEW_PASSWORD = 'New-parse-password-2';
const MASTER_KEY = `real-parse-master-${crypto.randomBytes(8).toString('hex')}`;
const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

/**
 * Set Password with the master key, the packed node in a real n8n: the user signed in first; the
 * set (the email typed in another case), the new password signs in and not the old, the earlier
 * session is gone; the password policy's refusal, an unknown email, a wrong master key, none;
 * then a sweep of n8n's user folder.
 */
async function setPasswordLegs({ baseUrl, credential }) {
	const signIn = (password) => fetch(`${baseUrl}/login?${new URLSearchParams({ username: USER.username, password })}`, { headers: { 'X-Parse-Application-Id': APP_ID } });
	const session = (await (await signIn(NEW_PASSWORD)).json()).sessionToken;
	const SET_PASSWORD = 'Set-by-the-help-desk-parse-3';
	const WEAK_PASSWORD = 'Only-15-chars!!';
	const node = await realNodeRunner({
		credentials: { parseAdmin: { ...credential, parseMasterKey: MASTER_KEY }, parseWrongKey: { ...credential, parseMasterKey: 'not-the-master-key' }, parseNoKey: credential },
	});
	const set = (parameters, credentialName = 'parseAdmin') => node.setPassword(credentialName, parameters);
	const done = await set({ email: 'Ada@Example.com', newPassword: SET_PASSWORD });
	check('Set Password (the email in another case) → success, other sessions signed out', () => equal([done.success, done.otherSessionsSignedOut], [true, true], JSON.stringify(done)));
	const [withNew, withOld] = [await signIn(SET_PASSWORD), await signIn(NEW_PASSWORD)];
	check('after the set: the new password signs in, the old one is refused', () => equal([withNew.status, withOld.status], [200, 404], 'sign-ins'));
	const me = await fetch(`${baseUrl}/users/me`, { headers: { 'X-Parse-Application-Id': APP_ID, 'X-Parse-Session-Token': session } });
	check("after the set: the user's earlier session is gone (revokeSessionOnPasswordReset)", () => equal(me.status === 200, false, `users/me ${me.status}`));
	const weak = await set({ email: USER.email, newPassword: WEAK_PASSWORD });
	check("Parse's password policy → weak_password", () => equal(weak, 'weak_password', 'policy'));
	const unknown = await set({ email: 'nobody@example.com', newPassword: SET_PASSWORD });
	check('an unknown email → user_not_found', () => equal(unknown, 'user_not_found', 'unknown'));
	const wrong = await set({ email: USER.email, newPassword: SET_PASSWORD }, 'parseWrongKey');
	check('a wrong master key → auth_failed', () => equal(wrong, 'auth_failed', 'wrong key'));
	const noKey = await set({ email: USER.email, newPassword: SET_PASSWORD }, 'parseNoKey');
	check('no master key → invalid_input before any request', () => equal(noKey, 'invalid_input', 'no key'));
	const leaked = node.leaks({ MASTER_KEY, SET_PASSWORD, WEAK_PASSWORD, session, oldPassword: NEW_PASSWORD });
	check("Set Password: no secret anywhere in n8n's user folder (database, logs): the master key, the set, refused and old passwords, the session", () => equal(leaked, [], 'leaked'));
}

async function main() {
	const [parseDir, node22] = execFileSync('bash', [path.join(root, 'scripts/ensure-parse.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
		.trim()
		.split('\n');
	const postgres = await startPostgres();
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-parse-'));
	const mailFile = path.join(work, 'mail.jsonl');
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}/parse`;
	const server = spawn(node22, [path.join(__dirname, 'parseServer.cjs')], {
		env: { ...process.env, MASTER_KEY, PARSE_DIR: parseDir, PORT: String(port), APP_ID: APP_ID, MAIL_FILE: mailFile, LOGS_FOLDER: path.join(work, 'logs'), DATABASE_URI: `postgres://postgres@127.0.0.1:${postgres.port}/n8n` },
		cwd: work,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	try {
		const started = Date.now();
		await waitUntilReady(server, (log) => log.includes('ready'), 120, 'Parse Server');
		console.log(`Parse Server on ${baseUrl} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
		check('Parse Server writes its log files in the work folder, none in the clone', () =>
			equal([fs.existsSync(path.join(work, 'logs')), fs.existsSync(path.join(root, 'logs'))], [true, false], 'work folder, clone'));
		const parseApi = (method, route, body) =>
			fetch(`${baseUrl}${route}`, { method, headers: { 'X-Parse-Application-Id': APP_ID, 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
		const signUp = await parseApi('POST', '/users', USER);
		check('a user signs up', () => equal(signUp.status, 201, 'status'));
		const mails = () => (fs.existsSync(mailFile) ? fs.readFileSync(mailFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line)) : []);
		const credential = { service: 'parse', baseUrl, parseAppId: APP_ID };
		const run = (parameters) => runNode({ parameters, credential, onError: 'continueRegularOutput' });
		const outcome = ({ output }) => (output[0].json.success ? 'success' : output[0].json.details?.errorCode);

		const sent = await run({ operation: 'sendResetEmail', email: USER.email });
		check('Send Reset Email → the neutral success', () => equal(outcome(sent), 'success', JSON.stringify(sent.output[0].json)));
		const link = mails().at(-1)?.link;
		check("Parse's email adapter got a reset link", () => assert(link && /token=/.test(link), JSON.stringify(mails())));
		const reset = { operation: 'resetPassword', resetToken: link ?? '', newPassword: NEW_PASSWORD };
		const first = await run(reset);
		check('Reset Password with the whole link (its form, URL-encoded, as an XHR) → success', () => equal(outcome(first), 'success', JSON.stringify(first.output[0].json)));
		const login = await fetch(`${baseUrl}/login?${new URLSearchParams({ username: USER.username, password: NEW_PASSWORD })}`, { headers: { 'X-Parse-Application-Id': APP_ID } });
		check('sign in with the new password works', () => equal(login.status, 200, 'login'));
		const again = await run(reset);
		check('the same link again → invalid_or_expired_token', () => equal(outcome(again), 'invalid_or_expired_token', JSON.stringify(again.output[0].json)));
		check('no output holds the link or its token', () => assert(!JSON.stringify([first, again]).includes(new URL(link).searchParams.get('token')), 'token found'));
		const mailsBefore = mails().length;
		const unknown = await run({ operation: 'sendResetEmail', email: 'nobody@example.com' });
		check('an unknown email → the same neutral success, no mail', () => equal([outcome(unknown), mails().length - mailsBefore], ['success', 0], 'unknown'));
		await setPasswordLegs({ baseUrl, credential });
		const right = await testCredential(credential);
		check('credential test: the right Application ID passes', () => equal(right.status, 'OK', right.message));
		const wrong = await testCredential({ ...credential, parseAppId: 'wrong-app' });
		check('credential test: a wrong Application ID fails', () => equal(wrong.status, 'Error', wrong.message));
	} finally {
		server.kill('SIGTERM');
		await postgres.stop();
	}
}

checks.run('real Parse Server', main);
