'use strict';
/**
 * Ghost's staff password reset (Admin API, public routes): an unknown email is 404 NotFoundError;
 * sends are limited for the whole site (4 free an hour, `spam.global_reset`).
 */
const crypto = require('node:crypto');

const FREE_RESETS = 4;
const WINDOW_SECONDS = 3600;
const MIN_LENGTH = 10;

const ghostError = (type, message, context = null) => ({ errors: [{ message, context, type, details: null, property: null, help: null, code: null, id: crypto.randomUUID(), ghostErrorCode: null }] });

module.exports = {
	id: 'ghost',
	keys: {},
	// url-safe base64 of `<expires ms>|<email>|<hash>`, valid a day (`passwordreset.js`).
	token: { lifetime: 86400, issue: (account) => Buffer.from(`${Date.now() + 86400000}|${account.email}|${crypto.randomBytes(32).toString('base64')}`).toString('base64url') },
	handle(sandbox, { method, path, body }, reply) {
		if (method === 'GET' && path === '/ghost/api/admin/site') return reply(200, { site: { title: 'Sandbox Ghost', url: 'http://127.0.0.1/', version: '6.65' } });
		if (path !== '/ghost/api/admin/authentication/password_reset') return reply(404, ghostError('NotFoundError', 'Resource not found'));
		const [entry] = Array.isArray(body?.password_reset) ? body.password_reset : [{}];
		if (method === 'POST') {
			const now = sandbox.now();
			const recent = (sandbox.sends.get('ghost:site') ?? []).filter((at) => now - at < WINDOW_SECONDS);
			recent.push(now);
			sandbox.sends.set('ghost:site', recent);
			if (recent.length > FREE_RESETS) {
				return reply(429, ghostError('TooManyRequestsError', 'Too many attempts try again in an hour', 'Too many password reset attempts.'), { 'Retry-After': String(WINDOW_SECONDS) });
			}
			if (!/^[^@\s]+@[^@\s]+$/.test(String(entry?.email ?? ''))) return reply(422, ghostError('ValidationError', 'The server did not receive a valid email'));
			const account = sandbox.account('ghost', entry.email);
			if (!account) return reply(404, ghostError('NotFoundError', 'User not found.'));
			sandbox.issueToken('ghost', account);
			return reply(200, { password_reset: [{ message: 'Check your email for further instructions.' }] });
		}
		if (method === 'PUT') {
			if (entry?.newPassword !== entry?.ne2Password) return reply(422, ghostError('ValidationError', 'Your new passwords do not match'));
			if (sandbox.spentToken('ghost', entry?.token)) return reply(400, ghostError('BadRequestError', 'Cannot reset password.', 'Password reset link has already been used.'));
			const { account, problem } = sandbox.redeem('ghost', entry?.token);
			if (problem === 'expired') return reply(400, ghostError('BadRequestError', 'Cannot reset password.', 'Password reset link expired.'));
			if (problem) return reply(401, ghostError('UnauthorizedError', 'Cannot reset password.', 'Invalid password reset link.'));
			if (String(entry.newPassword ?? '').length < MIN_LENGTH) return reply(422, ghostError('ValidationError', 'Your password must be at least 10 characters long.'));
			sandbox.changePassword(account, entry.newPassword);
			return reply(200, { password_reset: [{ message: 'Password updated' }] }, { 'Set-Cookie': `ghost-admin-api-session=${crypto.randomBytes(24).toString('base64url')}; Path=/ghost; HttpOnly` });
		}
		return reply(404, ghostError('NotFoundError', 'Resource not found'));
	},
};
