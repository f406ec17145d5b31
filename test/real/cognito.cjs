'use strict';
/**
 * The AWS Cognito profile, the packed node inside a real n8n, against two stand-ins:
 * - cognito-local (5.3.0, tools/cognito-local): a pool whose usernames are emails, an app client
 *   without a secret and one with. Send (known, unknown, unknown revealed), a wrong code, the
 *   mailed code, sign in with the new password and not the old, reuse, the client with a secret
 *   (SecretHash computed; the emulator does not check it), an unknown app client, a wrong Base
 *   URL, Stop; the credential probe. It checks neither SecretHash nor a password policy.
 * - moto (5.2, Python, on the machine image) for Set Password: it verifies every admin call's AWS
 *   Signature Version 4 with botocore's own signer and the IAM user's policy, and keeps Cognito's
 *   default password policy. The set, sign in with the new password and not the old, Require
 *   Change (NEW_PASSWORD_REQUIRED), a generated temporary password, Sign Out Other Sessions (the
 *   refresh token revoked), the policy, an unknown email, a wrong secret key, an IAM user without
 *   the permission, an unknown pool; the sandbox's answers beside moto's.
 * Then a search of n8n's user folder for every secret. Prints "N passed, N failed".
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
const { awsV4Signature } = require('../../dist/nodes/PasswordReset/http/awsSignature');
const { keys: SANDBOX_KEYS } = require('../../sandbox/services/cognito.cjs');

const root = path.resolve(__dirname, '../..');
const EMAIL = 'ada@example.com';
const OLD_PASSWORD = 'Original-pw-1!';
const SECRETS = { newPassword: 'SENTINEL-REAL-COGNITO-PW-4c2a!', clientSecret: '', setPassword: 'SENTINEL-Set-Cognito-pw-7e1b!', temporary: 'SENTINEL-Temp-Cognito-pw-3d9f!', weak: 'sentinelweak5a8c', secretAccessKey: '', viewerSecretAccessKey: '' };
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

/** moto's first calls go unsigned (INITIAL_NO_AUTH_ACTION_COUNT): the setup below makes exactly this many. */
const MOTO_SETUP_CALLS = 10;
const TARGET = 'AWSCognitoIdentityProviderService';

/**
 * moto's server, and the setup it takes before it starts checking signatures: a pool in
 * eu-west-1 with an app client and Ada, an IAM user allowed the two admin calls (its access key
 * is the credential's) and one allowed only AdminGetUser.
 */
async function startMoto() {
	try {
		execFileSync('python3', ['-c', 'import moto.server, botocore'], { stdio: 'pipe' });
	} catch (error) {
		throw new Error(`moto is missing (python3 with moto 5.2 and botocore, on the machine image): ${error.stderr}`);
	}
	const port = await freePort();
	const server = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
		env: { ...process.env, INITIAL_NO_AUTH_ACTION_COUNT: String(MOTO_SETUP_CALLS) },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const url = `http://127.0.0.1:${port}`;
	await waitUntilReady(server, answers(`${url}/moto-api/`), 30, 'moto');
	// Unsigned calls still name a credential scope: moto routes a request by its service and region.
	const scope = (service) => `AWS4-HMAC-SHA256 Credential=AKIASETUPEXAMPLE0001/20260101/eu-west-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;
	const iam = async (fields) => {
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: scope('iam') }, body: new URLSearchParams({ ...fields, Version: '2010-05-08' }) });
		return response.text();
	};
	/** One Cognito call, unsigned (setup) or with the given headers (a signature). */
	const call = async (operation, body, headers = { Authorization: scope('cognito-idp') }) => {
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}.${operation}`, ...headers }, body: JSON.stringify(body) });
		const text = await response.text();
		return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
	};
	const accessKey = async (user, actions) => {
		await iam({ Action: 'CreateUser', UserName: user });
		const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions.map((action) => `cognito-idp:${action}`), Resource: '*' }] };
		await iam({ Action: 'PutUserPolicy', UserName: user, PolicyName: 'help-desk', PolicyDocument: JSON.stringify(policy) });
		const created = await iam({ Action: 'CreateAccessKey', UserName: user });
		return { id: /<AccessKeyId>([^<]+)</.exec(created)?.[1], secret: /<SecretAccessKey>([^<]+)</.exec(created)?.[1] };
	};
	const helpDesk = await accessKey('help-desk', ['AdminSetUserPassword', 'AdminUserGlobalSignOut']);
	const viewer = await accessKey('viewer', ['AdminGetUser']);
	const pool = (await call('CreateUserPool', { PoolName: 'password-reset', UsernameAttributes: ['email'] })).body.UserPool?.Id;
	const client = (await call('CreateUserPoolClient', { UserPoolId: pool, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] })).body.UserPoolClient?.ClientId;
	await call('AdminCreateUser', { UserPoolId: pool, Username: EMAIL, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: EMAIL }] });
	const first = await call('AdminSetUserPassword', { UserPoolId: pool, Username: EMAIL, Password: OLD_PASSWORD, Permanent: true });
	/** Sign in with a password: `tokens` (its refresh token), `challenge` (NEW_PASSWORD_REQUIRED) or `refused`. */
	const signIn = async (password) => {
		const { body } = await call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: client, AuthParameters: { USERNAME: EMAIL, PASSWORD: password } });
		return body.AuthenticationResult ? { outcome: 'tokens', refreshToken: body.AuthenticationResult.RefreshToken } : { outcome: body.ChallengeName ?? 'refused' };
	};
	const refresh = async (refreshToken) => (await call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: client, AuthParameters: { REFRESH_TOKEN: refreshToken } })).status;
	return { url, pool, client, helpDesk, viewer, ready: first.status === 200 && Boolean(pool && client && helpDesk.secret && viewer.secret), call, signIn, refresh, stop: () => server.kill('SIGTERM') };
}

