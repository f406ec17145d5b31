'use strict';
/**
 * The Ghost profile against a real Ghost 6.65 (npm `ghost`, its production dependencies pinned by
 * tools/ghost, SQLite, Node.js 22; scripts/ensure-ghost.sh), set up as a fresh site whose mail
 * goes through Ghost's own `sendmail` transport into a file. The packed node inside a real n8n:
 * send (known; unknown, which Ghost reveals), the token from the real reset email, a password
 * Ghost refuses, reset, sign in with the new password and not the old, reuse, a wrong Base URL,
 * Stop, the credential test, Ghost's own limit (5 tries an hour, then 429), a search of n8n's
 * user folder for every secret and Ghost's session cookie; then the sandbox's answers against the
 * real ones. Prints "N passed, N failed".
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { testCredential } = require('../support/engine.cjs');
const { Checks, assert, equal } = require('../support/checks.cjs');
const { freePort } = require('../support/realN8n.cjs');
const { realNodeRunner } = require('../support/realNodeRunner.cjs');
const { answers, waitUntilReady } = require('../support/realServers.cjs');
const { sandboxParity } = require('../support/sandboxParity.cjs');

const root = path.resolve(__dirname, '../..');
const EMAIL = 'ada@example.com';
// Ghost refuses passwords it finds insecure (`validate-password.js`): these pass.
const OLD_PASSWORD = 'Quiet-harbour-lantern-7319';
const NEW_PASSWORD = 'SENTINEL-Mossy-Canyon-PW-8e4b!';
// Long enough, but it holds the site's name: Ghost calls it insecure.
const INSECURE_PASSWORD = 'Real-Ghost-staff-password-2026';
const ADMIN = '/ghost/api/admin';
const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

/** The mails Ghost's `sendmail` transport wrote, each as its headers and its decoded text part. */
const readMails = (file) =>
	(fs.existsSync(file) ? fs.readFileSync(file, 'utf8').replace(/\r/g, '') : '')
		.split('\n--END-OF-MAIL--\n')
		.filter(Boolean)
		.map((raw) => {
			const part = /Content-Type: text\/plain[^\n]*\nContent-Transfer-Encoding: (\S+)\n\n([\s\S]*?)\n--/.exec(raw);
			const text = !part ? '' : part[1] === 'base64' ? Buffer.from(part[2].replace(/\s/g, ''), 'base64').toString('utf8') : part[2];
			return { to: /^To: (.*)$/m.exec(raw)?.[1], subject: /^Subject: (.*)$/m.exec(raw)?.[1], text };
		});

async function startGhost(dir, node22) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-ghost-'));
	const mailFile = path.join(work, 'mail.txt');
	const sendmail = path.join(work, 'sendmail.sh');
	fs.writeFileSync(sendmail, `#!/bin/sh\ncat >> '${mailFile}'\nprintf '\\n--END-OF-MAIL--\\n' >> '${mailFile}'\n`, { mode: 0o755 });
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const server = spawn(node22, ['index.js'], {
		cwd: dir,
		env: {
			...process.env,
			NODE_ENV: 'development',
			url,
			server__port: String(port),
			server__host: '127.0.0.1',
			database__connection__filename: path.join(work, 'ghost.db'),
			mail__transport: 'sendmail',
			mail__options__path: sendmail,
			logging__level: 'warn',
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	await waitUntilReady(server, answers(`${url}${ADMIN}/site/`), 180, 'Ghost');
	// A fresh site: its owner, as Ghost's setup screen makes it (the Admin API wants an Origin).
	const setup = await fetch(`${url}${ADMIN}/authentication/setup/`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Origin: url },
		body: JSON.stringify({ setup: [{ name: 'Ada', email: EMAIL, password: OLD_PASSWORD, blogTitle: 'Real Ghost' }] }),
	});
	if (setup.status !== 201) throw new Error(`Ghost setup answered ${setup.status}: ${await setup.text()}`);
	const tokenFor = (email) => {
		const mail = readMails(mailFile).filter((entry) => entry.to === email && entry.subject === 'Reset Password').at(-1);
		return /\/ghost\/reset\/([^/\s\]]+)\//.exec(mail?.text ?? '')?.[1];
	};
	return { url, tokenFor, mailCount: () => readMails(mailFile).length, stop: () => server.kill('SIGTERM') };
}

/** Ghost's staff sign-in: 201 with the password, 422 without. */
const signIn = async (url, password) =>
	(await fetch(`${url}${ADMIN}/session/`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: url }, body: JSON.stringify({ username: EMAIL, password }) })).status;

