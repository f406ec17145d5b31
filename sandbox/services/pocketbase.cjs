'use strict';
/** PocketBase: the `users` auth collection; 204 for every email; field errors under `data`. */
const crypto = require('node:crypto');

module.exports = {
	id: 'pocketbase',
	scenarios: [{ credential: () => ({ pocketbaseCollection: 'users' }) }],
	token: { lifetime: 1800, issue: () => `eyJ.${crypto.randomBytes(24).toString('base64url')}` },
	handle(sandbox, { method, path, body }, reply) {
		const fieldError = (field, code, message) => reply(400, { code: 400, message: 'An error occurred while validating the submitted data.', data: { [field]: { code, message } } });
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
