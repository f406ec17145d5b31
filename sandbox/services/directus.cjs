'use strict';
/** Directus: 204 for every email; a spent token is FORBIDDEN (its password hash changed). */
const crypto = require('node:crypto');
const { accountById, accountsWhere, setByAdmin } = require('../admin.cjs');

const KEYS = { directusAdminToken: 'sandbox-directus-static-token' };

module.exports = {
	id: 'directus',
	scenarios: [{ credential: (keys) => ({ directusAdminToken: keys.directusAdminToken }), setPassword: true }],
	keys: KEYS,
	token: { lifetime: 86400, issue: () => `eyJ.${crypto.randomBytes(24).toString('base64url')}` },
	handle(sandbox, { method, path, body, query, headers }, reply) {
		const error = (status, code, message) => reply(status, { errors: [{ message, extensions: { code } }] });
		if (method === 'GET' && path === '/server/ping') return reply(200, 'pong');
		if (method === 'POST' && path === '/auth/password/request') {
			if (body?.reset_url && !body.reset_url.startsWith('https://app.example.com/')) {
				return error(400, 'INVALID_PAYLOAD', `URL "${body.reset_url}" can't be used to reset passwords.`);
			}
			const account = sandbox.account('directus', body?.email);
			if (account) sandbox.issueToken('directus', account);
			return reply(204, '');
		}
		if (method === 'POST' && path === '/auth/password/reset') {
			// A real Directus answers a spent token (its password hash changed) with FORBIDDEN.
			if (sandbox.spentToken('directus', body?.token)) {
				return error(403, 'FORBIDDEN', "You don't have permission to access sandbox.");
			}
			const { account, problem } = sandbox.redeem('directus', body?.token);
			if (problem === 'expired') return error(401, 'TOKEN_EXPIRED', 'Token expired.');
			if (problem) return error(403, 'INVALID_TOKEN', 'Invalid token');
			if (!body.password || body.password.length < 8) return error(400, 'FAILED_VALIDATION', 'Password doesn\'t meet the password policy.');
			sandbox.changePassword(account, body.password);
			return reply(204, '');
		}
		// Set Password (`services/users.js`): the static token; a search as a real Directus 12.4 takes it.
		const user = /^\/users\/([^/]+)$/.exec(path);
		if ((method === 'GET' && path === '/users') || (method === 'PATCH' && user)) {
			if (headers.authorization !== `Bearer ${KEYS.directusAdminToken}`) return error(401, 'INVALID_CREDENTIALS', 'Invalid user credentials.');
			if (method === 'GET') {
				if (query['filter[email][_ieq]'] !== undefined) return error(400, 'INVALID_QUERY', 'Invalid query. "string" field type does not contain the "_ieq" filter operator.');
				const part = String(query['filter[email][_icontains]'] ?? '').toLowerCase();
				return reply(200, { data: accountsWhere(sandbox, 'directus', (email) => email.includes(part)).map((account) => ({ id: account.username, email: account.email })) });
			}
			const account = accountById(sandbox, 'directus', user[1]);
			if (!account) return error(403, 'FORBIDDEN', "You don't have permission to access this.");
			if (String(body?.password ?? '').length < 8) return error(400, 'FAILED_VALIDATION', 'Validation failed for field "password". Value doesn\'t have the correct format.');
			setByAdmin(account, body.password, { endsSessions: true });
			return reply(200, { data: { id: account.username, email: account.email } });
		}
		return error(404, 'ROUTE_NOT_FOUND', `Route ${path} doesn't exist.`);
	},
};
