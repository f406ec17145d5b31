/**
 * Keycloak: three requests for one send (an admin token by client credentials, the user found
 * by exact email, execute-actions-email with UPDATE_PASSWORD); the token never leaves; an empty
 * search is an unknown account, sent nothing more.
 */
const nock = require('nock');
const { runNode, testCredential } = require('../support/engine.cjs');
const { EMAIL, leakedSentinels } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const BASE = 'https://keycloak.example.test';
const ADMIN_TOKEN = 'SENTINEL-KEYCLOAK-ADMIN-TOKEN-2f8a';
const CLIENT_SECRET = 'SENTINEL-KEYCLOAK-CLIENT-SECRET-6d0c';
const credential = { service: 'keycloak', baseUrl: BASE, keycloakRealm: 'acme', keycloakClientId: 'n8n-reset', keycloakClientSecret: CLIENT_SECRET };
const send = (options = {}) => ({ operation: 'sendResetEmail', email: EMAIL, options });
const run = (parameters, onError = 'continueRegularOutput') => runNode({ parameters, credential, onError });

const tokenStep = () =>
	nock(BASE)
		// nock hands a form body over parsed.
		.post('/realms/acme/protocol/openid-connect/token', { grant_type: 'client_credentials', client_id: 'n8n-reset', client_secret: CLIENT_SECRET })
		.matchHeader('content-type', 'application/x-www-form-urlencoded')
		.reply(200, { access_token: ADMIN_TOKEN, expires_in: 300, token_type: 'Bearer' });
const searchStep = (users) =>
	nock(BASE).get('/admin/realms/acme/users').query({ email: EMAIL, exact: 'true' }).matchHeader('authorization', `Bearer ${ADMIN_TOKEN}`).reply(200, users);
const actionsStep = (status = 204, body = '') =>
	nock(BASE)
		.put('/admin/realms/acme/users/u%2F1/execute-actions-email', ['UPDATE_PASSWORD'])
		.matchHeader('authorization', `Bearer ${ADMIN_TOKEN}`)
		.reply(status, body);
const ada = [{ id: 'u/1', username: 'ada', email: EMAIL, enabled: true }];
const written = (result) => JSON.stringify(result);

afterEach(() => nock.cleanAll());

test('token → user search → execute-actions-email: the neutral success, and the token nowhere in it', async () => {
	const scopes = [tokenStep(), searchStep(ada), actionsStep()];
	const result = await run(send());
	for (const scope of scopes) scope.done();
	expect(result.output.map((item) => item.json)).toEqual([{ success: true, operation: 'sendResetEmail', service: 'keycloak', message: NEUTRAL }]);
	expect(written(result)).not.toContain(ADMIN_TOKEN);
	expect(written(result)).not.toContain(CLIENT_SECRET);
});

test('an email no user has: the neutral success, and no actions email is requested', async () => {
	const scopes = [tokenStep(), searchStep([])];
	const actions = actionsStep();
	const result = await run(send());
	for (const scope of scopes) scope.done();
	expect(actions.isDone()).toBe(false);
	expect(result.output[0].json).toMatchObject({ success: true, message: NEUTRAL });
});

test('with Reveal Unknown Accounts, that email is user_not_found', async () => {
	tokenStep();
	searchStep([]);
	const result = await run(send({ revealUnknownAccounts: true }));
	expect(result.output[0].json.details.errorCode).toBe('user_not_found');
});

