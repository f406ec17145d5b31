'use strict';
/**
 * The Better Auth profiles against a real Better Auth (1.7.25, installed once into the cache by
 * scripts/ensure-better-auth.sh), not a mock: its memory adapter, its emailed-link flow and its
 * Email OTP plugin, served on loopback by its own Node handler. The mails its hooks send are
 * kept in memory. For each flow: send → the token from the mail → reset → sign in with the new
 * password → reuse the token → an unknown email (neutral, no mail); then the credential test
 * against the right and a wrong Base URL. The node runs on n8n's engine for those; Set Password
 * (the admin plugin) runs the packed node in a real n8n. Then n8n as the mailer:
 * a second Better Auth forwards its reset messages through examples/forwarders/betterAuthToN8n.mjs
 * to the Password Reset Trigger in a real n8n (`n8n start`), which mails them (Send Email, the SMTP
 * sink); the node finishes each reset with the mailed token. Prints "N passed, N failed".
 */
const { execFileSync } = require('node:child_process');
const http = require('node:http');
const { createRequire } = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { runNode, testCredential } = require('../support/engine.cjs');
const { Checks, assert, equal } = require('../support/checks.cjs');
const fs = require('node:fs');
const crypto = require('node:crypto');
const { freePort, prepareN8n, waitForWebhook } = require('../support/realN8n.cjs');
const { realNodeRunner } = require('../support/realNodeRunner.cjs');
const { SmtpSink } = require('../support/smtpSink.cjs');
const { mailerWorkflow, hookCredentials, webhookIdOf } = require('../e2e/triggerWorkflows.cjs');
const { smtpCredential } = require('../e2e/workflows.cjs');

const root = path.resolve(__dirname, '../..');
const USER = { email: 'ada@example.com', password: 'Original-pw-1234', name: 'Ada' };
const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

