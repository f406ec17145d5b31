'use strict';
/**
 * Better Auth (1.7), its emailed-link flow: the same answer for every email, `{code, message}`
 * errors, single-use tokens of 24 characters that live an hour, passwords of 8 to 128.
 */
const crypto = require('node:crypto');
const { SEND_WINDOW_SECONDS } = require('../limits.cjs');

/** Better Auth's own answers, shared with its Email OTP flow (betterAuthEmailOtp.cjs). */
const betterAuthError = (reply, status, code, message) => reply(status, { code, message });
const passwordProblem = (password) =>
	!password || password.length < 8 ? ['PASSWORD_TOO_SHORT', 'Password too short'] : password.length > 128 ? ['PASSWORD_TOO_LONG', 'Password too long'] : undefined;
const rateLimited = (reply) => reply(429, { message: 'Too many requests. Please try again later.' }, { 'X-Retry-After': String(SEND_WINDOW_SECONDS) });

module.exports = {
	id: 'betterAuth',
	scenarios: [{ credential: () => ({ betterAuthRedirectTo: '/reset-password' }) }],
	basePath: '/api/auth',
	token: { lifetime: 3600, issue: () => crypto.randomBytes(18).toString('base64url') },
	betterAuthError,
	passwordProblem,
	rateLimited,
	handle(sandbox, { method, path, body }, reply) {
		if (method === 'GET' && path === '/api/auth/ok') return reply(200, { ok: true });
		if (method === 'POST' && path === '/api/auth/request-password-reset') {
			if (typeof body?.email !== 'string') return betterAuthError(reply, 400, 'VALIDATION_ERROR', '[body.email] Invalid input: expected string, received undefined');
			if (body.redirectTo && !/^(\/|https:\/\/app\.example\.com\/)/.test(body.redirectTo)) return betterAuthError(reply, 403, 'INVALID_CALLBACK_URL', 'Invalid callbackURL');
			if (sandbox.overSendLimit('betterAuth', body.email)) return rateLimited(reply);
			const account = sandbox.account('betterAuth', body.email);
			if (account) sandbox.issueToken('betterAuth', account);
			return reply(200, { status: true, message: 'If this email exists in our system, check your email for the reset link' });
		}
		if (method === 'POST' && path === '/api/auth/reset-password') {
			if (typeof body?.newPassword !== 'string') return betterAuthError(reply, 400, 'VALIDATION_ERROR', '[body.newPassword] Invalid input');
			if (!body.token) return betterAuthError(reply, 400, 'INVALID_TOKEN', 'Invalid token');
			const weak = passwordProblem(body.newPassword);
			if (weak) return betterAuthError(reply, 400, ...weak);
			const { account, problem } = sandbox.redeem('betterAuth', body.token);
			if (problem) return betterAuthError(reply, 400, 'INVALID_TOKEN', 'Invalid token');
			sandbox.changePassword(account, body.newPassword);
			return reply(200, { status: true });
		}
		return reply(404, '');
	},
};