test.each([
	['a disabled user', () => [tokenStep(), searchStep(ada), actionsStep(400, { errorMessage: 'User is disabled' })], 'user_disabled'],
	['no SMTP in the realm', () => [tokenStep(), searchStep(ada), actionsStep(500, { errorMessage: 'Failed to send execute actions email' })], 'server_error'],
	['a user without an email', () => [tokenStep(), searchStep(ada), actionsStep(400, { errorMessage: 'User email missing' })], 'invalid_input'],
	['a wrong client secret', () => [nock(BASE).post('/realms/acme/protocol/openid-connect/token').reply(401, { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' })], 'auth_failed'],
	['a service account without manage-users', () => [tokenStep(), nock(BASE).get('/admin/realms/acme/users').query(true).reply(403, { error: 'HTTP 403 Forbidden' })], 'auth_failed'],
	['a token answer without access_token', () => [nock(BASE).post('/realms/acme/protocol/openid-connect/token').reply(200, { token_type: 'Bearer' })], 'unexpected_response'],
])('%s → %s, in each On Error mode', async (_name, intercepts, errorCode) => {
	// null: On Error = Stop (no onError on the node).
	for (const onError of [null, 'continueRegularOutput', 'continueErrorOutput']) {
		intercepts();
		const result = await run(send(), onError);
		const failure = onError === null ? result.error.context : (onError === 'continueRegularOutput' ? result.output : result.errorOutput)[0].json.details;
		expect([onError, failure.errorCode]).toEqual([onError, errorCode]);
		expect(written(result)).not.toContain(ADMIN_TOKEN);
		expect(leakedSentinels(result)).toEqual([]);
		nock.cleanAll();
	}
});

test('an admin token the service echoes in an error is redacted', async () => {
	tokenStep();
	searchStep(ada);
	actionsStep(400, { errorMessage: `Provided invalid required actions for token ${ADMIN_TOKEN}` });
	const result = await run(send());
	expect(written(result)).not.toContain(ADMIN_TOKEN);
});

test('Reset Password is not offered: Keycloak finishes on its own page, nothing is sent', async () => {
	const result = await run({ operation: 'resetPassword', resetToken: 'x', newPassword: 'y' });
	expect(result.output[0].json.details.errorCode).toBe('not_supported');
});

test("the credential test reads the realm's discovery document", async () => {
	nock(BASE).get('/realms/acme/.well-known/openid-configuration').reply(200, { issuer: `${BASE}/realms/acme` });
	expect(await testCredential(credential)).toMatchObject({ status: 'OK' });
	nock(BASE).get('/realms/acme/.well-known/openid-configuration').reply(404, { error: 'Realm does not exist' });
	expect(await testCredential(credential)).toMatchObject({ status: 'Error' });
});

// Only `[]` is Keycloak's "no account": any other shape of a search answer is unexpected, never "sent".
test.each([
	['an object with an id', { id: 'u1' }],
	['an error object', { error: 'unknown_error' }],
	['text', 'OK'],
	['an empty body', ''],
])('a user search answering %s is unexpected_response, with and without Reveal Unknown Accounts', async (_name, answer) => {
	for (const options of [{}, { revealUnknownAccounts: true }]) {
		tokenStep();
		nock(BASE).get('/admin/realms/acme/users').query(true).reply(200, answer);
		const actions = actionsStep();
		const result = await run(send(options));
		expect(result.output[0].json.details).toMatchObject({ errorCode: 'unexpected_response' });
		expect(actions.isDone()).toBe(false);
		nock.cleanAll();
	}
});

test.each([
	['..', 'a dot segment'],
	['.', 'a dot'],
	['', 'empty'],
	[undefined, 'missing'],
])('a user id %j (%s) in the search answer sends nothing more', async (id) => {
	tokenStep();
	searchStep([{ id, email: EMAIL }]);
	const anyPut = nock(BASE).put(/.*/).reply(204);
	const result = await run(send());
	expect(result.output[0].json.details).toMatchObject({ errorCode: 'unexpected_response' });
	expect(anyPut.isDone()).toBe(false);
});

test('a realm ".." is refused before the client secret goes anywhere', async () => {
	const anyRequest = nock(BASE).post(/.*/).reply(200, { access_token: ADMIN_TOKEN });
	const result = await runNode({ parameters: send(), credential: { ...credential, keycloakRealm: '..' }, onError: 'continueRegularOutput' });
	expect(result.output[0].json.details.errorCode).toBe('invalid_input');
	expect(result.output[0].json.error).toMatch(/^The credential's Realm is "\.\.", but it is one segment of the/);
	expect(anyRequest.isDone()).toBe(false);
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('keycloak', 'GET', '/realms/acme/.well-known/openid-configuration', [200, { issuer: `${BASE}/realms/acme` }], { keycloakRealm: 'acme', keycloakClientId: 'c' }, { authorization: undefined });
