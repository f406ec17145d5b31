'use strict';
/** Wabotify (Express, Plazbot envelope): public routes; the Company must match the account's. */
const crypto = require('node:crypto');
const { SEND_WINDOW_SECONDS } = require('../limits.cjs');

module.exports = {
	id: 'wabotify',
	scenarios: [{ credential: () => ({ company: 'wabotify' }) }],
	token: { lifetime: 3 * 3600, issue: () => crypto.randomUUID() },
	handle(sandbox, { method, path, body }, reply) {
		const envelope = (code, message) => ({ success: code === 200, code, errorCode: code === 200 ? null : `E${code}`, message, data: null });
		if (method === 'POST' && path === '/api/user/sendEmailToResetPassword') {
			if (!body?.email || !body?.company || !/^[^\s@]+@[^\s@]+$/.test(body.email)) {
				return reply(400, envelope(400, 'email and company are required'));
			}
			if (sandbox.overSendLimit('wabotify', body.email)) {
				return reply(429, envelope(429, 'Too many reset attempts'), { 'Retry-After': String(SEND_WINDOW_SECONDS) });
			}
			const account = sandbox.account('wabotify', body.email);
			if (!account || account.company !== body.company) return reply(404, envelope(404, 'User not found'));
			sandbox.issueToken('wabotify', account);
			return reply(200, envelope(200, 'Reset email sent successfully'));
		}
		if (method === 'POST' && path === '/api/user/resetPassword') {
			if (!body?.email || !body?.newPassword || !body?.verificationId) {
				return reply(400, envelope(400, 'email, newPassword and verificationId are required'));
			}
			const owner = sandbox.account('wabotify', body.email);
			if (!owner) return reply(404, envelope(404, 'User not found'));
			const { account, problem } = sandbox.redeem('wabotify', body.verificationId);
			if (problem || account !== owner) return reply(401, envelope(401, 'verificationId is invalid or already used'));
			if (body.newPassword.length < 8 || !/\d/.test(body.newPassword)) {
				return reply(422, envelope(422, 'The password must have at least 8 characters and a digit'));
			}
			sandbox.changePassword(account, body.newPassword);
			return reply(200, envelope(200, 'Password updated successfully'));
		}
		// Express's answer to a route it does not have.
		return reply(404, `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${method} ${path}</pre>\n</body>\n</html>\n`, { 'Content-Type': 'text/html; charset=utf-8' });
	},
};
