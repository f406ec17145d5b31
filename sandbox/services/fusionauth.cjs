'use strict';
/** FusionAuth: forgot-password mails the link or answers its changePasswordId; an unknown user is an empty 404. */
const crypto = require('node:crypto');
const { setByAdmin } = require('../admin.cjs');
const { hostedResetPage } = require('../hostedPage.cjs');

const KEYS = { fusionauth: 'sandbox-fusionauth-api-key-7b1c' };

const fieldError = (field, code, message) => ({ fieldErrors: { [field]: [{ code: `[${code}]${field}`, message }] }, generalErrors: [] });

module.exports = {
	id: 'fusionauth',
	scenarios: [
		// A spent id and an unknown login ID are FusionAuth's empty 404, which a wrong address gives too: the node says so.
		{ credential: (keys) => ({ apiKey: keys.fusionauth }), reuse: 'endpoint_not_found', unknownAccount: 'endpoint_not_found', link: true, setPassword: true },
	],
	keys: KEYS,
	// Ten minutes: the tenant's default changePasswordId lifetime.
	token: { lifetime: 600, issue: () => crypto.randomBytes(32).toString('base64url') },
	handle(sandbox, { method, path, body, headers }, reply) {
		const page = /^\/password\/change\/([^/]+)$/.exec(path);
		if (page) return hostedResetPage(sandbox, 'fusionauth', decodeURIComponent(page[1]), { method, body }, reply);
		if (!path.startsWith('/api/')) return reply(404, '<html><body>Not Found</body></html>');
		if (headers.authorization !== KEYS.fusionauth) return reply(401, '');
		const tooShort = (password) => password.length < 8 && reply(400, fieldError('password', 'tooShort', 'The [password] property is shorter than the minimum of [8] characters.'));
		if (method === 'POST' && path === '/api/user/forgot-password') {
			if (!body?.loginId) return reply(400, fieldError('loginId', 'blank', 'You must specify the [loginId] property.'));
			const account = sandbox.account('fusionauth', body.loginId);
			if (!account) return reply(404, '');
			const changePasswordId = sandbox.issueToken('fusionauth', account, { mailed: body.sendForgotPasswordMessage !== false });
			return reply(200, { changePasswordId });
		}
		if (method === 'POST' && path === '/api/user/change-password') {
			const password = String(body?.password ?? '');
			if (body?.changePasswordId !== undefined) {
				const { account, problem } = sandbox.redeem('fusionauth', body.changePasswordId);
				if (problem) return reply(404, '');
				if (tooShort(password)) return undefined;
				sandbox.changePassword(account, password);
				// Every refresh token ends (the reference).
				account.sessionsEnded = (account.sessionsEnded ?? 0) + 1;
				return reply(200, { oneTimePassword: crypto.randomBytes(24).toString('base64url'), state: {} });
			}
			const account = sandbox.account('fusionauth', body?.loginId);
			if (!account) return reply(404, '');
			if (tooShort(password)) return undefined;
			setByAdmin(account, password);
			return reply(200, '');
		}
		return reply(404, '');
	},
};
