'use strict';
/**
 * The Medusa profile against a real Medusa 2 (2.21.2, tools/medusa; Debian's PostgreSQL, Node.js
 * 22, admin off; the project is test/real/medusa-app, whose subscriber writes each
 * auth.password_reset event to a file, as a mailer would send it), the packed node inside a real
 * n8n: send (known, unknown), the token, reset (with a mistyped Email too: Medusa takes the account
 * from the token), sign in with the new password and not the old, reuse, a wrong Actor, a wrong
 * Base URL, Stop, the credential probe, a search of n8n's user folder for every secret; then the
 * sandbox's answers against the real ones. Prints "N passed, N failed".
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { testCredential } = require('../support/engine.cjs');
const { Checks, assert, equal } = require('../support/checks.cjs');
const { freePort } = require('../support/realN8n.cjs');
const { startPostgres } = require('../support/debianServices.cjs');
const { realNodeRunner } = require('../support/realNodeRunner.cjs');
const { answers, waitUntilReady } = require('../support/realServers.cjs');
const { sandboxParity } = require('../support/sandboxParity.cjs');

const root = path.resolve(__dirname, '../..');
const EMAIL = 'ada@example.com';
const OLD_PASSWORD = 'Original-pw-1234';
const NEW_PASSWORD = 'SENTINEL-REAL-MEDUSA-PW-6f4d!';
const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

async function startMedusa(dir, node22, databaseUrl) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-medusa-'));
	const appDir = path.join(work, 'app');
	fs.cpSync(path.join(__dirname, 'medusa-app'), appDir, { recursive: true });
	fs.symlinkSync(path.join(dir, 'node_modules'), path.join(appDir, 'node_modules'));
	const tokenFile = path.join(work, 'tokens.jsonl');
	const port = await freePort();
	const env = { ...process.env, DATABASE_URL: databaseUrl, TOKEN_FILE: tokenFile, PORT: String(port), NODE_ENV: 'development', MEDUSA_DISABLE_TELEMETRY: 'true' };
	const cli = path.join(dir, 'node_modules/@medusajs/cli/cli.js');
	execFileSync(node22, [cli, 'db:migrate'], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
	const server = spawn(node22, [cli, 'start'], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
	const url = `http://127.0.0.1:${port}`;
	await waitUntilReady(server, answers(`${url}/health`), 120, 'Medusa');
	/** The token of the newest auth.password_reset event for `email`. */
	const tokenFor = (email) =>
		(fs.existsSync(tokenFile) ? fs.readFileSync(tokenFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line)) : []).filter((event) => event.entity_id === email).at(-1)?.token;
	const eventCount = () => (fs.existsSync(tokenFile) ? fs.readFileSync(tokenFile, 'utf8').trim().split('\n').length : 0);
	return { url, tokenFor, eventCount, stop: () => server.kill('SIGTERM') };
}

async function main() {
	const [dir, node22] = execFileSync('bash', [path.join(root, 'scripts/ensure-medusa.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n');
	const postgres = await startPostgres();
	let medusa;
	try {
		const started = Date.now();
		medusa = await startMedusa(dir, node22, `postgres://postgres@127.0.0.1:${postgres.port}/n8n`);
		console.log(`Medusa on ${medusa.url} (${((Date.now() - started) / 1000).toFixed(1)} s, migrations included)`);
		const auth = (route, body) => fetch(`${medusa.url}/auth/customer/emailpass${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		const registered = await auth('/register', { email: EMAIL, password: OLD_PASSWORD });
		check('Medusa: a customer identity registers (emailpass)', () => equal(registered.status, 200, 'register'));
		const signIn = async (password) => (await auth('', { email: EMAIL, password })).status;

		const credentials = {
			medusa: { service: 'medusa', baseUrl: medusa.url, medusaActor: 'customer' },
			medusaWrongBase: { service: 'medusa', baseUrl: `${medusa.url}/store`, medusaActor: 'customer' },
		};
		const node = await realNodeRunner({ credentials });
		const send = (email = EMAIL, credential = 'medusa') => node.run({ credential, parameters: { operation: 'sendResetEmail', email } });
		const reset = (resetToken, email, onError) =>
			node.run({ credential: 'medusa', parameters: { operation: 'resetPassword', ...(email ? { email } : {}) }, secrets: { resetToken, newPassword: NEW_PASSWORD }, onError });

		const sent = await send();
		const token = medusa.tokenFor(EMAIL);
		check("Send Reset Email → the neutral success (Medusa's 201 Created); the subscriber got a token", () => equal([sent.outcome, Boolean(token)], ['success', true], JSON.stringify(sent.output)));
		const eventsBefore = medusa.eventCount();
		const unknown = await send('nobody@example.com');
		check('an unknown email → the same neutral success, no event', () => equal([unknown.outcome, medusa.eventCount() - eventsBefore], ['success', 0], JSON.stringify(unknown.output)));
		const done = await reset(token, 'mistyped@example.com');
		check("Reset Password with the token and a mistyped Email → success for the token's account; the output names no account", () => {
			equal(done.outcome, 'success', JSON.stringify(done.output));
			assert(!/mistyped|ada@/.test(JSON.stringify(done.output)), JSON.stringify(done.output));
		});
		const signIns = [await signIn(NEW_PASSWORD), await signIn(OLD_PASSWORD)];
		check('sign in with the new password works, the old one does not', () => equal(signIns, [200, 401], 'sign in'));
		const reused = await reset(token);
		check('the same token again → invalid_or_expired_token (single use)', () => equal(reused.outcome, 'invalid_or_expired_token', JSON.stringify(reused.output)));
		const wrongBase = await send(EMAIL, 'medusaWrongBase');
		check('a Base URL under /store (a publishable-key 400) → endpoint_not_found, saying so', () => {
			equal(wrongBase.outcome, 'endpoint_not_found', JSON.stringify(wrongBase.output));
			assert(/store API/.test(wrongBase.output[0]?.json.error ?? ''), wrongBase.output[0]?.json.error);
		});
		const stopped = await reset('no-such-token', undefined, 'stop');
		check('under Stop, an unknown token stops the execution with invalid_or_expired_token', () => equal(stopped.outcome, 'stopped: invalid_or_expired_token', stopped.outcome));

		const probe = await testCredential(credentials.medusa);
		check('credential test: passes on the right Base URL and Actor', () => equal(probe.status, 'OK', probe.message));
		const wrongProbe = await testCredential(credentials.medusaWrongBase);
		check('credential test: a Base URL under /store fails', () => equal(wrongProbe.status, 'Error', wrongProbe.message));
		check("no secret anywhere in n8n's user folder (database, logs): the new password, the token", () => equal(node.leaks({ NEW_PASSWORD, token }), [], 'leaked'));

		const rows = await sandboxParity({
			service: 'medusa',
			realBase: medusa.url,
			requests: [
				['send, a known email', '/auth/customer/emailpass/reset-password', { body: { identifier: EMAIL } }],
				['send, an unknown email', '/auth/customer/emailpass/reset-password', { body: { identifier: 'nobody@example.com' } }],
				['send, no identifier', '/auth/customer/emailpass/reset-password', { body: {} }],
				['reset, a token neither issued', '/auth/customer/emailpass/update', { body: { password: 'Long-enough-1' }, headers: { Authorization: 'Bearer no-such-token' } }],
			],
		});
		for (const { name, real, sandbox } of rows) check(`sandbox plays Medusa: ${name} (${real.status} ${real.type})`, () => equal(sandbox, real, 'sandbox vs real'));
	} finally {
		medusa?.stop();
		await postgres.stop();
	}
}

checks.run('real Medusa', main);
