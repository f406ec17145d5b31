'use strict';
/**
 * Better Auth (1.7), its emailed-link flow: the same answer for every email, `{code, message}`
 * errors, single-use tokens of 24 characters that live an hour, passwords of 8 to 128.
 */
const crypto = require('node:crypto');
const { accountById, setByAdmin } = require('../admin.cjs');
const { SEND_WINDOW_SECONDS } = require('../limits.cjs');

/** Better Auth's own answers, shared with its Email OTP flow (betterAuthEmailOtp.cjs). */
const betterAuthError = (reply, status, code, message) => reply(status, { code, message });
const passwordProblem = (password) =>
	!password || password.length < 8 ? ['PASSWORD_TOO_SHORT', 'Password too short'] : password.length > 128 ? ['PASSWORD_TOO_LONG', 'Password too long'] : undefined;
/** An admin's session token the sandbox accepts (the bearer plugin's Bearer). */
const ADMIN_SESSION = 'sandbox-better-auth-admin-session';

/**
 * The admin plugin's routes (`plugins/admin/routes.mjs`), for both flows (`service`): the user
 * list, the set (no session revoked), and the revoke.
 */
const adminRoutes = (service) => (sandbox, { method, path, body, query, headers }, reply) => {
	const routes = ['/api/auth/admin/list-users', '/api/auth/admin/set-user-password', '/api/auth/admin/revoke-user-sessions'];
	if (!routes.includes(path)) return false;
	if (headers.authorization !== `Bearer ${ADMIN_SESSION}`) return betterAuthError(reply, 401, 'UNAUTHORIZED', 'Unauthorized');
	if (method === 'GET' && path === routes[0]) {
		const account = query.filterField === 'email' && query.filterOperator === 'eq' ? sandbox.account(service, query.filterValue) : undefined;
		const users = account && account.email === query.filterValue ? [{ id: account.username, email: account.email, role: 'user' }] : [];
		return reply(200, { users, total: users.length, limit: Number(query.limit ?? 100), offset: 0 });
	}
	const account = accountById(sandbox, service, body?.userId);
	if (!account) return betterAuthError(reply, 404, 'USER_NOT_FOUND', 'User not found');
	if (method === 'POST' && path === routes[1]) {
		const weak = passwordProblem(body.newPassword);
		if (weak) return betterAuthError(reply, 400, ...weak);
		setByAdmin(account, body.newPassword);
		return reply(200, { status: true });
	}
	if (method === 'POST' && path === routes[2]) {
		account.sessionsEnded = (account.sessionsEnded ?? 0) + 1;
		return reply(200, { success: true });
	}
	return reply(404, '');
};

const rateLimited = (reply) => reply(429, { message: 'Too many requests. Please try again later.' }, { 'X-Retry-After': String(SEND_WINDOW_SECONDS) });

module.exports = {
	id: 'betterAuth',
	scenarios: [{ credential: () => ({ betterAuthRedirectTo: '/reset-password', betterAuthAdminToken: ADMIN_SESSION }), setPassword: true }],
	basePath: '/api/auth',
	token: { lifetime: 3600, issue: () => crypto.randomBytes(18).toString('base64url') },
	betterAuthError,
	passwordProblem,
	rateLimited,
	adminRoutes,
	ADMIN_SESSION,
	handle(sandbox, request, reply) {
		const { method, path, body } = request;
		if (method === 'GET' && path === '/api/auth/ok') return reply(200, { ok: true });
		if (adminRoutes('betterAuth')(sandbox, request, reply) !== false) return undefined;
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
