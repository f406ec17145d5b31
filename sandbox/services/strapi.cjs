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
		const error = (status, name, message, details = {}) => reply(status, { data: null, error: { status, name, message, details } });
		// A yup validation error, as a real Strapi 5.54 lists it (with the value, the password too).
		const invalid = (field, message, value) => error(400, 'ValidationError', message, { errors: [{ path: [field], message, name: 'ValidationError', ...(value === undefined ? {} : { value }) }] });
		if (method === 'GET' && path === '/api') return reply(200, { data: null });
		if (method === 'POST' && path === '/api/auth/forgot-password') {
			if (!body?.email) return invalid('email', 'email is a required field');
			const account = sandbox.account('strapi', body.email);
			if (account) sandbox.issueToken('strapi', account);
			return reply(200, { ok: true });
		}
		if (method === 'POST' && path === '/api/auth/reset-password') {
			if (!body?.password || !body?.passwordConfirmation) return invalid('passwordConfirmation', 'passwordConfirmation is a required field');
			// bcrypt's limit, as a real Strapi 5.54 answers it.
			if (Buffer.byteLength(body.password) > 72) return invalid('password', 'Password must be less than 73 bytes', body.password);
			if (body.password !== body.passwordConfirmation) return invalid('passwordConfirmation', 'Passwords do not match', body.passwordConfirmation);
			const { account, problem } = sandbox.redeem('strapi', body.code);
			if (problem) return error(400, 'ValidationError', 'Incorrect code provided');
			sandbox.changePassword(account, body.password);
			return reply(200, { jwt: crypto.randomBytes(24).toString('hex'), user: { id: account.username, email: account.email } });
		}
		return error(404, 'NotFoundError', 'Not Found');
	},
};
