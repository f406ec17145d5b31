/**
 * Create Reset Link, the mechanism, through n8n's engine: Auth0's three requests, the link as the
 * one secret the node outputs (only in `resetLink`, never in messages, errors, logs or
 * rawResponse), no success without a checked link, one link per email per run, not for an AI
 * tool, and `not_supported` before any request where a service has no such call.
 */
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { SENTINELS, EMAIL, intercept, leakedSentinels, everythingWritten, captureLogs } = require('../support/fixtures.cjs');

const logged = captureLogs();
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
	logged.length = 0;
});

const AUTH0 = 'https://tenant.eu.auth0.test';
const M2M = { id: 'm2m-client-1', secret: 'M2M-SECRET-8e1f' };
const MGMT_TOKEN = 'MGMT-TOKEN-2b7d';
const TICKET = `${AUTH0}/lo/reset?ticket=TICKET-91ac#`;
const auth0Credential = {
	service: 'auth0',
	baseUrl: AUTH0,
	auth0ClientId: 'public-client',
	auth0ManagementClientId: M2M.id,
	auth0ManagementClientSecret: M2M.secret,
};
const user = (connection) => ({ user_id: 'auth0|ada', email: EMAIL, identities: [{ connection, provider: 'auth0', user_id: 'ada', isSocial: false }] });
const createLink = (email = EMAIL) => ({ operation: 'createResetLink', email });

/** Auth0's three answers; `users` is the email search's. */
const auth0Answers = ({ users = [user('Username-Password-Authentication')], ticket = { ticket: TICKET } } = {}) => ({
	token: intercept({ base: AUTH0, method: 'POST', path: '/oauth/token', body: { access_token: MGMT_TOKEN, token_type: 'Bearer', expires_in: 86400 } }),
	search: intercept({ base: AUTH0, method: 'GET', path: '/api/v2/users-by-email', body: users }),
	ticket: intercept({ base: AUTH0, method: 'POST', path: '/api/v2/tickets/password-change', status: 201, body: ticket }),
});

/** Every secret of these runs but the link: none may be written anywhere. */
const written = (result) => [everythingWritten(result), logged.join('\n')].join('\n');
const NEVER_WRITTEN = [M2M.secret, MGMT_TOKEN, SENTINELS.apiKey];

describe('Auth0: token, user by email, ticket', () => {
	test('sends the client credentials to the tenant, finds the user in the connection, asks a ticket for their id', async () => {
		const { token, search, ticket } = auth0Answers();
		const result = await runNode({ parameters: createLink(), credential: auth0Credential });
		expect(result.error).toBeUndefined();
		expect(token.seen.body).toEqual({ grant_type: 'client_credentials', client_id: M2M.id, client_secret: M2M.secret, audience: `${AUTH0}/api/v2/` });
		expect(search.seen.query).toEqual({ email: EMAIL });
		expect(search.seen.headers.authorization).toBe(`Bearer ${MGMT_TOKEN}`);
		expect(ticket.seen.body).toEqual({ user_id: 'auth0|ada' });
		expect(ticket.seen.headers.authorization).toBe(`Bearer ${MGMT_TOKEN}`);
		expect(result.output.map((item) => item.json)).toEqual([
			{ success: true, operation: 'createResetLink', service: 'auth0', message: 'Reset link created', resetLink: TICKET },
		]);
		expect(NEVER_WRITTEN.filter((secret) => written(result).includes(secret))).toEqual([]);
	});

	test.each([
		['no user', []],
		['a user only in another connection', [user('google-oauth2')]],
	])('%s: user_not_found, and no ticket is asked', async (_case, users) => {
		const { ticket } = auth0Answers({ users });
		const { output } = await runNode({ parameters: createLink(), credential: auth0Credential, onError: 'continueRegularOutput' });
		expect(output[0].json.details).toMatchObject({ errorCode: 'user_not_found', operation: 'createResetLink' });
		expect(ticket.scope.isDone()).toBe(false);
	});

	test('the M2M secrets missing: invalid_input naming them, before any request', async () => {
		nock.disableNetConnect();
		const { output } = await runNode({
			parameters: createLink(),
			credential: { ...auth0Credential, auth0ManagementClientSecret: '' },
			onError: 'continueRegularOutput',
		});
		expect(output[0].json.details.errorCode).toBe('invalid_input');
		expect(output[0].json.error).toMatch(/Management Client ID and Management Client Secret/);
	});

	test('a refused grant: auth_failed saying which scopes the application needs', async () => {
		nock(AUTH0).post('/oauth/token').reply(403, { error: 'access_denied', error_description: `Client is not authorized to access "${AUTH0}/api/v2/".` });
		const { output } = await runNode({ parameters: createLink(), credential: auth0Credential, onError: 'continueRegularOutput' });
		expect(output[0].json.details.errorCode).toBe('auth_failed');
		expect(output[0].json.error).toMatch(/read:users and create:user_tickets/);
	});
});

