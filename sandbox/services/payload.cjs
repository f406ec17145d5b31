'use strict';
/** Payload CMS 3: the `users` collection, `{message: 'Success'}` for every email, a session token on reset. */
const crypto = require('node:crypto');
const { accountByNumber, setByAdmin } = require('../admin.cjs');

const KEYS = { payloadApiKey: 'sandbox-payload-api-key' };

const error = (reply, status, message, extra = {}) => reply(status, { errors: [{ message, ...extra }] });

module.exports = {
	id: 'payload',
	scenarios: [{ credential: (keys) => ({ payloadCollection: 'users', payloadApiKey: keys.payloadApiKey }), setPassword: true }],
	keys: KEYS,
	basePath: '/api',
	token: { lifetime: 3600, issue: () => crypto.randomBytes(20).toString('hex') },
	handle(sandbox, { method, path, body, query, headers }, reply) {
		if (method === 'POST' && path === '/api/users/forgot-password') {
			if (!body?.email) return error(reply, 400, 'Missing email.');
			const account = sandbox.account('payload', body.email);
			if (account) sandbox.issueToken('payload', account);
			return reply(200, { message: 'Success' });
		}
		if (method === 'POST' && path === '/api/users/reset-password') {
			const { account, problem } = sandbox.redeem('payload', body?.token);
			if (problem) return error(reply, 403, 'Token is either invalid or has expired.');
			if (String(body.password ?? '').length < 3) {
				return error(reply, 400, 'The following field is invalid: password', { name: 'ValidationError', data: { collection: 'users', errors: [{ message: 'This value must be longer than the minimum length of 3 characters.', path: 'password' }] } });
			}
			sandbox.changePassword(account, body.password);
			// Payload logs the user in: a session token, which the node must never output.
			return reply(200, { message: 'Password reset successfully.', token: `eyJ.${crypto.randomBytes(24).toString('base64url')}`, user: { id: account.username, email: account.email } });
		}
		// As Payload's REST handler answers an unknown route (a real Payload 3.90).
		// Set Password: a user's API key (`strategies/apiKey.js`), the collection's find and update.
		const user = /^\/api\/users\/([^/]+)$/.exec(path);
		if ((method === 'GET' && path === '/api/users') || (method === 'PATCH' && user)) {
			if (headers.authorization !== `users API-Key ${KEYS.payloadApiKey}`) return error(reply, 403, 'You are not allowed to perform this action.');
			if (method === 'GET') {
				const account = sandbox.account('payload', query['where[email][equals]']);
				// A user as Payload 3.90 lists it (its numeric id, measured on the real one; `sessions` empty, with depth 0).
				const at = new Date(0).toISOString();
				const docs = account && account.email === query['where[email][equals]'] ? [{ id: account.number, collection: 'users', email: account.email, enableAPIKey: null, hasAPIKey: false, sessions: [], createdAt: at, updatedAt: at }] : [];
				return reply(200, { docs, totalDocs: docs.length, limit: 2, totalPages: 1, page: 1, pagingCounter: 1, hasPrevPage: false, hasNextPage: false, prevPage: null, nextPage: null });
			}
			const account = accountByNumber(sandbox, 'payload', user[1]);
			if (!account) return error(reply, 404, 'Not Found');
			if (String(body?.password ?? '').length < 3) {
				return error(reply, 400, 'The following field is invalid: password', { name: 'ValidationError', data: { collection: 'users', errors: [{ message: 'This value must be longer than the minimum length of 3 characters.', path: 'password' }] } });
			}
			setByAdmin(account, body.password, { endsSessions: true });
			return reply(200, { doc: { id: account.number, email: account.email }, message: 'Updated successfully.' });
		}
		return reply(404, { message: `Route not found "${path}"` });
	},
};
