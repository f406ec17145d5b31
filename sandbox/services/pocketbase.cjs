'use strict';
/** PocketBase: the `users` auth collection; 204 for every email; field errors under `data`. */
const crypto = require('node:crypto');
const { accountById, setByAdmin } = require('../admin.cjs');

const KEYS = { pocketbaseSuperuserToken: 'sandbox-pocketbase-superuser-token' };

module.exports = {
	id: 'pocketbase',
	scenarios: [{ credential: (keys) => ({ pocketbaseCollection: 'users', pocketbaseSuperuserToken: keys.pocketbaseSuperuserToken }), setPassword: true }],
	keys: KEYS,
	token: { lifetime: 1800, issue: () => `eyJ.${crypto.randomBytes(24).toString('base64url')}` },
	handle(sandbox, { method, path, body, query, headers }, reply) {
		const fieldError = (field, code, message) => reply(400, { code: 400, message: 'An error occurred while validating the submitted data.', data: { [field]: { code, message } } });
		// Set Password: a superuser's token (`apis/middlewares.go`), the records' list and update (`forms/record_upsert.go`).
		const record = /^\/api\/collections\/users\/records(?:\/([^/]+))?$/.exec(path);
		if (record && ((method === 'GET' && !record[1]) || (method === 'PATCH' && record[1]))) {
			if (String(headers.authorization).replace(/^Bearer /, '') !== KEYS.pocketbaseSuperuserToken) return reply(403, { code: 403, message: 'Only superusers can perform this action.', data: {} });
			if (method === 'GET') {
				const wanted = [...String(query.filter ?? '').matchAll(/email='((?:[^'\\]|\\.)*)'/g)].map((match) => match[1].replace(/\\(.)/g, '$1'));
				const items = [...new Set(wanted.map((email) => sandbox.account('pocketbase', email)).filter((account) => account && wanted.includes(account.email)))].map((account) => ({ id: account.username, email: account.email }));
				return reply(200, { page: 1, perPage: 2, totalItems: items.length, totalPages: 1, items });
			}
			const account = accountById(sandbox, 'pocketbase', record[1]);
			if (!account) return reply(404, { code: 404, message: "The requested resource wasn't found.", data: {} });
			if (!body?.password || body.password.length < 8) return fieldError('password', 'validation_length_out_of_range', 'The length must be between 8 and 71.');
			if (body.password !== body.passwordConfirm) return fieldError('passwordConfirm', 'validation_values_mismatch', "Values don't match.");
			setByAdmin(account, body.password, { endsSessions: true });
			return reply(200, { id: account.username, email: account.email, collectionName: 'users' });
		}
		const match = /^\/api\/collections\/([^/]+)\/(request-password-reset|confirm-password-reset)$/.exec(path);
		if (method === 'GET' && path === '/api/health') return reply(200, { code: 200, message: 'API is healthy.', data: {} });
		if (!match || method !== 'POST') return reply(404, { code: 404, message: 'The requested resource wasn\'t found.', data: {} });
		if (match[1] !== 'users') return reply(404, { code: 404, message: 'Missing or invalid collection context.', data: {} });
		if (match[2] === 'request-password-reset') {
			if (!/^[^\s@]+@[^\s@]+$/.test(body?.email ?? '')) return fieldError('email', 'validation_is_email', 'Must be a valid email address.');
			const account = sandbox.account('pocketbase', body.email);
			if (account) sandbox.issueToken('pocketbase', account);
			return reply(204, '');
		}
		const { account, problem } = sandbox.redeem('pocketbase', body?.token);
		if (problem) return fieldError('token', 'validation_invalid_token', 'Invalid or expired token.');
		if (!body.password || body.password.length < 8) return fieldError('password', 'validation_length_out_of_range', 'The length must be between 8 and 71.');
		if (body.password !== body.passwordConfirm) return fieldError('passwordConfirm', 'validation_values_mismatch', "Values don't match.");
		sandbox.changePassword(account, body.password);
		return reply(204, '');
	},
};
