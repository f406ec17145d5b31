'use strict';
/** Payload CMS 3: the `users` collection, `{message: 'Success'}` for every email, a session token on reset. */
const crypto = require('node:crypto');

const error = (reply, status, message, extra = {}) => reply(status, { errors: [{ message, ...extra }] });

module.exports = {
	id: 'payload',
	scenarios: [{ credential: () => ({ payloadCollection: 'users' }) }],
	basePath: '/api',
	token: { lifetime: 3600, issue: () => crypto.randomBytes(20).toString('hex') },
	handle(sandbox, { method, path, body }, reply) {
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
		return reply(404, { message: `Route not found "${path}"` });
	},
};
