'use strict';
/** Stytch passwords by email: HTTP Basic with the project; an unknown email is 404 `email_not_found`. */
const crypto = require('node:crypto');

const KEYS = { stytch: 'secret-test-sandbox-stytch-2c9d', stytchProjectId: 'project-test-00000000-sandbox' };

module.exports = {
	id: 'stytch',
	scenarios: [{ credential: (keys) => ({ apiKey: keys.stytch, stytchProjectId: keys.stytchProjectId }) }],
	keys: KEYS,
	// Thirty minutes: `reset_password_expiration_minutes`' default.
	token: { lifetime: 1800, issue: () => crypto.randomBytes(33).toString('base64url') },
	handle(sandbox, { method, path, body, headers }, reply) {
		const requestId = `request-id-test-${crypto.randomUUID()}`;
		const error = (status, type, message) =>
			reply(status, { status_code: status, request_id: requestId, error_type: type, error_message: message, error_url: `https://stytch.com/docs/api/errors/${status}#${type}` });
		const basic = `Basic ${Buffer.from(`${KEYS.stytchProjectId}:${KEYS.stytch}`).toString('base64')}`;
		if (headers.authorization !== basic) return error(401, 'unauthorized_credentials', 'Unauthorized credentials.');
		if (method === 'POST' && path === '/v1/passwords/email/reset/start') {
			if (!body?.email) return error(400, 'invalid_email', 'Email format is invalid.');
			const account = sandbox.account('stytch', body.email);
			if (!account) return error(404, 'email_not_found', 'Email could not be found.');
			sandbox.issueToken('stytch', account);
			return reply(200, { status_code: 200, request_id: requestId, user_id: `user-test-${account.username}`, email_id: `email-test-${account.username}` });
		}
		if (method === 'POST' && path === '/v1/passwords/email/reset') {
			const { account, problem } = sandbox.redeem('stytch', body?.token);
			if (problem) return error(401, 'unable_to_auth_magic_link', 'Magic link could not be authenticated because the magic link token is invalid or has already been used.');
			if (String(body?.password ?? '').length < 8) return error(400, 'weak_password', 'Password is too weak.');
			sandbox.changePassword(account, body.password);
			return reply(200, {
				status_code: 200,
				request_id: requestId,
				user_id: `user-test-${account.username}`,
				user: { user_id: `user-test-${account.username}`, emails: [{ email: account.email, verified: true }] },
				session_token: crypto.randomBytes(32).toString('base64url'),
				session_jwt: `eyJ.${crypto.randomBytes(48).toString('base64url')}`,
			});
		}
		return error(404, 'route_not_found', 'The route could not be found.');
	},
};
