'use strict';
/**
 * The Vendure profile against a real Vendure 3.7.3 (tools/vendure: @vendure/core and
 * @vendure/testing on sql.js; test/real/vendureServer.cjs), the packed node inside a real n8n:
 * send (known, unknown: both `Success`), the token from Vendure's own PasswordResetEvent (what
 * its EmailPlugin mails), a password its policy refuses, reset, sign in with the new password and
 * not the old, reuse, a wrong Base URL, Stop, the credential test, a search of n8n's user folder
 * for every secret; then the sandbox's answers against the real ones. Prints "N passed, N failed".
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
const { vendure: profile } = require('../../dist/nodes/PasswordReset/services/vendure');

const root = path.resolve(__dirname, '../..');
// @vendure/testing's generated customers sign in with this password.
const OLD_PASSWORD = 'test';
const NEW_PASSWORD = 'SENTINEL-REAL-VENDURE-PW-5d2a!';
const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

async function startVendure(dir) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-vendure-'));
	const tokenFile = path.join(work, 'tokens.jsonl');
	const port = await freePort();
	const server = spawn(process.execPath, [path.join(__dirname, 'vendureServer.cjs')], { env: { ...process.env, VENDURE_DIR: dir, WORK_DIR: work, PORT: String(port), TOKEN_FILE: tokenFile }, stdio: ['ignore', 'pipe', 'pipe'] });
	let email;
	await waitUntilReady(server, (log) => (email = /^ready (\S+)$/m.exec(log)?.[1]), 120, 'Vendure');
	const events = () => (fs.existsSync(tokenFile) ? fs.readFileSync(tokenFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line)) : []);
	return { url: `http://127.0.0.1:${port}`, email, events, tokenFor: (address) => events().filter((event) => event.email === address).at(-1)?.token, stop: () => server.kill('SIGTERM') };
}

/** The Shop API's `login` mutation: `CurrentUser`, or the error result's `__typename`. */
const signIn = async (url, username, password) => {
	const response = await fetch(`${url}/shop-api`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }', variables: { u: username, p: password } }),
	});
	return (await response.json()).data?.login?.__typename;
};