/** Better Auth's modules, from its cached install. */
async function loadBetterAuth() {
	const dir = execFileSync('bash', [path.join(root, 'scripts/ensure-better-auth.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
	const resolve = createRequire(path.join(dir, 'package.json')).resolve;
	const load = (name) => import(pathToFileURL(resolve(name)).href);
	const [{ betterAuth }, { memoryAdapter }, { toNodeHandler }, { emailOTP }, { admin }, { bearer }] = await Promise.all(
		['better-auth', 'better-auth/adapters/memory', 'better-auth/node', 'better-auth/plugins/email-otp', 'better-auth/plugins/admin', 'better-auth/plugins/bearer'].map(load),
	);
	const { version } = require(path.join(dir, 'node_modules/better-auth/package.json'));
	return { betterAuth, memoryAdapter, toNodeHandler, emailOTP, admin, bearer, version };
}

/**
 * A Better Auth on `origin` (memory adapter, `tables`) whose reset messages go to `sendResetPassword`
 * and, through its Email OTP plugin, to `sendVerificationOTP`; with the admin plugin (Set Password)
 * and the bearer plugin (an admin's session token as a Bearer token).
 */
const betterAuthApp = ({ betterAuth, memoryAdapter, emailOTP, admin, bearer }, origin, { sendResetPassword, sendVerificationOTP }, tables = { user: [], session: [], account: [], verification: [] }) =>
	betterAuth({
		baseURL: origin,
		secret: 'password-reset-real-better-auth-secret-0123456789',
		database: memoryAdapter(tables),
		trustedOrigins: [origin],
		emailAndPassword: { enabled: true, sendResetPassword },
		plugins: [emailOTP({ sendVerificationOTP }), admin(), bearer()],
	});

/**
 * Set Password through the admin plugin, with an admin's session token, the packed node in a
 * real n8n: the user signed in first; a set keeps that session (Better Auth revokes none), a set
 * with Sign Out Other Sessions ends it; each time the new password signs in and the old does not;
 * Better Auth's length rule, an unknown email, a wrong token, Require Change at Next Sign-In (not
 * offered); then a sweep of n8n's user folder.
 */
async function setPasswordLegs({ auth, tables, baseUrl, signsInWith, currentPassword }) {
	await auth.api.signUpEmail({ body: { email: 'help-desk@example.com', password: 'Admin-password-1234', name: 'Help desk' } });
	tables.user.find((user) => user.email === 'help-desk@example.com').role = 'admin';
	const adminToken = (await auth.api.signInEmail({ body: { email: 'help-desk@example.com', password: 'Admin-password-1234' } })).token;
	const userSession = (await auth.api.signInEmail({ body: { email: USER.email, password: currentPassword } })).token;
	const sessionAlive = async () => Boolean(await auth.api.getSession({ headers: new Headers({ authorization: `Bearer ${userSession}` }) }));
	const credential = { service: 'betterAuth', baseUrl, betterAuthAdminToken: adminToken };
	const node = await realNodeRunner({ credentials: { betterAuthAdmin: credential, betterAuthWrongToken: { ...credential, betterAuthAdminToken: 'not-a-session' } } });
	const passwords = ['Set-by-the-help-desk-1', 'Set-by-the-help-desk-2'];
	const WEAK_PASSWORD = 'seven77';
	const set = (parameters, credentialName = 'betterAuthAdmin') => node.setPassword(credentialName, parameters);
	const kept = await set({ email: 'Ada@Example.com', newPassword: passwords[0] });
	check('Set Password (the email in another case) → success; sessions kept, as the item says', () => equal([kept.success, kept.otherSessionsSignedOut], [true, false], JSON.stringify(kept)));
	const [withNew, withOld] = [await signsInWith(passwords[0]), await signsInWith(currentPassword)];
	check('after the set: the new password signs in, the old one is refused', () => equal([withNew, withOld], [true, false], 'sign-ins'));
	const aliveAfterKeep = await sessionAlive();
	const signedOut = await set({ email: USER.email, newPassword: passwords[1], options: { signOutOthers: true } });
	const aliveAfterSignOut = await sessionAlive();
	check("Sign Out Other Sessions: the user's earlier session lives after a plain set and ends after this one (the admin plugin's revoke)", () =>
		equal([aliveAfterKeep, signedOut.otherSessionsSignedOut, aliveAfterSignOut], [true, true, false], 'sessions'));
	const weak = await set({ email: USER.email, newPassword: WEAK_PASSWORD });
	check("Better Auth's minimum length → weak_password", () => equal(weak, 'weak_password', 'short'));
	const unknown = await set({ email: 'nobody@example.com', newPassword: passwords[1] });
	check('an unknown email → user_not_found', () => equal(unknown, 'user_not_found', 'unknown'));
	const wrong = await set({ email: USER.email, newPassword: passwords[1] }, 'betterAuthWrongToken');
	check('a wrong admin session token → auth_failed', () => equal(wrong, 'auth_failed', 'wrong token'));
	const temporary = await set({ email: USER.email, newPassword: passwords[1], options: { requireChange: true } });
	check('Require Change at Next Sign-In → not_supported (Better Auth has none)', () => equal(temporary, 'not_supported', 'temporary'));
	const leaked = node.leaks({ adminToken, userSession, firstSet: passwords[0], secondSet: passwords[1], WEAK_PASSWORD, oldPassword: currentPassword });
	check("Set Password: no secret anywhere in n8n's user folder (database, logs): the admin and user sessions, the set, refused and old passwords", () => equal(leaked, [], 'leaked'));
	return passwords[1];
}

async function main() {
	const modules = await loadBetterAuth();
	const { toNodeHandler, version } = modules;
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const mails = [];
	const tables = { user: [], session: [], account: [], verification: [] };
	const auth = betterAuthApp(
		modules,
		origin,
		{
			sendResetPassword: async ({ user, token }) => mails.push({ flow: 'link', to: user.email, token }),
			sendVerificationOTP: async ({ email, otp, type }) => mails.push({ flow: 'otp', to: email, token: otp, type }),
		},
		tables,
	);
	await auth.api.signUpEmail({ body: USER });
	const server = http.createServer(toNodeHandler(auth));
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	const baseUrl = `${origin}/api/auth`;
	console.log(`Better Auth ${version} on ${baseUrl}`);

	const signsInWith = async (password) => {
		try {
			await auth.api.signInEmail({ body: { email: USER.email, password } });
			return true;
		} catch {
			return false;
		}
	};
	const outcome = ({ output }) => (output[0].json.success ? 'success' : output[0].json.details?.errorCode);
	try {
		const flows = [
			['betterAuth', 'link', 'New-link-password-1', { betterAuthRedirectTo: '/reset-password' }],
			['betterAuthEmailOtp', 'otp', 'New-otp-password-2', {}],
		];
		for (const [service, flow, newPassword, fields] of flows) {
			const credential = { service, baseUrl, ...fields };
			const run = (parameters) => runNode({ parameters, credential, onError: 'continueRegularOutput' });
			const before = mails.length;
			const sent = await run({ operation: 'sendResetEmail', email: USER.email });
			check(`${service}: Send Reset Email → the neutral success`, () => equal(outcome(sent), 'success', 'send'));
			const mail = mails.slice(before).find((entry) => entry.flow === flow && entry.to === USER.email);
			check(`${service}: Better Auth's hook sent one mail with a token`, () => assert(mail?.token, `mails: ${JSON.stringify(mails.slice(before).map((entry) => entry.flow))}`));
			const reset = { operation: 'resetPassword', email: USER.email, resetToken: mail?.token ?? '', newPassword };
			const first = await run(reset);
			check(`${service}: Reset Password with the mailed token → success`, () => equal(outcome(first), 'success', JSON.stringify(first.output[0].json)));
			const signedIn = await signsInWith(newPassword);
			check(`${service}: sign in with the new password works`, () => assert(signedIn, 'sign-in failed'));
			const again = await run(reset);
			check(`${service}: the same token again → invalid_or_expired_token`, () => equal(outcome(again), 'invalid_or_expired_token', JSON.stringify(again.output[0].json)));
			const unknownBefore = mails.length;
			const unknown = await run({ operation: 'sendResetEmail', email: 'nobody@example.com' });
			check(`${service}: an unknown email → the same neutral success, no mail`, () =>
				equal([outcome(unknown), mails.length - unknownBefore], ['success', 0], 'unknown email'));
		}
		await setPasswordLegs({ auth, tables, baseUrl, signsInWith, currentPassword: flows.at(-1)[2] });
		const weak = await runNode({
			parameters: { operation: 'resetPassword', resetToken: 'no-such-token', newPassword: 'short' },
			credential: { service: 'betterAuth', baseUrl },
			onError: 'continueRegularOutput',
		});
		check('betterAuth: a 5-character password → weak_password (checked before the token)', () => equal(outcome(weak), 'weak_password', JSON.stringify(weak.output[0].json)));
		const right = await testCredential({ service: 'betterAuth', baseUrl });
		check('credential test: the right Base URL passes (GET /ok)', () => equal(right.status, 'OK', right.message));
		const wrong = await testCredential({ service: 'betterAuth', baseUrl: origin });
		check('credential test: the Base URL without /api/auth fails on its 404, saying to check the Base URL path', () =>
			assert(wrong.status === 'Error' && /^No endpoint of the chosen service at this Base URL \(HTTP 404\)\. Check the Base URL \(its path too/.test(wrong.message), JSON.stringify(wrong)));
		const wrongPath = await runNode({
			parameters: { operation: 'sendResetEmail', email: USER.email },
			credential: { service: 'betterAuth', baseUrl: origin },
			onError: 'continueRegularOutput',
		});
		check('a Base URL without /api/auth → endpoint_not_found, never "sent"', () => equal(outcome(wrongPath), 'endpoint_not_found', JSON.stringify(wrongPath.output[0].json)));
	} finally {
		server.closeAllConnections?.();
		await new Promise((resolve) => server.close(resolve));
	}
}

/** The trigger's mail: one `name=value` line each. */
const DELIVERY = '=type={{ $json.type }}\ncode={{ $json.code }}\nlink={{ $json.link }}';

/**
 * n8n as Better Auth's mailer: Better Auth → toN8n (examples/forwarders) → the Password Reset
 * Trigger in a real n8n → Send Email → the sink; the token or code from that mail resets.
 */
async function triggerLeg(modules) {
	const { toNodeHandler } = modules;
	const smtp = new SmtpSink();
	const smtpPort = await smtp.listen();
	const instance = prepareN8n({ logLevel: 'info' });
	const secret = `whsec_${crypto.randomBytes(32).toString('base64')}`;
	const credentialsFile = path.join(instance.userFolder, 'credentials.json');
	fs.writeFileSync(
		credentialsFile,
		JSON.stringify([
			...hookCredentials({ betterAuth: secret }),
			smtpCredential(smtpPort),
		]),
	);
	const imported = await instance.n8n('import:credentials', `--input=${credentialsFile}`);
	fs.rmSync(credentialsFile);
	const workflow = mailerWorkflow({ id: 'prBetterAuthMailer', name: 'Better Auth resets through n8n', service: 'betterAuth', email: { subject: 'Reset your password', text: DELIVERY } });
	const workflowFile = path.join(instance.userFolder, 'workflow.json');
	fs.writeFileSync(workflowFile, JSON.stringify(workflow));
	const importedWorkflow = await instance.n8n('import:workflow', `--input=${workflowFile}`);
	const published = await instance.n8n('publish:workflow', `--id=${workflow.id}`);
	check('trigger: the Better Auth mailer workflow imported and published in n8n', () =>
		assert([imported, importedWorkflow, published].every((result) => result.status === 0), [imported, importedWorkflow, published].map((result) => result.stderr).join('\n')));
	const n8n = await instance.start();
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const { toN8n } = await import(pathToFileURL(path.join(root, 'examples/forwarders/betterAuthToN8n.mjs')).href);
	const hookUrl = `${n8n.url}/webhook/${webhookIdOf(workflow.id)}/password-reset`;
	let send = toN8n({ url: hookUrl, secret });
	// The forwarding of docs/trigger.md, as written there.
	const auth = betterAuthApp(modules, origin, {
		sendResetPassword: ({ user, url, token }) => send('better_auth.password_reset', { email: user.email, name: user.name, user_id: user.id, link: url, token }),
		sendVerificationOTP: ({ email, otp, type }) => send(`better_auth.otp.${type}`, { email, code: otp }),
	});
	await auth.api.signUpEmail({ body: USER });
	const server = http.createServer(toNodeHandler(auth));
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	const baseUrl = `${origin}/api/auth`;
	const outcome = ({ output }) => (output[0].json.success ? 'success' : (output[0].json.details?.errorCode ?? output[0].json.error?.errorCode));
	const mailAfter = async (count) => {
		for (const deadline = Date.now() + 20_000; Date.now() < deadline && smtp.messages.length <= count; ) await new Promise((resolve) => setTimeout(resolve, 200));
		return smtp.messages[count]?.text;
	};
	try {
		await waitForWebhook(hookUrl);
		const flows = [
			['betterAuth', 'New-trigger-link-password-3', { betterAuthRedirectTo: '/reset-password' }, (text) => /link=\S*\/reset-password\/([^?\s]+)/.exec(text)?.[1]],
			['betterAuthEmailOtp', 'New-trigger-otp-password-4', {}, (text) => /code=(\d+)/.exec(text)?.[1]],
		];
		for (const [service, newPassword, fields, tokenIn] of flows) {
			const credential = { service, baseUrl, ...fields };
			const run = (parameters) => runNode({ parameters, credential, onError: 'continueRegularOutput' });
			const before = smtp.messages.length;
			const sent = await run({ operation: 'sendResetEmail', email: USER.email });
			const text = await mailAfter(before);
			check(`trigger ${service}: Send Reset Email → Better Auth → toN8n → the trigger in n8n → one mail, type password_reset`, () =>
				assert(outcome(sent) === 'success' && text && /type=password_reset/.test(text) && tokenIn(text), `${outcome(sent)}; ${text ?? 'no mail'}`));
			const reset = await run({ operation: 'resetPassword', email: USER.email, resetToken: tokenIn(text ?? '') ?? '', newPassword });
			check(`trigger ${service}: Reset Password with the token n8n mailed → success`, () => equal(outcome(reset), 'success', JSON.stringify(reset.output[0].json)));
		}
		// The forwarder with a secret n8n does not hold: n8n refuses it (401) and toN8n throws. Better
		// Auth logs that and still answers its neutral success (as for an unknown email): the node
		// cannot tell, and says what Better Auth said. Only n8n's and Better Auth's logs show it.
		const forwarderErrors = [];
		const wrongSecret = toN8n({ url: hookUrl, secret: `whsec_${crypto.randomBytes(32).toString('base64')}` });
		send = (...message) => wrongSecret(...message).catch((error) => (forwarderErrors.push(error.message), Promise.reject(error)));
		const before = smtp.messages.length;
		const refused = await runNode({ parameters: { operation: 'sendResetEmail', email: USER.email }, credential: { service: 'betterAuth', baseUrl, betterAuthRedirectTo: '/reset-password' }, onError: 'continueRegularOutput' });
		await new Promise((resolve) => setTimeout(resolve, 1000));
		check("trigger: a forwarder signing with another secret → n8n refuses it (401, no mail) and toN8n throws; Better Auth still answers its neutral success (its own choice: it hides whether a mail went out)", () =>
			equal([forwarderErrors, smtp.messages.length - before, outcome(refused)], [['The Password Reset Trigger answered 401'], 0, 'success'], 'forwarder errors, mails, node outcome'));
	} finally {
		server.closeAllConnections?.();
		await new Promise((resolve) => server.close(resolve));
		await n8n.stop();
		await smtp.close();
	}
}

checks.run('real Better Auth', async () => {
	await main();
	await triggerLeg(await loadBetterAuth());
});
