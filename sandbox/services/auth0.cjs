'use strict';
/** Auth0: send only (`/dbconnections/change_password`, a plain-text 200); the link opens Auth0's hosted page. */
const crypto = require('node:crypto');
const { accountById, setByAdmin } = require('../admin.cjs');
const { hostedResetPage } = require('../hostedPage.cjs');

/** What this sandbox service accepts as its key or client identifiers. */
/** The sandbox is a tenant reached on a custom domain (its loopback address): the Management API is named by its tenant domain. */
const KEYS = { auth0Client: 'sandbox-client', auth0ManagementClientId: 'sandbox-m2m-client', auth0ManagementClientSecret: 'sandbox-m2m-secret', auth0TenantDomain: 'sandbox-tenant.eu.auth0.com' };
const CONNECTION = 'Username-Password-Authentication';
/** Management API tokens this sandbox issued. */
const managementTokens = new Set();

module.exports = {
	id: 'auth0',
	scenarios: [
		// Auth0 finishes resets on its own page: Reset Password fails before any request.
		{
			credential: (keys) => ({
				auth0ClientId: keys.auth0Client,
				auth0ManagementClientId: keys.auth0ManagementClientId,
				auth0ManagementClientSecret: keys.auth0ManagementClientSecret,
				auth0TenantDomain: keys.auth0TenantDomain,
			}),
			reset: 'not_supported',
			reuse: null,
			link: true,
			setPassword: true,
		},
	],
	keys: KEYS,
	// Auth0's ticket opens its hosted page (`/lo/reset?ticket=`): nothing an API can redeem.
	token: { lifetime: 86400, issue: () => crypto.randomBytes(12).toString('hex') },
	handle(sandbox, { method, path, body, query, headers }, reply) {
		if (method === 'GET' && path === '/.well-known/openid-configuration') return reply(200, { issuer: 'https://tenant.auth0.example/' });
		if (path === '/lo/reset') return hostedResetPage(sandbox, 'auth0', query.ticket, { method, body }, reply);
		if (path === '/oauth/token' && method === 'POST') {
			if (body?.grant_type !== 'client_credentials' || body.client_id !== KEYS.auth0ManagementClientId || body.client_secret !== KEYS.auth0ManagementClientSecret) {
				return reply(401, { error: 'access_denied', error_description: 'Unauthorized' });
			}
			// The audience is always the tenant's own domain, whatever domain the request came to (Auth0 "Get Management API Access Tokens").
			if (body.audience !== `https://${KEYS.auth0TenantDomain}/api/v2/`) return reply(403, { error: 'access_denied', error_description: `Service not found: ${body.audience}` });
			const token = crypto.randomBytes(16).toString('hex');
			managementTokens.add(token);
			return reply(200, { access_token: token, token_type: 'Bearer', expires_in: 86400, scope: 'read:users create:user_tickets' });
		}
		if (path.startsWith('/api/v2/')) {
			if (!managementTokens.has(String(headers.authorization).replace(/^Bearer /, ''))) return reply(401, { statusCode: 401, error: 'Unauthorized', message: 'Invalid token' });
			if (method === 'GET' && path === '/api/v2/users-by-email') {
				// An exact, case-sensitive match; database users are stored in lower case ("Retrieve Users with the Get Users by Email Endpoint").
				const found = sandbox.account('auth0', query.email);
				const account = found?.email === query.email ? found : undefined;
				const identity = { connection: CONNECTION, provider: 'auth0', user_id: account?.username, isSocial: false };
				return reply(200, account ? [{ user_id: `auth0|${account.username}`, email: account.email, identities: [identity] }] : []);
			}
			// Set Password: the user's password, in its connection (Management API v2 `PATCH /users/{id}`).
			const user = /^\/api\/v2\/users\/auth0\|([^/]+)$/.exec(decodeURIComponent(path));
			if (method === 'PATCH' && user) {
				const account = accountById(sandbox, 'auth0', user[1]);
				if (!account) return reply(404, { statusCode: 404, error: 'Not Found', message: 'The user does not exist.', errorCode: 'inexistent_user' });
				if (body?.connection !== CONNECTION) return reply(400, { statusCode: 400, error: 'Bad Request', message: 'Connection does not exist', errorCode: 'invalid_body' });
				if (String(body.password ?? '').length < 8) return reply(400, { statusCode: 400, error: 'Bad Request', message: 'PasswordStrengthError: Password is too weak' });
				setByAdmin(account, body.password);
				return reply(200, { user_id: `auth0|${account.username}`, email: account.email });
			}
			if (method === 'POST' && path === '/api/v2/tickets/password-change') {
				const account = [...sandbox.accounts.values()].find((candidate) => `auth0|${candidate.username}` === body?.user_id && sandbox.account('auth0', candidate.email) === candidate);
				if (!account) return reply(404, { statusCode: 404, error: 'Not Found', message: 'The user does not exist.', errorCode: 'inexistent_user' });
				const ticket = sandbox.issueToken('auth0', account, { mailed: false });
				return reply(201, { ticket: sandbox.link(`/auth0/lo/reset?ticket=${ticket}#`) });
			}
			return reply(404, { statusCode: 404, error: 'Not Found', message: 'Not Found' });
		}
		if (method !== 'POST' || path !== '/dbconnections/change_password') return reply(404, { error: 'not_found', error_description: 'Not found' });
		if (body?.client_id !== KEYS.auth0Client) return reply(400, { error: 'invalid_request', error_description: 'Unknown client' });
		if (body?.connection !== 'Username-Password-Authentication') return reply(400, { error: 'invalid_request', error_description: 'Connection does not exist' });
		const account = sandbox.account('auth0', body?.email);
		if (account) sandbox.issueToken('auth0', account);
		return reply(200, "We've just sent you an email to reset your password.");
	},
};
