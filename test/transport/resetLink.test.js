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

const AUTH0 = 'https://tenant.eu.auth0.com';
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

/** Auth0's three answers (at `base`); `users` is the email search's. */
const auth0Answers = ({ users = [user('Username-Password-Authentication')], ticket = { ticket: TICKET }, base = AUTH0 } = {}) => ({
	token: intercept({ base, method: 'POST', path: '/oauth/token', body: { access_token: MGMT_TOKEN, token_type: 'Bearer', expires_in: 86400 } }),
	search: intercept({ base, method: 'GET', path: '/api/v2/users-by-email', body: users }),
	ticket: intercept({ base, method: 'POST', path: '/api/v2/tickets/password-change', status: 201, body: ticket }),
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

	test('an email typed in capitals is searched as Auth0 stores it (lower case: the search is exact and case-sensitive), and found', async () => {
		const { search } = auth0Answers();
		const { output } = await runNode({ parameters: createLink('Ada@Example.COM'), credential: auth0Credential, onError: 'continueRegularOutput' });
		expect(search.seen.query).toEqual({ email: EMAIL });
		expect(output[0].json.resetLink).toBe(TICKET);
	});

	describe('a custom-domain Base URL', () => {
		const CUSTOM = 'https://login.example.test';
		const custom = { ...auth0Credential, baseUrl: CUSTOM, auth0TenantDomain: 'tenant.eu.auth0.com' };

		test.each([
			['on the custom domain', `${CUSTOM}/lo/reset?ticket=TICKET-91ac#`],
			["on the Tenant Domain", TICKET],
		])("the requests go to the Base URL, the audience names the Tenant Domain's API; a ticket %s is output", async (_where, ticketLink) => {
			const { token, ticket } = auth0Answers({ base: CUSTOM, ticket: { ticket: ticketLink } });
			const { output } = await runNode({ parameters: createLink(), credential: custom, onError: 'continueRegularOutput' });
			expect(token.seen.body.audience).toBe('https://tenant.eu.auth0.com/api/v2/');
			expect(ticket.scope.isDone()).toBe(true);
			expect(output[0].json.resetLink).toBe(ticketLink);
		});

		test('a pasted https://…/ around the Tenant Domain is tolerated', async () => {
			const { token } = auth0Answers({ base: CUSTOM });
			await runNode({ parameters: createLink(), credential: { ...custom, auth0TenantDomain: ' https://tenant.eu.auth0.com/ ' } });
			expect(token.seen.body.audience).toBe('https://tenant.eu.auth0.com/api/v2/');
		});

		test.each([
			['no Tenant Domain', '', /Set the credential's Tenant Domain/],
			['a Tenant Domain that is not a domain', 'tenant.eu.auth0.com/api', /Tenant Domain "tenant.eu.auth0.com\/api" is not a domain/],
		])('%s: invalid_input naming the field, before any request', async (_case, auth0TenantDomain, message) => {
			nock.disableNetConnect();
			const { output } = await runNode({ parameters: createLink(), credential: { ...custom, auth0TenantDomain }, onError: 'continueRegularOutput' });
			expect(output[0].json.details.errorCode).toBe('invalid_input');
			expect(output[0].json.error).toMatch(message);
		});
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

/**
 * A created link echoed in another form, as services quote links in their messages: each form is
 * the link to whoever reads it, so none may reach the output's message, an error or a log.
 */
describe('a created link in every form', () => {
	const BASE = 'https://auth.example.test';
	const custom = { service: 'custom', baseUrl: BASE, sendEmailPath: '/recover', resetPath: '/reset', createLinkPath: '/admin/reset-links' };
	const LINK = `${BASE}/reset?token=LINK-SECRET-7Qz+9/x=&email=ada%40example.com&next=/home page`;
	const FORMS = [
		['percent-encoded', encodeURIComponent(LINK)],
		['percent-encoded, lower-case escapes', encodeURIComponent(LINK).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())],
		['form-encoded', new URLSearchParams({ v: LINK }).toString().slice(2)],
		['JSON-escaped', JSON.stringify(LINK).slice(1, -1).replace(/\//g, '\\/')],
		['URL-encoded as a whole (encodeURI)', encodeURI(LINK)],
		['percent-decoded', decodeURIComponent(LINK)],
		['encoded twice', encodeURIComponent(encodeURIComponent(LINK))],
		['its token alone', 'LINK-SECRET-7Qz+9/x='],
		['its token, percent-encoded', encodeURIComponent('LINK-SECRET-7Qz+9/x=')],
	];
	const serve = (body, status = 200) => intercept({ base: BASE, method: 'POST', path: '/admin/reset-links', status, body });

	test.each(FORMS)('%s: not in a success item\'s message', async (_form, echoed) => {
		serve({ link: LINK, message: `Created: ${echoed}` });
		const result = await runNode({ parameters: createLink(), credential: custom });
		expect(result.output[0].json.resetLink).toBe(LINK);
		expect(result.output[0].json.message).toBe('Created: **hidden**');
		expect(written({ ...result, output: [{ json: { ...result.output[0].json, resetLink: '' } }] })).not.toMatch(/LINK-SECRET|7Qz/);
	});

	test.each(FORMS)('%s: not in a failure, in each On Error mode', async (_form, echoed) => {
		for (const onError of [undefined, 'continueRegularOutput', 'continueErrorOutput']) {
			serve({ link: LINK, message: `Refused: ${echoed}` }, 409);
			logged.length = 0;
			const result = await runNode({ parameters: createLink(), credential: custom, onError });
			expect(result.output.some((item) => item.json.success)).toBe(false);
			expect(written(result)).not.toMatch(/LINK-SECRET|7Qz/);
		}
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
const { EDITION: { profiles: SERVICE_PROFILES } } = require('../../dist/nodes/PasswordReset/edition');
const withoutLinks = SERVICE_PROFILES.filter((profile) => !profile.operations.createResetLink || 'notSupported' in profile.operations.createResetLink).map((profile) => profile.id);
test('the services that create links are the ones whose sandbox plays a link call (Supabase, Auth0, Okta, Firebase Auth, …); the others do not', () => {
	const { SANDBOX_SCENARIOS } = require('../../sandbox/services/index.cjs');
	const linking = SERVICE_PROFILES.filter((profile) => profile.operations.createResetLink && !('notSupported' in profile.operations.createResetLink)).map((profile) => profile.id);
	expect(linking.sort()).toEqual([...new Set(SANDBOX_SCENARIOS.filter((scenario) => scenario.link).map((scenario) => scenario.service))].sort());
	expect(linking).toEqual(expect.arrayContaining(['auth0', 'firebase', 'okta', 'supabase']));
});
test.each(withoutLinks)('%s: not_supported before any request, pointing to Send Reset Email', async (service) => {
	nock.disableNetConnect();
	const { output } = await runNode({
		parameters: createLink(),
		credential: { service, baseUrl: 'https://api.example.test', apiKey: SENTINELS.apiKey },
		onError: 'continueRegularOutput',
	});
	expect(output[0].json.details).toMatchObject({ errorCode: 'not_supported', operation: 'createResetLink', service });
	// Where the service sends no reset email either (Clerk), the way left is Set Password.
	const { operations } = SERVICE_PROFILES.find((profile) => profile.id === service);
	const offered = (operation) => operations[operation] !== undefined && !('notSupported' in operations[operation]);
	expect(output[0].json.error).toMatch(!offered('sendResetEmail') && offered('setPassword') ? /use Set Password/ : /use Send Reset Email/);
});
