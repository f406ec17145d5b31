'use strict';
/**
 * The AWS Cognito profile against cognito-local (5.3.0, tools/cognito-local), the packed node
 * inside a real n8n: a pool whose usernames are emails, an app client without a secret and one
 * with. Send (known, unknown, unknown revealed), a wrong code, the mailed code, sign in with the
 * new password and not the old, reuse, the client with a secret (SecretHash computed; the
 * emulator does not check it), an unknown app client, a wrong Base URL, Stop; the credential
 * probe; then a search of n8n's user folder for every secret. Prints "N passed, N failed".
 * What the emulator cannot show: a wrong SecretHash and a password policy (it checks neither).
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

const root = path.resolve(__dirname, '../..');
const EMAIL = 'ada@example.com';
const OLD_PASSWORD = 'Original-pw-1!';
const SECRETS = { newPassword: 'SENTINEL-REAL-COGNITO-PW-4c2a!', clientSecret: '' };
const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

async function startCognitoLocal(dir) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-cognito-'));
	const port = await freePort();
	fs.mkdirSync(path.join(work, '.cognito'));
	fs.writeFileSync(path.join(work, '.cognito', 'config.json'), JSON.stringify({ ServerConfig: { hostname: '127.0.0.1', port } }));
	const server = spawn(process.execPath, [path.join(dir, 'node_modules/cognito-local/lib/bin/start.js')], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
	const url = `http://127.0.0.1:${port}`;
	await waitUntilReady(server, answers(`${url}/health`), 30, 'cognito-local');
	/** One call of Cognito's JSON API. */
	const call = async (operation, body) => {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
			body: JSON.stringify(body),
		});
		return { status: response.status, body: await response.json() };
	};
	/** The code ForgotPassword stored for the user (the emulator's database file). */
	const codeOf = (poolId, email) => {
		const db = JSON.parse(fs.readFileSync(path.join(work, '.cognito', 'db', `${poolId}.json`), 'utf8'));
		return Object.values(db.Users).find((user) => user.Attributes.some((attribute) => attribute.Name === 'email' && attribute.Value === email))?.ConfirmationCode;
	};
	return { url, call, codeOf, stop: () => server.kill('SIGTERM') };
}