async function main() {
	const dir = execFileSync('bash', [path.join(root, 'scripts/ensure-vendure.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
	const started = Date.now();
	const vendure = await startVendure(dir);
	const EMAIL = vendure.email;
	console.log(`Vendure on ${vendure.url} (${((Date.now() - started) / 1000).toFixed(1)} s), customer ${EMAIL}`);
	try {
		const credentials = {
			vendure: { service: 'vendure', baseUrl: vendure.url },
			vendureWrongBase: { service: 'vendure', baseUrl: `${vendure.url}/wrong` },
			// The Admin API as the send path: a GraphQL server without the Shop API's mutation.
			vendureAdminApi: { service: 'vendure', baseUrl: vendure.url, sendEmailPath: '/admin-api' },
		};
		const node = await realNodeRunner({ credentials });
		const send = (email = EMAIL, credential = 'vendure') => node.run({ credential, parameters: { operation: 'sendResetEmail', email } });
		const reset = (resetToken, newPassword = NEW_PASSWORD, onError) => node.run({ credential: 'vendure', parameters: { operation: 'resetPassword' }, secrets: { resetToken, newPassword }, onError });

		const sent = await send();
		const token = vendure.tokenFor(EMAIL);
		check('Send Reset Email → the neutral success; Vendure raised its PasswordResetEvent with a token', () => equal([sent.outcome, Boolean(token)], ['success', true], JSON.stringify(sent.output)));
		const eventsBefore = vendure.events().length;
		const unknown = await send('nobody@example.com');
		check('an unknown email → the same neutral success (Vendure answers `Success`), no event', () => equal([unknown.outcome, vendure.events().length - eventsBefore], ['success', 0], JSON.stringify(unknown.output)));
		const weak = await reset(token, 'abc');
		check("a password Vendure's policy refuses (under 4 characters) → weak_password, Vendure's reason in the message", () => {
			equal(weak.outcome, 'weak_password', JSON.stringify(weak.output));
			assert(/^Vendure refused the new password: \S/.test(weak.output[0]?.json.error ?? ''), weak.output[0]?.json.error);
		});
		const done = await reset(token);
		check('Reset Password with the token (not spent by the refusal) → success', () => equal(done.outcome, 'success', JSON.stringify(done.output)));
		const signIns = [await signIn(vendure.url, EMAIL, NEW_PASSWORD), await signIn(vendure.url, EMAIL, OLD_PASSWORD)];
		check('sign in with the new password works, the old one does not', () => equal(signIns, ['CurrentUser', 'InvalidCredentialsError'], 'sign in'));
		const reused = await reset(token);
		check('the same token again → invalid_or_expired_token (PASSWORD_RESET_TOKEN_INVALID_ERROR, at HTTP 200)', () => equal(reused.outcome, 'invalid_or_expired_token', JSON.stringify(reused.output)));
		const wrongBase = await send(EMAIL, 'vendureWrongBase');
		check('a wrong Base URL (…/wrong) → endpoint_not_found', () => equal(wrongBase.outcome, 'endpoint_not_found', JSON.stringify(wrongBase.output)));
		const adminApi = await send(EMAIL, 'vendureAdminApi');
		check("the Admin API instead of the Shop API → endpoint_not_found, naming the Shop API (Vendure's GRAPHQL_VALIDATION_FAILED)", () => {
			equal(adminApi.outcome, 'endpoint_not_found', JSON.stringify(adminApi.output));
			assert(/\/shop-api/.test(adminApi.output[0]?.json.error ?? ''), adminApi.output[0]?.json.error);
		});
		const stopped = await reset('no-such-token', NEW_PASSWORD, 'stop');
		check('under Stop, an unknown token stops the execution with invalid_or_expired_token', () => equal(stopped.outcome, 'stopped: invalid_or_expired_token', stopped.outcome));

		const probe = await testCredential(credentials.vendure);
		check('credential test: passes on the right Base URL', () => equal(probe.status, 'OK', probe.message));
		const wrongProbe = await testCredential(credentials.vendureWrongBase);
		check('credential test: a wrong Base URL fails', () => equal(wrongProbe.status, 'Error', wrongProbe.message));
		// The refused password ('abc') is too short to search for: three letters occur anywhere.
		check("no secret anywhere in n8n's user folder (database, logs): the new password, the token", () => equal(node.leaks({ NEW_PASSWORD, token }), [], 'leaked'));

		const graphql = (operation, variables) => ({ body: { query: profile.operations[operation].graphql, variables } });
		const rows = await sandboxParity({
			service: 'vendure',
			realBase: vendure.url,
			requests: [
				['send, a known email', '/shop-api', graphql('sendResetEmail', { emailAddress: EMAIL })],
				['send, an unknown email', '/shop-api', graphql('sendResetEmail', { emailAddress: 'nobody@example.com' })],
				['reset, a token neither issued', '/shop-api', graphql('resetPassword', { token: 'MjAyNi0xMi0wNlQxNDoyODoyMi44NDha_S4HXDPM429985NWK', password: 'Long-enough-pw-1' })],
				['the credential probe', '/shop-api', { body: profile.credentialTest.fields }],
				['a mutation the Shop API lacks', '/shop-api', { body: { query: 'mutation { setCustomerPassword(id: 1) { __typename } }' } }],
				['a path Vendure lacks', '/wrong/shop-api', { body: { query: '{ activeChannel { code } }' } }],
			],
		});
		for (const { name, real, sandbox } of rows) check(`sandbox plays Vendure: ${name} (${real.status} ${real.type})`, () => equal(sandbox, real, 'sandbox vs real'));
	} finally {
		vendure.stop();
	}
}

checks.run('real Vendure', main);
