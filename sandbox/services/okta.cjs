'use strict';
/** Okta (Management API): SSWS API token; the user named by login in the path; Okta's hosted page finishes the reset. */
const crypto = require('node:crypto');
const { accountById, setByAdmin } = require('../admin.cjs');
const { hostedResetPage } = require('../hostedPage.cjs');

const KEYS = { okta: 'sandbox-okta-api-token' };
const error = (reply, status, errorCode, errorSummary) => reply(status, { errorCode, errorSummary, errorLink: errorCode, errorId: crypto.randomBytes(8).toString('hex'), errorCauses: [] });

module.exports = {
	id: 'okta',
	scenarios: [
		// Okta finishes resets on its own page.
		{ credential: (keys) => ({ apiKey: keys.okta }), reset: 'not_supported', reuse: null, link: true, setPassword: true },
	],
	keys: KEYS,
	// The link's token opens Okta's hosted page (`/reset_password/<token>`): nothing an API can redeem.
	token: { lifetime: 3600, issue: () => crypto.randomBytes(12).toString('hex') },
	handle(sandbox, { method, path, query, headers, body }, reply) {
		const hosted = /^\/reset_password\/([0-9a-f]+)$/.exec(path);
		if (hosted) return hostedResetPage(sandbox, 'okta', hosted[1], { method, body }, reply);
		if (headers.authorization !== `SSWS ${KEYS.okta}`) return error(reply, 401, 'E0000011', 'Invalid token provided');
		if (method === 'GET' && path === '/api/v1/users/me') return reply(200, { id: '00u-admin', status: 'ACTIVE', profile: { login: 'admin@example.com' } });
		// Set Password: the user by login, the strict administrative update, expire_password (UserApi, UserCred API).
		const oktaUser = (account) => ({ id: `00u${account.username}`, status: account.mustChangePassword ? 'PASSWORD_EXPIRED' : 'ACTIVE', profile: { login: account.email, email: account.email } });
		const byOktaId = (id) => accountById(sandbox, 'okta', String(id).replace(/^00u/, ''));
		const user = /^\/api\/v1\/users\/([^/]+)$/.exec(path);
		if (method === 'GET' && user) {
			const account = sandbox.account('okta', decodeURIComponent(user[1])) ?? byOktaId(decodeURIComponent(user[1]));
			if (!account) return error(reply, 404, 'E0000007', `Not found: Resource not found: ${decodeURIComponent(user[1])} (User)`);
			return reply(200, oktaUser(account));
		}
		if (method === 'POST' && user) {
			const account = byOktaId(decodeURIComponent(user[1]));
			if (!account) return error(reply, 404, 'E0000007', `Not found: Resource not found: ${decodeURIComponent(user[1])} (User)`);
			const value = body?.credentials?.password?.value;
			if (String(value ?? '').length < 8) {
				return reply(400, { errorCode: 'E0000001', errorSummary: 'Api validation failed: password', errorLink: 'E0000001', errorId: 'sandbox', errorCauses: [{ errorSummary: 'password: Password requirements were not met. Password requirements: at least 8 characters.' }] });
			}
			setByAdmin(account, value);
			return reply(200, oktaUser(account));
		}
		const expire = /^\/api\/v1\/users\/([^/]+)\/lifecycle\/expire_password$/.exec(path);
		if (method === 'POST' && expire) {
			const account = byOktaId(decodeURIComponent(expire[1]));
			if (!account) return error(reply, 404, 'E0000007', 'Not found: Resource not found (User)');
			account.mustChangePassword = true;
			return reply(200, oktaUser(account));
		}
		const match = /^\/api\/v1\/users\/([^/]+)\/lifecycle\/reset_password$/.exec(path);
		if (!match || method !== 'POST') return error(reply, 404, 'E0000022', 'The endpoint does not support the provided HTTP method');
		const account = sandbox.account('okta', decodeURIComponent(match[1]));
		if (!account) return error(reply, 404, 'E0000007', `Not found: Resource not found: ${decodeURIComponent(match[1])} (User)`);
		if (query.sendEmail === 'false') {
			const token = sandbox.issueToken('okta', account, { mailed: false });
			return reply(200, { summary: 'Reset password without sending email', resetPasswordUrl: sandbox.link(`/okta/reset_password/${token}`) });
		}
		sandbox.issueToken('okta', account);
		return reply(200, {});
	},
};
