'use strict';
/** Clerk's Backend API, help desk only: the user by email address, the password set, marked compromised. */
const crypto = require('node:crypto');
const { accountById, accountsWhere, sameEmail, setByAdmin } = require('../admin.cjs');

const KEYS = { clerk: 'sk_test_sandbox-clerk-secret-key' };
const MIN_LENGTH = 8;

const userJson = (account) => ({
	object: 'user',
	id: `user_${account.username}`,
	email_addresses: [{ object: 'email_address', id: `idn_${account.username}`, email_address: account.email }],
	password_enabled: true,
});

module.exports = {
	id: 'clerk',
	scenarios: [
		// No server-side reset: Send Reset Email and Reset Password fail before any request.
		{ credential: (keys) => ({ apiKey: keys.clerk }), send: 'not_supported', reset: 'not_supported', reuse: null, setPassword: true },
	],
	keys: KEYS,
	// Clerk's reset code (its front-end flow, or the Password Reset Trigger): six digits.
	token: { lifetime: 600, issue: () => String(crypto.randomInt(100000, 1000000)) },
	handle(sandbox, { method, path, body, query, headers }, reply) {
		const error = (status, code, message, longMessage = message) => reply(status, { errors: [{ code, message, long_message: longMessage, meta: {} }], clerk_trace_id: crypto.randomBytes(8).toString('hex') });
		if (headers.authorization !== `Bearer ${KEYS.clerk}`) {
			return error(401, 'authentication_invalid', 'Unauthorized request', 'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.');
		}
		if (method === 'GET' && path === '/v1/users/count') return reply(200, { object: 'total_count', total_count: accountsWhere(sandbox, 'clerk', () => true).length });
		if (method === 'GET' && path === '/v1/users') return reply(200, accountsWhere(sandbox, 'clerk', sameEmail(query.email_address)).map(userJson));
		const user = /^\/v1\/users\/user_([^/]+)(\/password\/set_compromised)?$/.exec(path);
		const account = user && accountById(sandbox, 'clerk', user[1]);
		if (!account) return error(404, 'resource_not_found', 'not found', 'The requested resource was not found');
		if (method === 'PATCH' && !user[2]) {
			const password = String(body?.password ?? '');
			if (password.length < MIN_LENGTH) return error(422, 'form_password_length_too_short', 'Passwords must be 8 characters or more.');
			setByAdmin(account, password, { endsSessions: body.sign_out_of_other_sessions === true });
			return reply(200, userJson(account));
		}
		if (method === 'POST' && user[2]) {
			// The password stays, and must be reset at the next sign-in.
			account.mustChangePassword = true;
			return reply(200, userJson(account));
		}
		return error(405, 'method_not_allowed', 'Method not allowed');
	},
};
