'use strict';
/** Better Auth (1.7) with its Email OTP plugin: a 6-digit code, 5 minutes, 3 tries. */
const crypto = require('node:crypto');
const { ADMIN_SESSION, adminRoutes, betterAuthError, passwordProblem, rateLimited } = require('./betterAuth.cjs');

const ALLOWED_ATTEMPTS = 3;

module.exports = {
	id: 'betterAuthEmailOtp',
	scenarios: [{ credential: () => ({ betterAuthAdminToken: ADMIN_SESSION }), setPassword: true }],
	basePath: '/api/auth',
	token: { lifetime: 300, issue: () => String(crypto.randomInt(100000, 1000000)) },
	handle(sandbox, request, reply) {
		const { method, path, body } = request;
		if (method === 'GET' && path === '/api/auth/ok') return reply(200, { ok: true });
		if (adminRoutes('betterAuthEmailOtp')(sandbox, request, reply) !== false) return undefined;
		const validEmail = /^[^\s@]+@[^\s@]+$/.test(body?.email ?? '');
		if (method === 'POST' && path === '/api/auth/email-otp/request-password-reset') {
			if (!validEmail) return betterAuthError(reply, 400, 'INVALID_EMAIL', 'Invalid email');
			if (sandbox.overSendLimit('betterAuthEmailOtp', body.email)) return rateLimited(reply);
			const account = sandbox.account('betterAuthEmailOtp', body.email);
			if (account) {
				sandbox.issueToken('betterAuthEmailOtp', account);
				account.otpAttempts = 0;
			}
			return reply(200, { success: true });
		}
		if (method === 'POST' && path === '/api/auth/email-otp/reset-password') {
			if (!validEmail) return betterAuthError(reply, 400, 'INVALID_EMAIL', 'Invalid email');
			const weak = passwordProblem(body.password);
			if (weak) return betterAuthError(reply, 400, ...weak);
			const account = sandbox.account('betterAuthEmailOtp', body.email);
			if (!account?.token || account.token.used) return betterAuthError(reply, 400, 'INVALID_OTP', 'Invalid OTP');
			if (account.otpAttempts >= ALLOWED_ATTEMPTS) return betterAuthError(reply, 403, 'TOO_MANY_ATTEMPTS', 'Too many attempts');
			const { problem } = sandbox.redeem('betterAuthEmailOtp', body.otp, (value) => value === body.otp && account.token.value === value);
			if (problem === 'expired') return betterAuthError(reply, 400, 'OTP_EXPIRED', 'OTP expired');
			if (problem) {
				account.otpAttempts += 1;
				return betterAuthError(reply, 400, 'INVALID_OTP', 'Invalid OTP');
			}
			sandbox.changePassword(account, body.password);
			return reply(200, { success: true });
		}
		return reply(404, '');
	},
};
