'use strict';
/**
 * The Firebase Auth profile against the Firebase Auth Emulator (firebase-tools 15.34.2,
 * tools/firebase-tools; pure Node.js, no Java), the packed node inside a real n8n: send (known,
 * unknown, unknown revealed), a weak password (the code is not spent), Verify Reset Token, reset,
 * sign in with the new password and not the old, reuse, verify a used code, a wrong Base URL,
 * Stop, the credential probe, a search of n8n's user folder for every secret (the Web API key
 * travels as ?key=, Firebase's own contract); then the sandbox's answers against the emulator's.
 * What the emulator cannot show: a wrong API key (it takes any). Prints "N passed, N failed".
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { testCredential } = require('../support/engine.cjs');
const { Checks, equal } = require('../support/checks.cjs');
const { freePort } = require('../support/realN8n.cjs');
const { realNodeRunner } = require('../support/realNodeRunner.cjs');
const { answers, waitUntilReady } = require('../support/realServers.cjs');
const { sandboxParity } = require('../support/sandboxParity.cjs');
const { SANDBOX_KEYS } = require('../../sandbox/server.cjs');

const root = path.resolve(__dirname, '../..');
const PROJECT = 'demo-password-reset';
const EMAIL = 'ada@example.com';
const OLD_PASSWORD = 'Original-pw-1';
const SECRETS = { newPassword: 'SENTINEL-REAL-FIREBASE-PW-2d8f!', apiKey: 'SENTINEL-REAL-FIREBASE-KEY-5a0c' };
const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

async function startEmulator(dir) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-firebase-'));
	const [port, hub, logging] = [await freePort(), await freePort(), await freePort()];
	const host = '127.0.0.1';
	fs.writeFileSync(path.join(work, 'firebase.json'), JSON.stringify({ emulators: { auth: { port, host }, hub: { port: hub, host }, logging: { port: logging, host }, ui: { enabled: false } } }));
	const server = spawn(process.execPath, [path.join(dir, 'node_modules/firebase-tools/lib/bin/firebase.js'), 'emulators:start', '--only', 'auth', '--project', PROJECT], {
		cwd: work,
		// Its own config and caches stay in the temporary folder.
		env: { ...process.env, HOME: work, XDG_CONFIG_HOME: work, FIREBASE_CLI_DISABLE_UPDATE_CHECK: 'true', CI: 'true' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const origin = `http://${host}:${port}`;
	// Its root answers `{authEmulator: {ready: true}}` once it serves.
	await waitUntilReady(server, answers(origin, (response) => response.json().then((body) => body.authEmulator?.ready === true)), 90, 'the Firebase Auth Emulator');
	const base = `${origin}/identitytoolkit.googleapis.com/v1`;
	const call = async (route, body) => {
		const response = await fetch(`${base}${route}?key=any`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		return { status: response.status, body: await response.json() };
	};
	/** The newest password-reset code the emulator "mailed" to `email`. */
	const codeFor = async (email) => {
		const { oobCodes } = await (await fetch(`${origin}/emulator/v1/projects/${PROJECT}/oobCodes`)).json();
		return oobCodes.filter((code) => code.email === email && code.requestType === 'PASSWORD_RESET').at(-1)?.oobCode;
	};
	return { base, call, codeFor, stop: () => server.kill('SIGTERM') };
}