async function main() {
	const dir = execFileSync('bash', [path.join(root, 'scripts/ensure-cognito-local.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
	const cognito = await startCognitoLocal(dir);
	try {
		const pool = (await cognito.call('CreateUserPool', { PoolName: 'password-reset', UsernameAttributes: ['email'] })).body.UserPool.Id;
		const publicClient = (await cognito.call('CreateUserPoolClient', { UserPoolId: pool, ClientName: 'public' })).body.UserPoolClient.ClientId;
		const secretClient = (await cognito.call('CreateUserPoolClient', { UserPoolId: pool, ClientName: 'with-secret', GenerateSecret: true })).body.UserPoolClient;
		SECRETS.clientSecret = secretClient.ClientSecret;
		await cognito.call('AdminCreateUser', { UserPoolId: pool, Username: EMAIL, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: EMAIL }, { Name: 'email_verified', Value: 'true' }] });
		const setPassword = await cognito.call('AdminSetUserPassword', { UserPoolId: pool, Username: EMAIL, Password: OLD_PASSWORD, Permanent: true });
		check('cognito-local: a pool, two app clients and a confirmed user', () => assert(pool && publicClient && SECRETS.clientSecret && setPassword.status === 200, JSON.stringify(setPassword)));
		const signIn = async (password) => (await cognito.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: publicClient, AuthParameters: { USERNAME: EMAIL, PASSWORD: password } })).status;

		const credentials = {
			cognito: { service: 'cognito', baseUrl: cognito.url, cognitoClientId: publicClient },
			cognitoSecret: { service: 'cognito', baseUrl: cognito.url, cognitoClientId: secretClient.ClientId, cognitoClientSecret: SECRETS.clientSecret },
			cognitoUnknownClient: { service: 'cognito', baseUrl: cognito.url, cognitoClientId: 'no-such-client' },
			cognitoWrongBase: { service: 'cognito', baseUrl: `${cognito.url}/v1`, cognitoClientId: publicClient },
		};
		const node = await realNodeRunner({ credentials });
		const send = (credential, email = EMAIL, options = {}) => node.run({ credential, parameters: { operation: 'sendResetEmail', email, options } });
		const reset = (credential, resetToken, newPassword = SECRETS.newPassword) =>
			node.run({ credential, parameters: { operation: 'resetPassword', email: EMAIL }, secrets: { resetToken, newPassword } });

		const sent = await send('cognito');
		const code = cognito.codeOf(pool, EMAIL);
		check('Send Reset Email → the neutral success; Cognito stored a code', () => equal([sent.outcome, /^\d{6}$/.test(code ?? '')], ['success', true], JSON.stringify(sent.output)));
		const unknown = await send('cognito', 'nobody@example.com');
		check('an unknown email → the same neutral success', () => equal(unknown.outcome, 'success', JSON.stringify(unknown.output)));
		const revealed = await send('cognito', 'nobody@example.com', { revealUnknownAccounts: true });
		check("an unknown email with Reveal Unknown Accounts → user_not_found (the emulator's UserNotFoundException)", () => equal(revealed.outcome, 'user_not_found', JSON.stringify(revealed.output)));
		const wrongCode = await reset('cognito', code === '000000' ? '111111' : '000000');
		check('a wrong code → invalid_or_expired_token (CodeMismatchException)', () => equal(wrongCode.outcome, 'invalid_or_expired_token', JSON.stringify(wrongCode.output)));
		const done = await reset('cognito', code);
		check('Reset Password with the code → success', () => equal(done.outcome, 'success', JSON.stringify(done.output)));
		const signIns = [await signIn(SECRETS.newPassword), await signIn(OLD_PASSWORD)];
		check('sign in with the new password works, the old one does not', () => equal(signIns, [200, 400], 'sign in'));
		const reused = await reset('cognito', code);
		check('the same code again → invalid_or_expired_token', () => equal(reused.outcome, 'invalid_or_expired_token', JSON.stringify(reused.output)));

		const secretSent = await send('cognitoSecret');
		const secretCode = cognito.codeOf(pool, EMAIL);
		const secretReset = await reset('cognitoSecret', secretCode, `${SECRETS.newPassword}2`);
		check('an app client with a secret: send and reset succeed (SecretHash computed; the emulator does not check it)', () =>
			equal([secretSent.outcome, secretReset.outcome], ['success', 'success'], JSON.stringify([secretSent.output, secretReset.output])));

		const unknownClient = await send('cognitoUnknownClient');
		check('an unknown app client (400 ResourceNotFoundException) → invalid_input naming the App Client ID', () => {
			equal(unknownClient.outcome, 'invalid_input', JSON.stringify(unknownClient.output));
			assert(/App Client ID/.test(unknownClient.output[0]?.json.error ?? ''), unknownClient.output[0]?.json.error);
		});
		const wrongBase = await send('cognitoWrongBase');
		check('a Base URL with a path the emulator does not serve → endpoint_not_found', () => equal(wrongBase.outcome, 'endpoint_not_found', JSON.stringify(wrongBase.output)));
		const stopped = await node.run({ credential: 'cognito', parameters: { operation: 'resetPassword', email: EMAIL }, secrets: { resetToken: '000000', newPassword: SECRETS.newPassword }, onError: 'stop' });
		check('under Stop, a wrong code stops the execution with invalid_or_expired_token', () => equal(stopped.outcome, 'stopped: invalid_or_expired_token', stopped.outcome));

		const probe = await testCredential(credentials.cognito);
		check('credential test against the emulator: passes', () => equal(probe.status, 'OK', probe.message));
		const wrongProbe = await testCredential({ ...credentials.cognito, baseUrl: 'http://127.0.0.1:9' });
		check('credential test, nothing listening → fails', () => equal(wrongProbe.status, 'Error', wrongProbe.message));

		const leaks = node.leaks({ ...SECRETS, secondPassword: `${SECRETS.newPassword}2`, code, secretCode });
		check("no secret anywhere in n8n's user folder (database, logs): the new passwords, the codes, the client secret", () => equal(leaks, [], 'leaked'));
	} finally {
		cognito.stop();
	}
}

checks.run('real Cognito (cognito-local)', main);
