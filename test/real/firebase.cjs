'use strict';
/**
 * The Firebase Auth profile against the Firebase Auth Emulator (firebase-tools 15.34.2,
 * tools/firebase-tools; pure Node.js, no Java), the packed node inside a real n8n: send (known,
 * unknown, unknown revealed), a weak password (the code is not spent), Verify Reset Token, reset,
 * sign in with the new password and not the old, reuse, verify a used code, a wrong Base URL,
 * Stop, the credential probe, a search of n8n's user folder for every secret (the Web API key
 * travels as ?key=, Firebase's own contract); then the sandbox's answers against the emulator's.
 * Then the admin calls with an OAuth token (the emulator's `owner`): Create Reset Link (the link, its
 * code resets, an unknown email) and Set Password (sign-in with the set password and not the one
 * before, the earlier ID token refused, the length rule, an unknown email, a wrong and no admin token).
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
const SECRETS = {
	newPassword: 'SENTINEL-REAL-FIREBASE-PW-2d8f!',
	apiKey: 'SENTINEL-REAL-FIREBASE-KEY-5a0c',
	linkPassword: 'SENTINEL-REAL-FIREBASE-LINK-8b3c!',
	setPassword: 'SENTINEL-REAL-FIREBASE-SET-6e2a!',
};
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
			// The emulator takes `owner` as a project owner's OAuth token (`server.js` oauth2Authenticator).
			firebaseAdmin: { service: 'firebase', baseUrl: emulator.base, apiKey: SECRETS.apiKey, firebaseAdminToken: 'owner' },
			firebaseWrongAdmin: { service: 'firebase', baseUrl: emulator.base, apiKey: SECRETS.apiKey, firebaseAdminToken: 'not-a-google-token' },
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

		// Create Reset Link (sendOobCode with returnOobLink, admin auth): the link, no mail; reset with its code.
		const session = await emulator.call('/accounts:signInWithPassword', { email: EMAIL, password: SECRETS.newPassword, returnSecureToken: true });
		const codesBefore = await emulator.codeFor(EMAIL);
		const linked = await node.run({ credential: 'firebaseAdmin', parameters: { operation: 'createResetLink', email: EMAIL } });
		const link = linked.output[0]?.json.resetLink ?? '';
		const linkCode = /[?&]oobCode=([^&]+)/.exec(link)?.[1];
		check('Create Reset Link → success, the link in resetLink, on the emulator\'s host, with a code', () =>
			equal([linked.outcome, link.startsWith(new URL(emulator.base).origin), Boolean(linkCode)], ['success', true, true], JSON.stringify(linked.output)));
		check('Create Reset Link: the link is only in resetLink (not in the message)', () => equal(JSON.stringify({ ...linked.output[0]?.json, resetLink: undefined }).includes(linkCode), false, 'code elsewhere'));
		check('Create Reset Link: a new code, not the one mailed before', () => equal(linkCode !== codesBefore, true, 'code'));
		const viaLink = await reset(linkCode ?? '', SECRETS.linkPassword);
		const linkSignIn = await signIn(SECRETS.linkPassword);
		check("Reset Password with the created link's code → success, and its password signs in", () => equal([viaLink.outcome, linkSignIn], ['success', 200], JSON.stringify(viaLink.output)));
		const noLink = await node.run({ credential: 'firebaseAdmin', parameters: { operation: 'createResetLink', email: 'nobody@example.com' } });
		check('Create Reset Link for an unknown email → user_not_found', () => equal(noLink.outcome, 'user_not_found', JSON.stringify(noLink.output)));

		// Set Password (accounts:lookup, then accounts:update), the user signed in before.
		const setPassword = (email, newPassword, credential = 'firebaseAdmin', options = {}) => node.run({ credential, parameters: { operation: 'setPassword', email, options }, secrets: { newPassword } });
		const set = await setPassword('Ada@Example.com', SECRETS.setPassword);
		check('Set Password (the email in another case) → success, other sessions signed out', () =>
			equal([set.outcome, set.output[0]?.json.otherSessionsSignedOut], ['success', true], JSON.stringify(set.output)));
		const afterSet = [await signIn(SECRETS.setPassword), await signIn(SECRETS.linkPassword)];
		check('after the set: the set password signs in, the one before is refused', () => equal(afterSet, [200, 400], 'sign in'));
		// The emulator checks validSince on ID tokens, not on refreshes (its grantToken); production
		// revokes refresh tokens on a password change too (Firebase docs, "Manage user sessions").
		const earlier = await emulator.call('/accounts:lookup', { idToken: session.body.idToken });
		check("after the set: the user's earlier ID token is refused (TOKEN_EXPIRED: validSince moved)", () =>
			equal([earlier.status, /TOKEN_EXPIRED/.test(earlier.body.error?.message ?? '')], [400, true], JSON.stringify(earlier.body)));
		const tooShort = await setPassword(EMAIL, 'abc');
		check("Firebase's minimum length (6) → weak_password", () => equal(tooShort.outcome, 'weak_password', JSON.stringify(tooShort.output)));
		const nobody = await setPassword('nobody@example.com', SECRETS.setPassword);
		check('an unknown email → user_not_found', () => equal(nobody.outcome, 'user_not_found', JSON.stringify(nobody.output)));
		const wrongAdmin = await setPassword(EMAIL, SECRETS.setPassword, 'firebaseWrongAdmin');
		check('a wrong admin token → auth_failed', () => equal(wrongAdmin.outcome, 'auth_failed', JSON.stringify(wrongAdmin.output)));
		const noAdmin = await setPassword(EMAIL, SECRETS.setPassword, 'firebase');
		check('no admin token → invalid_input, before any request', () => equal(noAdmin.outcome, 'invalid_input', JSON.stringify(noAdmin.output)));

		const probe = await testCredential(credentials.firebase);
		check('credential test against the emulator: passes', () => equal(probe.status, 'OK', probe.message));
		const wrongProbe = await testCredential(credentials.firebaseWrongBase);
		check('credential test with a Base URL without /v1 → fails', () => equal(wrongProbe.status, 'Error', wrongProbe.message));
		check("no secret anywhere in n8n's user folder (database, logs): the passwords, the codes, the Web API key", () => equal(node.leaks({ ...SECRETS, code }), [], 'leaked'));

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
				// The admin calls, with each side's own admin token, and with a wrong one.
				['admin lookup, a known email', `/accounts:lookup${key}`, { body: { email: [EMAIL] }, headers: { Authorization: 'Bearer owner' }, sandboxHeaders: { Authorization: `Bearer ${SANDBOX_KEYS.firebaseAdminToken}` } }],
				['admin lookup, an unknown email', `/accounts:lookup${key}`, { body: { email: ['nobody@example.com'] }, headers: { Authorization: 'Bearer owner' }, sandboxHeaders: { Authorization: `Bearer ${SANDBOX_KEYS.firebaseAdminToken}` } }],
				['admin lookup, a wrong token', `/accounts:lookup${key}`, { body: { email: [EMAIL] }, headers: { Authorization: 'Bearer not-a-google-token' } }],
				['a created link, an unknown email', `/accounts:sendOobCode${key}`, { body: { requestType: 'PASSWORD_RESET', email: 'nobody@example.com', returnOobLink: true }, headers: { Authorization: 'Bearer owner' }, sandboxHeaders: { Authorization: `Bearer ${SANDBOX_KEYS.firebaseAdminToken}` } }],
			],
		});
		for (const { name, real, sandbox } of rows) check(`sandbox plays Firebase Auth: ${name} (${real.status} ${real.type})`, () => equal(sandbox, real, 'sandbox vs emulator'));
	} finally {
		emulator.stop();
	}
}

checks.run('real Firebase Auth (emulator)', main);
