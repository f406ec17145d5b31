'use strict';
/**
 * The Directus profile against a real Directus (12.4.0 on SQLite, loopback), not a mock: send a
 * reset email, take the token from the mail Directus really wrote, reset, reuse the token, the
 * neutral answer for an unknown email, and a wrong Base URL path that must never read as sent. Mail goes through a sendmail stand-in that appends
 * each message to a file. Those legs run the node on n8n's engine; Set Password runs the packed
 * node in a real n8n. Prints "N passed, N failed".
 */
const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { runNode, testCredential } = require('../support/engine.cjs');
const { realNodeRunner } = require('../support/realNodeRunner.cjs');
const { Checks, equal } = require('../support/checks.cjs');

const root = path.resolve(__dirname, '../..');
const ADMIN = { email: 'admin@example.com', password: 'Original-admin-pw-1' };
const NEW_PASSWORD = 'New-admin-password-2';
const checks = new Checks();

const freePort = () =>
	new Promise((resolve) => {
		const server = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what, probe, seconds) {
	for (let tries = 0; tries < seconds * 4; tries++) {
		const value = await probe().catch(() => undefined);
		if (value) return value;
		await sleep(250);
	}
	throw new Error(`${what} did not happen within ${seconds} s`);
}

/** The reset token from the newest captured mail (quoted-printable HTML). */
const tokenFromMail = (mailFile) => {
	if (!fs.existsSync(mailFile)) return undefined;
	const decoded = fs
		.readFileSync(mailFile, 'utf8')
		.replace(/=\r?\n/g, '')
		.replace(/=([0-9A-F]{2})/g, (_match, hex) => String.fromCharCode(parseInt(hex, 16)));
	const tokens = [...decoded.matchAll(/[?&]token=([A-Za-z0-9._-]+)/g)].map((match) => match[1]);
	return tokens.at(-1);
};

const api = async (baseUrl, method, route, body, token) => {
	const response = await fetch(`${baseUrl}${route}`, {
		method,
		headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, json: text ? JSON.parse(text) : undefined };
};
const login = (baseUrl, email, password) => api(baseUrl, 'POST', '/auth/login', { email, password });

/**
 * Set Password against the real Directus, the packed node in a real n8n: an admin's static token,
 * a second user signed in; the set, then the user signs in with the new password and not the old,
 * and the session they had is gone (Directus ends every session but the caller's); the password
 * policy's refusal, an unknown email, a wrong token; then a sweep of n8n's user folder.
 */
async function setPasswordLegs(baseUrl) {
	const adminSession = (await login(baseUrl, ADMIN.email, NEW_PASSWORD)).json.data.access_token;
	const adminToken = `static-${crypto.randomBytes(12).toString('hex')}`;
	await api(baseUrl, 'PATCH', '/users/me', { token: adminToken }, adminSession);
	const user = { email: 'Grace@Example.com', password: 'Grace-original-pw-1' };
	const created = await api(baseUrl, 'POST', '/users', { email: user.email, password: user.password, status: 'active' }, adminSession);
	checks.check('a second user is created (admin API)', () => equal(created.status, 200, JSON.stringify(created.json)));
	const before = await login(baseUrl, user.email.toLowerCase(), user.password);
	const credential = { service: 'directus', baseUrl, directusAdminToken: adminToken };
	const node = await realNodeRunner({ credentials: { directus: credential, directusWrongToken: { ...credential, directusAdminToken: 'not-the-token' } } });
	const SET_PASSWORD = 'Grace-set-by-the-help-desk-3';
	const WEAK_PASSWORD = 'Long-enough-for-the-node-but-not-40';
	const set = (parameters, credentialName = 'directus') => node.setPassword(credentialName, parameters);
	const outcome = await set({ email: 'grace@example.com', newPassword: SET_PASSWORD });
	checks.check('Set Password (email in another case) → success, other sessions signed out', () =>
		equal([outcome.success, outcome.otherSessionsSignedOut, outcome.mustChangeAtNextSignIn], [true, true, false], JSON.stringify(outcome)));
	const withNew = await login(baseUrl, user.email.toLowerCase(), SET_PASSWORD);
	const withOld = await login(baseUrl, user.email.toLowerCase(), user.password);
	checks.check('after the set: the new password signs in (200), the old one is refused (401)', () => equal([withNew.status, withOld.status], [200, 401], 'logins'));
	const refreshed = await api(baseUrl, 'POST', '/auth/refresh', { refresh_token: before.json.data.refresh_token, mode: 'json' });
	checks.check("after the set: the user's earlier session is gone (its refresh is refused)", () => equal(refreshed.status >= 400, true, `refresh ${refreshed.status}`));

	await api(baseUrl, 'PATCH', '/settings', { auth_password_policy: '/^.{40,}$/' }, adminSession);
	const weak = await set({ email: user.email, newPassword: WEAK_PASSWORD });
	checks.check("Directus's password policy → weak_password", () => equal(weak, 'weak_password', 'policy'));
	await api(baseUrl, 'PATCH', '/settings', { auth_password_policy: null }, adminSession);
	const unknown = await set({ email: 'nobody@example.com', newPassword: SET_PASSWORD });
	checks.check('an unknown email → user_not_found', () => equal(unknown, 'user_not_found', 'unknown'));
	const wrongKey = await set({ email: user.email, newPassword: SET_PASSWORD }, 'directusWrongToken');
	checks.check('a wrong admin token → auth_failed', () => equal(wrongKey, 'auth_failed', 'wrong token'));
	const temporary = await set({ email: user.email, newPassword: SET_PASSWORD, options: { requireChange: true } });
	checks.check('Require Change at Next Sign-In → not_supported (Directus has none)', () => equal(temporary, 'not_supported', 'temporary'));
	const leaked = node.leaks({ adminToken, SET_PASSWORD, WEAK_PASSWORD, oldPassword: user.password });
	checks.check("Set Password: no secret anywhere in n8n's user folder (database, logs): the admin token, the set, refused and old passwords", () => equal(leaked, [], 'leaked'));
}

async function main() {
	const [directusDir, node22] = execFileSync('bash', [path.join(root, 'scripts/ensure-directus.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	})
		.trim()
		.split('\n');
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-directus-'));
	const mailFile = path.join(work, 'mail.txt');
	const sendmail = path.join(work, 'sendmail.sh');
	fs.writeFileSync(sendmail, `#!/bin/sh\ncat >> "${mailFile}"\necho >> "${mailFile}"\n`, { mode: 0o755 });
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const env = {
		...process.env,
		PATH: `${path.dirname(node22)}:${process.env.PATH}`,
		HOST: '127.0.0.1',
		PORT: String(port),
		PUBLIC_URL: baseUrl,
		KEY: crypto.randomUUID(),
		SECRET: crypto.randomBytes(32).toString('hex'),
		DB_CLIENT: 'sqlite3',
		DB_FILENAME: path.join(work, 'directus.db'),
		ADMIN_EMAIL: ADMIN.email,
		ADMIN_PASSWORD: ADMIN.password,
		EMAIL_TRANSPORT: 'sendmail',
		EMAIL_SENDMAIL_PATH: sendmail,
		EMAIL_FROM: 'directus@example.com',
		TELEMETRY: 'false',
		LOG_LEVEL: 'warn',
		CACHE_ENABLED: 'false',
	};
	const cli = path.join(directusDir, 'node_modules/directus/cli.js');
	execFileSync(node22, [cli, 'bootstrap'], { env, cwd: work, stdio: 'ignore' });
	const server = spawn(node22, [cli, 'start'], { env, cwd: work, stdio: 'ignore' });
	try {
		await waitFor('Directus start', async () => (await fetch(`${baseUrl}/server/ping`)).ok, 60);
		const credential = { service: 'directus', baseUrl };
		const run = async (parameters) => {
			const { output } = await runNode({ parameters, credential, onError: 'continueRegularOutput' });
			const { json } = output[0];
			return json.success ? 'success' : json.details.errorCode;
		};

		const sendOutcome = await run({ operation: 'sendResetEmail', email: ADMIN.email });
		checks.check('send reset email → success', () => equal(sendOutcome, 'success', 'send'));
		const token = await waitFor('the reset mail', async () => tokenFromMail(mailFile), 20);
		checks.check('the mail Directus wrote carries a reset token', () => equal(typeof token, 'string', 'token'));
		const reset = { operation: 'resetPassword', resetToken: token, newPassword: NEW_PASSWORD };
		const resetOutcome = await run(reset);
		checks.check('reset password → success', () => equal(resetOutcome, 'success', 'reset'));
		const login = await fetch(`${baseUrl}/auth/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ email: ADMIN.email, password: NEW_PASSWORD }),
		});
		checks.check('the new password logs in', () => equal(login.status, 200, 'login status'));
		const reuse = await run(reset);
		checks.check('reuse of the same token → invalid_or_expired_token', () => equal(reuse, 'invalid_or_expired_token', 'reuse'));
		const bogus = await run({ ...reset, resetToken: 'not.a.token' });
		checks.check('a malformed token → invalid_or_expired_token', () => equal(bogus, 'invalid_or_expired_token', 'bogus'));
		const unknown = await run({ operation: 'sendResetEmail', email: 'nobody@example.com' });
		checks.check('unknown email → the same neutral success', () => equal(unknown, 'success', 'unknown'));

		// A Base URL with a path Directus does not have: its ROUTE_NOT_FOUND is never "sent".
		const mailsBefore = fs.existsSync(mailFile) ? fs.readFileSync(mailFile, 'utf8').length : 0;
		const wrong = { service: 'directus', baseUrl: `${baseUrl}/api` };
		const wrongRun = async (parameters) => {
			const { output } = await runNode({ parameters, credential: wrong, onError: 'continueRegularOutput' });
			return output.map(({ json }) => (json.success ? 'success' : json.details.errorCode));
		};
		const wrongSends = [
			...(await wrongRun({ operation: 'sendResetEmail', email: ADMIN.email })),
			...(await wrongRun({ operation: 'sendResetEmail', email: 'nobody@example.com' })),
		];
		checks.check('wrong Base URL path: send → endpoint_not_found for a known and an unknown email', () =>
			equal(wrongSends, ['endpoint_not_found', 'endpoint_not_found'], 'wrong path send'));
		const wrongReset = await wrongRun({ ...reset, resetToken: 'not.a.token' });
		checks.check('wrong Base URL path: reset → endpoint_not_found', () => equal(wrongReset, ['endpoint_not_found'], 'wrong path reset'));
		const mailsAfter = fs.existsSync(mailFile) ? fs.readFileSync(mailFile, 'utf8').length : 0;
		checks.check('wrong Base URL path: no mail was written', () => equal(mailsAfter, mailsBefore, 'mail'));
		await setPasswordLegs(baseUrl);

		const rightTest = await testCredential(credential);
		checks.check('credential test, right Base URL → OK', () => equal(rightTest.status, 'OK', rightTest.message));
		const wrongTest = await testCredential(wrong);
		checks.check('credential test, wrong Base URL path → fails on its 404, saying to check the Base URL path', () =>
			equal(/^No endpoint of the chosen service at this Base URL \(HTTP 404\)\. Check the Base URL \(its path too/.test(wrongTest.message), true, wrongTest.message));
	} finally {
		server.kill();
	}
	checks.report('Directus');
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
