'use strict';
/** WorkOS User Management: a created reset answers its token and your page's link, mailing nothing. */
const crypto = require('node:crypto');
const { accountById, accountsWhere, sameEmail, setByAdmin } = require('../admin.cjs');

const KEYS = { workos: 'sk_test_sandbox-workos-api-key' };

const userJson = (account) => ({ object: 'user', id: `user_${account.username}`, email: account.email, email_verified: true });

module.exports = {
	id: 'workos',
	scenarios: [
		// WorkOS mails nothing: the sandbox issues the token a created reset would carry; the link is on its own host as your page.
		{
			credential: (keys, sandboxUrl) => ({ apiKey: keys.workos, workosResetUrl: `${sandboxUrl}/workos/reset-password` }),
			send: 'not_supported',
			tokenFromSandbox: true,
			link: true,
			setPassword: true,
		},
	],
	keys: KEYS,
	// Fifteen minutes (the reference's example: expires_at 15 min after created_at).
	token: { lifetime: 900, issue: () => crypto.randomBytes(19).toString('base64url').slice(0, 25) },
	handle(sandbox, { method, path, body, query, headers }, reply) {
		const error = (status, code, message) => reply(status, { code, message });
		if (headers.authorization !== `Bearer ${KEYS.workos}`) return reply(401, { message: 'Unauthorized' });
		if (method === 'POST' && path === '/user_management/password_reset') {
			const account = sandbox.account('workos', body?.email);
			if (!account) return error(404, 'entity_not_found', `Could not find user with email '${body?.email}'.`);
			const token = sandbox.issueToken('workos', account, { mailed: false });
			const now = new Date(sandbox.now() * 1000);
			return reply(201, {
				object: 'password_reset',
				id: `password_reset_${crypto.randomBytes(8).toString('hex')}`,
				user_id: `user_${account.username}`,
				email: account.email,
				password_reset_token: token,
				password_reset_url: `${sandbox.link('/workos/reset-password')}?token=${token}`,
				expires_at: new Date(now.getTime() + 900_000).toISOString(),
				created_at: now.toISOString(),
			});
		}
		if (method === 'POST' && path === '/user_management/password_reset/confirm') {
			const { account, problem } = sandbox.redeem('workos', body?.token);
			if (problem === 'expired') return error(400, 'password_reset_token_expired', 'The password reset token has expired.');
			if (problem) return error(404, 'entity_not_found', 'Could not find a password reset with this token.');
			if (String(body?.new_password ?? '').length < 8) return error(422, 'password_strength_error', 'Password does not meet strength requirements.');
			sandbox.changePassword(account, body.new_password);
			account.sessionsEnded = (account.sessionsEnded ?? 0) + 1;
			return reply(200, { user: userJson(account) });
		}
		if (method === 'GET' && path === '/user_management/users') {
			const found = accountsWhere(sandbox, 'workos', query.email === undefined ? () => true : sameEmail(query.email));
			return reply(200, { object: 'list', data: found.map(userJson), list_metadata: { before: null, after: null } });
		}
		const user = /^\/user_management\/users\/user_([^/]+)$/.exec(path);
		if (method === 'PUT' && user) {
			const account = accountById(sandbox, 'workos', user[1]);
			if (!account) return error(404, 'entity_not_found', `Could not find user '${user[1]}'.`);
			if (String(body?.password ?? '').length < 8) return error(422, 'password_strength_error', 'Password does not meet strength requirements.');
			setByAdmin(account, body.password);
			return reply(200, userJson(account));
		}
		return reply(404, { message: 'Not Found' });
	},
};