describe('the link is output only in resetLink', () => {
	const OKTA = 'https://org.okta.test';
	const okta = { service: 'okta', baseUrl: OKTA, apiKey: SENTINELS.apiKey };
	const LINK = `${OKTA}/reset_password/LINK-SECRET-44aa`;
	const answer = (body, status = 200) =>
		intercept({ base: OKTA, method: 'POST', path: '/api/v1/users/ada%40example.com/lifecycle/reset_password', status, body });

	test('Include Raw Response is ignored: the answer that holds the link is never output', async () => {
		answer({ summary: `Created ${LINK}`, resetPasswordUrl: LINK, echo: LINK });
		const { output } = await runNode({ parameters: { ...createLink(), options: { includeRawResponse: true } }, credential: okta });
		expect(output[0].json.rawResponse).toBeUndefined();
		expect(output[0].json.resetLink).toBe(LINK);
		// Once: in resetLink, nowhere else in the item.
		expect(JSON.stringify(output[0].json).split('LINK-SECRET-44aa').length - 1).toBe(1);
	});

	// Each answer also quotes its link in `message`, the text the failure's serverMessage is taken from.
	test.each([
		['a 4xx with a link', 400, { errorCode: 'E0000001', message: `Bad: ${LINK}`, resetPasswordUrl: LINK }],
		['a link on another host', 200, { resetPasswordUrl: 'https://evil.example.test/reset_password/LINK-SECRET-44aa', message: `see https://evil.example.test/reset_password/LINK-SECRET-44aa` }],
		['a link over http', 200, { resetPasswordUrl: LINK.replace('https:', 'http:'), message: `see ${LINK.replace('https:', 'http:')}` }],
	])('%s: a failure whose every text leaves the link out, in each On Error mode', async (_case, status, body) => {
		for (const onError of [undefined, 'continueRegularOutput', 'continueErrorOutput']) {
			answer(body, status);
			logged.length = 0;
			const result = await runNode({ parameters: createLink(), credential: okta, onError });
			expect(result.output.length + result.errorOutput.length + (result.error ? 1 : 0)).toBe(1);
			expect(result.output.some((item) => item.json.success)).toBe(false);
			expect(written(result)).not.toMatch(/LINK-SECRET-44aa/);
			expect(leakedSentinels(result)).toEqual([]);
		}
	});

	test('the 4xx message is kept, with the link taken out', async () => {
		answer({ errorCode: 'E0000001', message: `Bad: ${LINK}`, resetPasswordUrl: LINK }, 400);
		const { output } = await runNode({ parameters: createLink(), credential: okta, onError: 'continueRegularOutput' });
		expect(output[0].json.details.serverMessage).toBe('Bad: **hidden**');
	});

	test('two items with one email: the second fails before its request, naming the first', async () => {
		const first = answer({ resetPasswordUrl: LINK });
		const result = await runNode({ parameters: createLink(), credential: okta, items: [{}, {}], onError: 'continueRegularOutput' });
		expect(first.scope.isDone()).toBe(true);
		expect(nock.pendingMocks()).toEqual([]);
		expect(result.output[0].json.resetLink).toBe(LINK);
		expect(result.output[1].json.details.errorCode).toBe('invalid_input');
		expect(result.output[1].json.error).toMatch(/Item 0 already asks for a reset link for this email/);
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('as an AI tool: refused before any request (the link would pass through the model)', async () => {
		nock.disableNetConnect();
		const { output } = await runNode({ parameters: createLink(), credential: okta, onError: 'continueRegularOutput', asToolType: true });
		expect(output[0].json.details.errorCode).toBe('invalid_input');
		expect(output[0].json.error).toMatch(/not available to an AI agent/);
	});
});

test('Supabase without the Service Role Key: invalid_input naming it, before any request', async () => {
	nock.disableNetConnect();
	const { output } = await runNode({
		parameters: createLink(),
		credential: { service: 'supabase', baseUrl: 'https://abcd.supabase.test/auth/v1', apiKey: SENTINELS.apiKey },
		onError: 'continueRegularOutput',
	});
	expect(output[0].json.details.errorCode).toBe('invalid_input');
	expect(output[0].json.error).toMatch(/Service Role Key/);
});

test('Custom without a Create Reset Link Path: invalid_input naming it, before any request', async () => {
	nock.disableNetConnect();
	const { output } = await runNode({
		parameters: createLink(),
		credential: { service: 'custom', baseUrl: 'https://auth.example.test', sendEmailPath: '/recover', resetPath: '/reset' },
		onError: 'continueRegularOutput',
	});
	expect(output[0].json.error).toMatch(/credential's Create Reset Link Path is empty/);
});

// Every listed service without an admin link call.
const { SERVICE_PROFILES } = require('../../dist/nodes/PasswordReset/services');
const withoutLinks = SERVICE_PROFILES.filter((profile) => !profile.operations.createResetLink).map((profile) => profile.id);
test('Supabase, Auth0 and Okta create links; the others do not', () => {
	expect(SERVICE_PROFILES.filter((profile) => profile.operations.createResetLink).map((profile) => profile.id).sort()).toEqual(['auth0', 'okta', 'supabase']);
});
test.each(withoutLinks)('%s: not_supported before any request, pointing to Send Reset Email', async (service) => {
	nock.disableNetConnect();
	const { output } = await runNode({
		parameters: createLink(),
		credential: { service, baseUrl: 'https://api.example.test', apiKey: SENTINELS.apiKey },
		onError: 'continueRegularOutput',
	});
	expect(output[0].json.details).toMatchObject({ errorCode: 'not_supported', operation: 'createResetLink', service });
	expect(output[0].json.error).toMatch(/use Send Reset Email/);
});
