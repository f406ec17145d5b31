'use strict';
/** Supabase Auth (GoTrue): anon key as `apikey`; a 6-digit code; verify opens a session that PUT /user uses. */
const crypto = require('node:crypto');

/** What this sandbox service accepts as its key or client identifiers. */
const KEYS = { supabase: 'sandbox-supabase-anon-key', supabaseServiceRoleKey: 'sandbox-supabase-service-role-key' };

module.exports = {
	id: 'supabase',
	scenarios: [{ credential: (keys) => ({ apiKey: keys.supabase, supabaseServiceRoleKey: keys.supabaseServiceRoleKey }), link: true }],
	/** The path its base URL ends in, as its real deployments have it. */
	basePath: '/auth/v1',
	keys: KEYS,
	// Supabase's {{ .Token }}: a 6-digit OTP, 86400 s unless the project sets it.
	token: { lifetime: 86400, issue: () => String(crypto.randomInt(100000, 1000000)) },
	handle(sandbox, { method, path, body, headers }, reply) {
		const error = (status, errorCode, msg) => reply(status, { code: status, error_code: errorCode, msg });
		if (headers.apikey !== KEYS.supabase) return reply(401, { message: 'Invalid API key' });
		if (method === 'GET' && path === '/auth/v1/settings') return reply(200, { external: { email: true } });
		if (method === 'POST' && path === '/auth/v1/recover') {
			if (!/^[^\s@]+@[^\s@]+$/.test(body?.email ?? '')) return error(400, 'validation_failed', 'Unable to validate email address: invalid format');
			if (sandbox.overSendLimit('supabase', body.email)) {
				return error(429, 'over_email_send_rate_limit', 'For security purposes, you can only request this after 60 seconds.');
			}
			const account = sandbox.account('supabase', body.email);
			if (account) sandbox.issueToken('supabase', account);
			return reply(200, {});
		}
		// The admin route (internal/api/mail.go, adminGenerateLink): the service-role key, no mail.
		if (method === 'POST' && path === '/auth/v1/admin/generate_link') {
			if (headers.authorization !== `Bearer ${KEYS.supabaseServiceRoleKey}`) return reply(403, { code: 403, error_code: 'not_admin', msg: 'User not allowed' });
			if (body?.type !== 'recovery') return error(400, 'validation_failed', 'Invalid email action link type requested');
			const account = sandbox.account('supabase', body?.email);
			if (!account) return error(404, 'user_not_found', 'User with this email not found');
			const otp = sandbox.issueToken('supabase', account, { mailed: false });
			const hashedToken = crypto.createHash('sha224').update(`${account.email}${otp}`).digest('hex');
			return reply(200, {
				id: account.username,
				aud: 'authenticated',
				email: account.email,
				action_link: sandbox.link(`/supabase/auth/v1/verify?token=${hashedToken}&type=recovery&redirect_to=http://localhost:3000`),
				email_otp: otp,
				hashed_token: hashedToken,
				verification_type: 'recovery',
				redirect_to: 'http://localhost:3000',
			});
		}
		if (method === 'POST' && path === '/auth/v1/verify') {
			const { account, problem } = sandbox.redeem('supabase', body?.token);
			if (body?.type !== 'recovery' || problem || account.email !== String(body?.email).toLowerCase()) {
				return error(403, 'otp_expired', 'Token has expired or is invalid');
			}
			account.token.used = true;
			const session = crypto.randomBytes(24).toString('hex');
			(sandbox.sessions ??= new Map()).set(session, account);
			return reply(200, { access_token: session, token_type: 'bearer', expires_in: 3600, refresh_token: crypto.randomBytes(12).toString('hex'), user: { email: account.email } });
		}
		if (method === 'PUT' && path === '/auth/v1/user') {
			const account = sandbox.sessions?.get(String(headers.authorization).replace(/^Bearer /, ''));
			if (!account) return error(401, 'bad_jwt', 'invalid JWT');
			if (!body?.password || body.password.length < 6) return error(422, 'weak_password', 'Password should be at least 6 characters.');
			if (body.password === account.password) return error(422, 'same_password', 'New password should be different from the old password.');
			account.password = body.password;
			account.passwordChanges += 1;
			return reply(200, { id: account.username, email: account.email });
		}
		return error(404, 'not_found', 'Not found');
	},
};
