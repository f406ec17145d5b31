'use strict';
/** Strapi (Users & Permissions): `{ok:true}` for every email; codes never expire. */
const crypto = require('node:crypto');
const { accountByNumber, accountsWhere, sameEmail, setByAdmin } = require('../admin.cjs');

const KEYS = { strapiApiToken: 'sandbox-strapi-api-token' };

module.exports = {
	id: 'strapi',
	scenarios: [{ credential: (keys) => ({ strapiApiToken: keys.strapiApiToken }), setPassword: true }],
	keys: KEYS,
	/** The path its base URL ends in, as its real deployments have it. */
	basePath: '/api',
	// Strapi reset codes never expire.
	token: { lifetime: null, issue: () => crypto.randomBytes(32).toString('hex') },
	handle(sandbox, { method, path, body, query, headers }, reply) {
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
		// Set Password (`controllers/user.js`): an API token; the search answers a bare list, the update the user.
		const user = /^\/api\/users\/([^/]+)$/.exec(path);
		if ((method === 'GET' && path === '/api/users') || (method === 'PUT' && user)) {
			if (headers.authorization !== `Bearer ${KEYS.strapiApiToken}`) return error(401, 'UnauthorizedError', 'Missing or invalid credentials');
			// A user as Strapi 5.54 answers it (its numeric id, measured on the real one).
			const asUser = (account) => {
				const at = new Date(0).toISOString();
				return { id: account.number, documentId: `doc${account.number}`, username: account.username, email: account.email, provider: 'local', confirmed: true, blocked: false, createdAt: at, updatedAt: at, publishedAt: at };
			};
			if (method === 'GET') return reply(200, accountsWhere(sandbox, 'strapi', sameEmail(query['filters[email][$eqi]'])).map(asUser));
			const account = accountByNumber(sandbox, 'strapi', user[1]);
			if (!account) return error(404, 'NotFoundError', 'Not Found');
			if (String(body?.password ?? '').length < 6) return invalid('password', 'password must be at least 6 characters', body?.password);
			setByAdmin(account, body.password);
			return reply(200, asUser(account));
		}
		return error(404, 'NotFoundError', 'Not Found');
	},
};
