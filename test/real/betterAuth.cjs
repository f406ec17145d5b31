'use strict';
/**
 * The Better Auth profiles against a real Better Auth (1.7.25, installed once into the cache by
 * scripts/ensure-better-auth.sh), not a mock: its memory adapter, its emailed-link flow and its
 * Email OTP plugin, served on loopback by its own Node handler. The mails its hooks send are
 * kept in memory. For each flow: send → the token from the mail → reset → sign in with the new
 * password → reuse the token → an unknown email (neutral, no mail); then the credential test
 * against the right and a wrong Base URL. The node runs on n8n's engine. Prints "N passed, N failed".
 */
const { execFileSync } = require('node:child_process');
const http = require('node:http');
const { createRequire } = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { runNode, testCredential } = require('../support/engine.cjs');
const { Checks, assert, equal } = require('../support/checks.cjs');
const { freePort } = require('../support/realN8n.cjs');

const root = path.resolve(__dirname, '../..');
const USER = { email: 'ada@example.com', password: 'Original-pw-1234', name: 'Ada' };
const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

/** Better Auth's modules, from its cached install. */
async function loadBetterAuth() {
	const dir = execFileSync('bash', [path.join(root, 'scripts/ensure-better-auth.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
	const resolve = createRequire(path.join(dir, 'package.json')).resolve;
	const load = (name) => import(pathToFileURL(resolve(name)).href);
	const [{ betterAuth }, { memoryAdapter }, { toNodeHandler }, { emailOTP }] = await Promise.all(
		['better-auth', 'better-auth/adapters/memory', 'better-auth/node', 'better-auth/plugins/email-otp'].map(load),
	);
	const { version } = require(path.join(dir, 'node_modules/better-auth/package.json'));
	return { betterAuth, memoryAdapter, toNodeHandler, emailOTP, version };
}

async function main() {
	const { betterAuth, memoryAdapter, toNodeHandler, emailOTP, version } = await loadBetterAuth();
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const mails = [];
	const auth = betterAuth({
		baseURL: origin,
		secret: 'password-reset-real-better-auth-secret-0123456789',
		database: memoryAdapter({ user: [], session: [], account: [], verification: [] }),
		trustedOrigins: [origin],
		emailAndPassword: {
			enabled: true,
			sendResetPassword: async ({ user, token }) => mails.push({ flow: 'link', to: user.email, token }),
		},
		plugins: [emailOTP({ sendVerificationOTP: async ({ email, otp, type }) => mails.push({ flow: 'otp', to: email, token: otp, type }) })],
	});
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

checks.run('real Better Auth', main);