/** Headers that sign a Cognito admin call as an IAM user, for the parity requests. */
const signedBy = (key, operation, region = 'eu-west-1') => (url, body) => {
	const headers = { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}.${operation}` };
	return { ...headers, ...awsV4Signature({ method: 'POST', url, headers, body }, { accessKeyId: key.id, secretAccessKey: key.secret, region, service: 'cognito-idp' }).headers };
};

async function main() {
	const dir = execFileSync('bash', [path.join(root, 'scripts/ensure-cognito-local.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
	const cognito = await startCognitoLocal(dir);
	const moto = await startMoto().catch((error) => {
		cognito.stop();
		throw error;
	});
	try {
		SECRETS.secretAccessKey = moto.helpDesk.secret;
		SECRETS.viewerSecretAccessKey = moto.viewer.secret;
		check('moto: a pool, an app client, Ada with a password, two IAM users with access keys', () => assert(moto.ready, JSON.stringify(moto.pool)));
		const unsigned = await moto.call('AdminSetUserPassword', { UserPoolId: moto.pool, Username: EMAIL, Password: OLD_PASSWORD, Permanent: true });
		check('moto checks signatures now: an unsigned admin call is refused', () => assert(unsigned.status >= 400, JSON.stringify(unsigned)));
		const pool = (await cognito.call('CreateUserPool', { PoolName: 'password-reset', UsernameAttributes: ['email'] })).body.UserPool.Id;
		const publicClient = (await cognito.call('CreateUserPoolClient', { UserPoolId: pool, ClientName: 'public' })).body.UserPoolClient.ClientId;
		const secretClient = (await cognito.call('CreateUserPoolClient', { UserPoolId: pool, ClientName: 'with-secret', GenerateSecret: true })).body.UserPoolClient;
		SECRETS.clientSecret = secretClient.ClientSecret;
		await cognito.call('AdminCreateUser', { UserPoolId: pool, Username: EMAIL, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: EMAIL }, { Name: 'email_verified', Value: 'true' }] });
		const initialPassword = await cognito.call('AdminSetUserPassword', { UserPoolId: pool, Username: EMAIL, Password: OLD_PASSWORD, Permanent: true });
		check('cognito-local: a pool, two app clients and a confirmed user', () => assert(pool && publicClient && SECRETS.clientSecret && initialPassword.status === 200, JSON.stringify(initialPassword)));
		const signIn = async (password) => (await cognito.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: publicClient, AuthParameters: { USERNAME: EMAIL, PASSWORD: password } })).status;

		const credentials = {
			cognito: { service: 'cognito', baseUrl: cognito.url, cognitoClientId: publicClient },
			cognitoSecret: { service: 'cognito', baseUrl: cognito.url, cognitoClientId: secretClient.ClientId, cognitoClientSecret: SECRETS.clientSecret },
			cognitoUnknownClient: { service: 'cognito', baseUrl: cognito.url, cognitoClientId: 'no-such-client' },
			cognitoWrongBase: { service: 'cognito', baseUrl: `${cognito.url}/v1`, cognitoClientId: publicClient },
		};
		const admin = { service: 'cognito', baseUrl: moto.url, cognitoClientId: moto.client, cognitoUserPoolId: moto.pool, cognitoAccessKeyId: moto.helpDesk.id, cognitoSecretAccessKey: moto.helpDesk.secret };
		Object.assign(credentials, {
			motoAdmin: admin,
			motoWrongSecret: { ...admin, cognitoSecretAccessKey: `${moto.helpDesk.secret.slice(0, -4)}XXXX` },
			motoViewer: { ...admin, cognitoAccessKeyId: moto.viewer.id, cognitoSecretAccessKey: moto.viewer.secret },
			motoUnknownPool: { ...admin, cognitoUserPoolId: 'eu-west-1_NoSuchPool1' },
		});
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

		// Set Password against moto: every call signed by the credential's IAM user, verified by botocore.
		const setPassword = (newPassword, { credential = 'motoAdmin', options = {}, email = EMAIL } = {}) =>
			node.run({ credential, parameters: { operation: 'setPassword', email, options }, secrets: { newPassword } });
		const set = await setPassword(SECRETS.setPassword);
		check('Set Password (AdminSetUserPassword, signed) → success; no change required, sessions kept, as the item says', () =>
			equal([set.outcome, set.output[0]?.json.mustChangeAtNextSignIn, set.output[0]?.json.otherSessionsSignedOut], ['success', false, false], JSON.stringify(set.output)));
		const afterSet = [(await moto.signIn(SECRETS.setPassword)).outcome, (await moto.signIn(OLD_PASSWORD)).outcome];
		check('after the set: the set password signs in, the one before is refused', () => equal(afterSet, ['tokens', 'refused'], 'sign in'));

		const session = await moto.signIn(SECRETS.setPassword);
		const signOut = await setPassword(SECRETS.setPassword, { options: { signOutOthers: true } });
		const refreshed = await moto.refresh(session.refreshToken);
		check('Sign Out Other Sessions → AdminUserGlobalSignOut (signed): the earlier refresh token is refused; the item says so', () =>
			equal([signOut.outcome, signOut.output[0]?.json.otherSessionsSignedOut, refreshed], ['success', true, 400], JSON.stringify(signOut.output)));

		const temporary = await setPassword(SECRETS.temporary, { options: { requireChange: true } });
		const temporarySignIn = (await moto.signIn(SECRETS.temporary)).outcome;
		check('Require Change at Next Sign-In → Permanent:false: the next sign-in answers NEW_PASSWORD_REQUIRED', () =>
			equal([temporary.outcome, temporary.output[0]?.json.mustChangeAtNextSignIn, temporarySignIn], ['success', true, 'NEW_PASSWORD_REQUIRED'], JSON.stringify(temporary.output)));
		const generated = await node.run({ credential: 'motoAdmin', parameters: { operation: 'setPassword', email: EMAIL, passSource: 'generated' }, typeVersion: 1.2 });
		const generatedPassword = generated.output[0]?.json.temporaryPassword;
		const generatedSignIn = typeof generatedPassword === 'string' ? (await moto.signIn(generatedPassword)).outcome : 'no password';
		check("Generate a Temporary Password: Cognito's default policy (upper, lower, digit, symbol, 8+) takes it; the next sign-in must change it", () =>
			equal(
				[generated.outcome, generatedSignIn],
				['success', 'NEW_PASSWORD_REQUIRED'],
				JSON.stringify(generated.output.map(({ json }) => ({ ...json, temporaryPassword: typeof json.temporaryPassword }))),
			));

		const weak = await setPassword(SECRETS.weak);
		check("the pool's password policy → weak_password with Cognito's reason", () => {
			equal(weak.outcome, 'weak_password', JSON.stringify(weak.output));
			assert(/policy/i.test(weak.output[0]?.json.error ?? ''), weak.output[0]?.json.error);
		});
		const nobody = await setPassword(SECRETS.setPassword, { email: 'nobody@example.com' });
		check('an unknown email → user_not_found (UserNotFoundException: the admin call says so)', () => equal(nobody.outcome, 'user_not_found', JSON.stringify(nobody.output)));
		const wrongSecret = await setPassword(SECRETS.setPassword, { credential: 'motoWrongSecret' });
		check('a wrong Secret Access Key → auth_failed (moto: SignatureDoesNotMatch)', () => equal(wrongSecret.outcome, 'auth_failed', JSON.stringify(wrongSecret.output)));
		const viewer = await setPassword(SECRETS.setPassword, { credential: 'motoViewer' });
		const stillGenerated = typeof generatedPassword === 'string' ? (await moto.signIn(generatedPassword)).outcome : 'no password';
		check('an IAM user not allowed AdminSetUserPassword → auth_failed (AccessDenied); the password before still holds', () =>
			equal([viewer.outcome, stillGenerated], ['auth_failed', 'NEW_PASSWORD_REQUIRED'], JSON.stringify(viewer.output)));
		const unknownPool = await setPassword(SECRETS.setPassword, { credential: 'motoUnknownPool' });
		check('an unknown User Pool ID → invalid_input naming it', () => {
			equal(unknownPool.outcome, 'invalid_input', JSON.stringify(unknownPool.output));
			assert(/User Pool ID/.test(unknownPool.output[0]?.json.error ?? ''), unknownPool.output[0]?.json.error);
		});

		// The generated password is output by design (temporaryPassword): it is not in this sweep.
		const leaks = node.leaks({ ...SECRETS, secondPassword: `${SECRETS.newPassword}2`, code, secretCode });
		check("no secret anywhere in n8n's user folder (database, logs): the new, set and refused passwords, the codes, the client secret, both secret access keys", () => equal(leaks, [], 'leaked'));

		const sandboxAdmin = { id: SANDBOX_KEYS.cognitoAccessKeyId, secret: SANDBOX_KEYS.cognitoSecretAccessKey };
		const adminCall = (name, body, sandboxBody) => [
			name,
			'/',
			{ body: { UserPoolId: moto.pool, ...body }, sandboxBody: { UserPoolId: SANDBOX_KEYS.cognitoUserPoolId, ...(sandboxBody ?? body) }, headers: signedBy(moto.helpDesk, 'AdminSetUserPassword'), sandboxHeaders: signedBy(sandboxAdmin, 'AdminSetUserPassword') },
		];
		const rows = await sandboxParity({
			service: 'cognito',
			realBase: moto.url,
			requests: [
				adminCall('set, a known user', { Username: EMAIL, Password: 'Parity-pw-1!', Permanent: true }),
				adminCall('set, an unknown user', { Username: 'nobody@example.com', Password: 'Parity-pw-1!', Permanent: true }),
				adminCall('set, a password the policy refuses', { Username: EMAIL, Password: 'short', Permanent: true }),
				['set, an unknown pool', '/', { body: { UserPoolId: 'eu-west-1_NoSuchPool1', Username: EMAIL, Password: 'Parity-pw-1!' }, headers: signedBy(moto.helpDesk, 'AdminSetUserPassword'), sandboxHeaders: signedBy(sandboxAdmin, 'AdminSetUserPassword') }],
			],
		});
		// moto answers errors as application/json; AWS's JSON 1.1 protocol, and the sandbox, as application/x-amz-json-1.1.
		const asAws = ({ type, ...answer }) => ({ ...answer, type: type === 'application/json' ? 'application/x-amz-json-1.1' : type });
		for (const { name, real, sandbox } of rows) check(`sandbox parity, ${name}: the sandbox answers as moto does (AWS's media type)`, () => equal(asAws(sandbox), asAws(real), name));
	} finally {
		cognito.stop();
		moto.stop();
	}
}

checks.run('real Cognito (cognito-local, moto)', main);
