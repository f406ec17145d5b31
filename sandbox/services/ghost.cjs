'use strict';
/**
 * Ghost's staff password reset (Admin API, public routes), as Ghost 6.65 answers (measured,
 * test/real/ghost.cjs): an unknown email is 404 NotFoundError "User not found."; a malformed one
 * 400 BadRequestError; sends are limited to 5 an hour from one address (`spam.global_reset`),
 * then 429 without a Retry-After.
 */
const crypto = require('node:crypto');

const FREE_RESETS = 5;
const WINDOW_SECONDS = 3600;
const MIN_LENGTH = 10;

const ghostError = (type, message, { context = null, help = null, code = null } = {}) => ({
	errors: [{ message, context, type, details: null, property: null, help, code, id: crypto.randomUUID(), ghostErrorCode: null }],
});

const SITE = {
	title: 'Sandbox Ghost',
	description: 'Thoughts, stories and ideas',
	logo: null,
	icon: null,
	cover_image: 'https://static.ghost.org/v5.0.0/images/publication-cover.jpg',
	accent_color: '#FF1A75',
	locale: 'en',
	timezone: 'Etc/UTC',
	url: 'http://127.0.0.1/',
	version: '6.65',
	allow_external_signup: true,
	site_uuid: '3889fb10-a12a-434c-8d4e-f39a36b5b606',
};

module.exports = {
	id: 'ghost',
	keys: {},
	// url-safe base64 of `<expires ms>|<email>|<hash>`, valid a day (`passwordreset.js`).
	token: { lifetime: 86400, issue: (account) => Buffer.from(`${Date.now() + 86400000}|${account.email}|${crypto.randomBytes(32).toString('base64')}`).toString('base64url') },
	handle(sandbox, { method, path, body }, reply) {
		if (method === 'GET' && path === '/ghost/api/admin/site') return reply(200, { site: SITE });
		if (path !== '/ghost/api/admin/authentication/password_reset') return reply(404, ghostError('NotFoundError', 'Resource not found'));
		const [entry] = Array.isArray(body?.password_reset) ? body.password_reset : [{}];
		if (method === 'POST') {
			const now = sandbox.now();
			const recent = (sandbox.sends.get('ghost:site') ?? []).filter((at) => now - at < WINDOW_SECONDS);
			recent.push(now);
			sandbox.sends.set('ghost:site', recent);
			if (recent.length > FREE_RESETS) {
				return reply(429, ghostError('TooManyRequestsError', 'Too many attempts try again in an hour', { context: `Only ${FREE_RESETS} tries per IP address every ${WINDOW_SECONDS} seconds.`, help: 'Forgotten password reset attempt failed' }));
			}
			if (!/^[^@\s]+@[^@\s]+$/.test(String(entry?.email ?? ''))) return reply(400, ghostError('BadRequestError', 'The server did not receive a valid email'));
			const account = sandbox.account('ghost', entry.email);
			if (!account) return reply(404, ghostError('NotFoundError', 'User not found.'));
			sandbox.issueToken('ghost', account);
			return reply(200, { password_reset: [{ message: 'Check your email for further instructions.' }] });
		}
		if (method === 'PUT') {
			if (entry?.newPassword !== entry?.ne2Password) return reply(422, ghostError('ValidationError', 'Your new passwords do not match'));
			if (sandbox.spentToken('ghost', entry?.token)) {
				return reply(400, ghostError('BadRequestError', 'Cannot reset password.', { context: 'Password reset link has already been used.', help: 'Request a new password reset via the login form.' }));
			}
			const { account, problem } = sandbox.redeem('ghost', entry?.token);
			if (problem === 'expired') return reply(400, ghostError('BadRequestError', 'Cannot reset password.', { context: 'Password reset link expired.', help: 'Request a new password reset via the login form.' }));
			if (problem) {
				return reply(401, ghostError('UnauthorizedError', 'Cannot reset password.', { context: 'Invalid password reset link.', help: 'Check if password reset link has been fully copied or request new password reset via the login form.' }));
			}
			if (String(entry.newPassword ?? '').length < MIN_LENGTH) return reply(422, ghostError('ValidationError', `Your password must be at least ${MIN_LENGTH} characters long.`));
			sandbox.changePassword(account, entry.newPassword);
			// Ghost signs the staff user in: a session cookie the node never hands on.
			return reply(200, { password_reset: [{ message: 'Password updated' }] }, { 'Set-Cookie': `ghost-admin-api-session=s%3A${crypto.randomBytes(24).toString('base64url')}; Path=/ghost; HttpOnly; SameSite=Lax` });
		}
		return reply(404, ghostError('NotFoundError', 'Resource not found'));
	},
};
