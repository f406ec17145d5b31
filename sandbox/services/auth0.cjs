'use strict';
/** Auth0: send only (`/dbconnections/change_password`, a plain-text 200); the link opens Auth0's hosted page. */
const crypto = require('node:crypto');

/** What this sandbox service accepts as its key or client identifiers. */
const KEYS = { auth0Client: 'sandbox-client' };

module.exports = {
	id: 'auth0',
	scenarios: [
		// Auth0 finishes resets on its own page: Reset Password fails before any request.
		{ credential: (keys) => ({ auth0ClientId: keys.auth0Client }), reset: 'not_supported', reuse: null },
	],
	keys: KEYS,
	// Auth0's link opens its hosted page: nothing an API can redeem.
	token: { lifetime: 86400, issue: () => `https://tenant.auth0.example/lo/reset?ticket=${crypto.randomBytes(12).toString('hex')}` },
	handle(sandbox, { method, path, body }, reply) {
		if (method === 'GET' && path === '/.well-known/openid-configuration') return reply(200, { issuer: 'https://tenant.auth0.example/' });
		if (method !== 'POST' || path !== '/dbconnections/change_password') return reply(404, { error: 'not_found', error_description: 'Not found' });
		if (body?.client_id !== KEYS.auth0Client) return reply(400, { error: 'invalid_request', error_description: 'Unknown client' });
		if (body?.connection !== 'Username-Password-Authentication') return reply(400, { error: 'invalid_request', error_description: 'Connection does not exist' });
		const account = sandbox.account('auth0', body?.email);
		if (account) sandbox.issueToken('auth0', account);
		return reply(200, "We've just sent you an email to reset your password.");
	},
};