async function main() {
	const [dir, node22] = execFileSync('bash', [path.join(root, 'scripts/ensure-ghost.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n');
	const started = Date.now();
	const ghost = await startGhost(dir, node22);
	console.log(`Ghost on ${ghost.url} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	try {
		const credentials = { ghost: { service: 'ghost', baseUrl: ghost.url }, ghostWrongBase: { service: 'ghost', baseUrl: `${ghost.url}/blog` } };
		const node = await realNodeRunner({ credentials });
		const send = (email = EMAIL, credential = 'ghost') => node.run({ credential, parameters: { operation: 'sendResetEmail', email } });
		const reset = (resetToken, newPassword = NEW_PASSWORD, onError) => node.run({ credential: 'ghost', parameters: { operation: 'resetPassword' }, secrets: { resetToken, newPassword }, onError });

		// Ghost allows 5 reset requests an hour from one address (`spam.global_reset`): this suite makes exactly 5 before it checks the 6th.
		const sent = await send();
		const token = ghost.tokenFor(EMAIL);
		check('Send Reset Email → success; Ghost mailed its reset link (1st of 5 tries)', () => equal([sent.outcome, Boolean(token)], ['success', true], JSON.stringify(sent.output)));
		const mailsBefore = ghost.mailCount();
		const unknown = await send('nobody@example.com');
		const revealed = await node.run({ credential: 'ghost', parameters: { operation: 'sendResetEmail', email: 'nobody@example.com', options: { revealUnknownAccounts: true } } });
		check('an unknown email (Ghost\'s 404 "User not found.") → the neutral success, and user_not_found with Reveal Unknown Accounts; no mail (2nd and 3rd)', () =>
			equal([unknown.outcome, revealed.outcome, ghost.mailCount() - mailsBefore], ['success', 'user_not_found', 0], JSON.stringify([unknown.output, revealed.output])));
		const weak = await reset(token, 'Short-9');
		check("a password under 10 characters → weak_password, Ghost's reason in the message", () => {
			equal(weak.outcome, 'weak_password', JSON.stringify(weak.output));
			assert(/^Ghost refused the new password: Your password must be at least 10 characters long/.test(weak.output[0]?.json.error ?? ''), weak.output[0]?.json.error);
		});
		const insecure = await reset(token, INSECURE_PASSWORD);
		check('a password holding the site\'s name → weak_password ("Sorry, you cannot use an insecure password.")', () => {
			equal(insecure.outcome, 'weak_password', JSON.stringify(insecure.output));
			assert(/insecure password/.test(insecure.output[0]?.json.error ?? ''), insecure.output[0]?.json.error);
		});
		const done = await reset(token);
		check('Reset Password with the token from the mail (not spent by the refusal) → success', () => equal(done.outcome, 'success', JSON.stringify(done.output)));
		const signIns = [await signIn(ghost.url, NEW_PASSWORD), await signIn(ghost.url, OLD_PASSWORD)];
		check('sign in with the new password works (201), the old one does not (422)', () => equal(signIns, [201, 422], 'sign in'));
		const reused = await reset(token);
		check('the same token again → invalid_or_expired_token ("already been used")', () => equal(reused.outcome, 'invalid_or_expired_token', JSON.stringify(reused.output)));
		const wrongBase = await send(EMAIL, 'ghostWrongBase');
		check('a wrong Base URL (…/blog) → endpoint_not_found', () => equal(wrongBase.outcome, 'endpoint_not_found', JSON.stringify(wrongBase.output)));
		const stopped = await reset('bm8tc3VjaC10b2tlbg', NEW_PASSWORD, 'stop');
		check('under Stop, an undecodable token stops the execution with invalid_or_expired_token', () => equal(stopped.outcome, 'stopped: invalid_or_expired_token', stopped.outcome));
		const probe = await testCredential(credentials.ghost);
		check('credential test: passes on the right Base URL', () => equal(probe.status, 'OK', probe.message));
		const wrongProbe = await testCredential(credentials.ghostWrongBase);
		check('credential test: a wrong Base URL fails', () => equal(wrongProbe.status, 'Error', wrongProbe.message));

		const rows = await sandboxParity({
			service: 'ghost',
			realBase: ghost.url,
			requests: [
				['send, a known email (4th)', `${ADMIN}/authentication/password_reset/`, { body: { password_reset: [{ email: EMAIL }] } }],
				['send, an unknown email (5th)', `${ADMIN}/authentication/password_reset/`, { body: { password_reset: [{ email: 'nobody@example.com' }] } }],
				['reset, a token neither issued', `${ADMIN}/authentication/password_reset/`, { method: 'PUT', body: { password_reset: [{ token: 'bm8tc3VjaC10b2tlbg', newPassword: 'Long-enough-pw-1', ne2Password: 'Long-enough-pw-1' }] } }],
				['the credential probe', `${ADMIN}/site/`, { method: 'GET' }],
			],
		});
		for (const { name, real, sandbox } of rows) check(`sandbox plays Ghost: ${name} (${real.status} ${real.type})`, () => equal(sandbox, real, 'sandbox vs real'));
		const limited = await send();
		check("the 6th reset request within the hour → rate_limited (Ghost's 429 TooManyRequestsError)", () => equal(limited.outcome, 'rate_limited', JSON.stringify(limited.output)));
		check("no secret anywhere in n8n's user folder (database, logs): the new password, the refused ones, the token, Ghost's session cookie", () =>
			equal(node.leaks({ NEW_PASSWORD, weak: 'Short-9', INSECURE_PASSWORD, token, session: 'ghost-admin-api-session' }), [], 'leaked'));
	} finally {
		ghost.stop();
	}
}

checks.run('real Ghost', main);
