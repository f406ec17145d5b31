'use strict';
/** Strapi (Users & Permissions): `{ok:true}` for every email; codes never expire. */
const crypto = require('node:crypto');

module.exports = {
	id: 'strapi',
	scenarios: [{}],
	/** The path its base URL ends in, as its real deployments have it. */
	basePath: '/api',
	// Strapi reset codes never expire.
	token: { lifetime: null, issue: () => crypto.randomBytes(32).toString('hex') },
	handle(sandbox, { method, path, body }, reply) {
		const error = (status, name, message) => reply(status, { data: null, error: { status, name, message, details: {} } });
		if (method === 'GET' && path === '/api') return reply(200, { data: null });
		if (method === 'POST' && path === '/api/auth/forgot-password') {
			if (!body?.email) return error(400, 'ValidationError', 'email is a required field');
			const account = sandbox.account('strapi', body.email);
			if (account) sandbox.issueToken('strapi', account);
			return reply(200, { ok: true });
		}
		if (method === 'POST' && path === '/api/auth/reset-password') {
			if (!body?.password || !body?.passwordConfirmation) return error(400, 'ValidationError', 'passwordConfirmation is a required field');
			if (body.password !== body.passwordConfirmation) return error(400, 'ValidationError', 'Passwords do not match');
			// bcrypt's limit, as a real Strapi 5.54 answers it.
			if (Buffer.byteLength(body.password) > 72) return error(400, 'ValidationError', 'Password must be less than 73 bytes');
			const { account, problem } = sandbox.redeem('strapi', body.code);
			if (problem) return error(400, 'ValidationError', 'Incorrect code provided');
			sandbox.changePassword(account, body.password);
			return reply(200, { jwt: crypto.randomBytes(24).toString('hex'), user: { id: account.username, email: account.email } });
		}
		return error(404, 'NotFoundError', 'Not Found');
	},
};