async function main() {
	const dir = execFileSync('bash', [path.join(root, 'scripts/ensure-firebase.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
	const started = Date.now();
	const emulator = await startEmulator(dir);
	console.log(`Firebase Auth Emulator on ${emulator.base} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	try {
		const signUp = await emulator.call('/accounts:signUp', { email: EMAIL, password: OLD_PASSWORD, returnSecureToken: true });
		check('the emulator: a user signs up', () => equal(signUp.status, 200, JSON.stringify(signUp.body)));
		const signIn = async (password) => (await emulator.call('/accounts:signInWithPassword', { email: EMAIL, password, returnSecureToken: true })).status;
		const credentials = {
			firebase: { service: 'firebase', baseUrl: emulator.base, apiKey: SECRETS.apiKey },
			firebaseWrongBase: { service: 'firebase', baseUrl: emulator.base.replace(/\/v1$/, ''), apiKey: SECRETS.apiKey },
		};
		const node = await realNodeRunner({ credentials });
		const send = (email = EMAIL, options = {}, credential = 'firebase') => node.run({ credential, parameters: { operation: 'sendResetEmail', email, options } });
		const reset = (resetToken, newPassword = SECRETS.newPassword, onError) => node.run({ credential: 'firebase', parameters: { operation: 'resetPassword' }, secrets: { resetToken, newPassword }, onError });
		const verify = (resetToken) => node.run({ credential: 'firebase', parameters: { operation: 'verifyResetToken' }, secrets: { resetToken } });

		const sent = await send();
		const code = await emulator.codeFor(EMAIL);
		check('Send Reset Email → the neutral success; the emulator issued a code', () => equal([sent.outcome, Boolean(code)], ['success', true], JSON.stringify(sent.output)));
		const unknown = await send('nobody@example.com');
		check('an unknown email (EMAIL_NOT_FOUND: enumeration protection off) → the same neutral success', () => equal(unknown.outcome, 'success', JSON.stringify(unknown.output)));
		const revealed = await send('nobody@example.com', { revealUnknownAccounts: true });
		check('an unknown email with Reveal Unknown Accounts → user_not_found', () => equal(revealed.outcome, 'user_not_found', JSON.stringify(revealed.output)));
		const verified = await verify(code);
		check('Verify Reset Token → success, naming the account the code is for', () => equal([verified.outcome, verified.output[0]?.json.email], ['success', EMAIL], JSON.stringify(verified.output)));
		const weak = await reset(code, 'abc');
		check('a weak password → weak_password', () => equal(weak.outcome, 'weak_password', JSON.stringify(weak.output)));
		const done = await reset(code);
		check('Reset Password with the code (not spent by the refusal) → success', () => equal(done.outcome, 'success', JSON.stringify(done.output)));
		const signIns = [await signIn(SECRETS.newPassword), await signIn(OLD_PASSWORD)];
		check('sign in with the new password works, the old one does not', () => equal(signIns, [200, 400], 'sign in'));
		const reused = await reset(code);
		check('the same code again → invalid_or_expired_token', () => equal(reused.outcome, 'invalid_or_expired_token', JSON.stringify(reused.output)));
		const verifyUsed = await verify(code);
		check('Verify Reset Token on a used code → invalid_or_expired_token', () => equal(verifyUsed.outcome, 'invalid_or_expired_token', JSON.stringify(verifyUsed.output)));
		const wrongBase = await send(EMAIL, {}, 'firebaseWrongBase');
		check('a Base URL without /v1 → endpoint_not_found', () => equal(wrongBase.outcome, 'endpoint_not_found', JSON.stringify(wrongBase.output)));
		const stopped = await reset('no-such-code', SECRETS.newPassword, 'stop');
		check('under Stop, an unknown code stops the execution with invalid_or_expired_token', () => equal(stopped.outcome, 'stopped: invalid_or_expired_token', stopped.outcome));

		const probe = await testCredential(credentials.firebase);
		check('credential test against the emulator: passes', () => equal(probe.status, 'OK', probe.message));
		const wrongProbe = await testCredential(credentials.firebaseWrongBase);
		check('credential test with a Base URL without /v1 → fails', () => equal(wrongProbe.status, 'Error', wrongProbe.message));
		check("no secret anywhere in n8n's user folder (database, logs): the new password, the code, the Web API key", () => equal(node.leaks({ ...SECRETS, code }), [], 'leaked'));

		const key = `?key=${SANDBOX_KEYS.firebase}`;
		const rows = await sandboxParity({
			service: 'firebase',
			realBase: emulator.base,
			requests: [
				['send, a known email', `/accounts:sendOobCode${key}`, { body: { requestType: 'PASSWORD_RESET', email: EMAIL } }],
				['send, an unknown email', `/accounts:sendOobCode${key}`, { body: { requestType: 'PASSWORD_RESET', email: 'nobody@example.com' } }],
				['send, no email', `/accounts:sendOobCode${key}`, { body: { requestType: 'PASSWORD_RESET' } }],
				['reset, a code neither issued', `/accounts:resetPassword${key}`, { body: { oobCode: 'no-such-code', newPassword: 'Long-enough-1' } }],
				['verify, a code neither issued', `/accounts:resetPassword${key}`, { body: { oobCode: 'no-such-code' } }],
			],
		});
		for (const { name, real, sandbox } of rows) check(`sandbox plays Firebase Auth: ${name} (${real.status} ${real.type})`, () => equal(sandbox, real, 'sandbox vs emulator'));
	} finally {
		emulator.stop();
	}
}

checks.run('real Firebase Auth (emulator)', main);
