'use strict';
/**
 * Supabase Auth (GoTrue) behind Supabase's API gateway; a 6-digit code; verify opens a session
 * that PUT /user uses. The gateway as Supabase documents it ("Understanding API keys"; the
 * UNAUTHORIZED_MISSING_API_KEY troubleshooting note): every request names a project key in
 * `apikey`, legacy (anon or service_role JWT) or new (`sb_publishable_…`, `sb_secret_…`); a new
 * key, not being a JWT, never goes as a Bearer token, and one sent that way is refused as GoTrue
 * refuses a malformed JWT (supabase/auth#2204). With no Bearer token, the request acts with the
 * apikey's role (Guess, from the reference notes: the gateway mints that JWT for a new key).
 */
const crypto = require('node:crypto');
const { accountById, accountsWhere, setByAdmin } = require('../admin.cjs');

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT-shaped value (header.claims.signature) carrying a role, as Supabase's legacy keys and sessions are. */
const jwtWithRole = (role, signature) => `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ role, iss: 'supabase-sandbox' })}.${signature}`;
const roleOfJwt = (token) => {
	const parts = token.split('.');
	if (parts.length !== 3) return undefined;
	try {
		return JSON.parse(Buffer.from(parts[1], 'base64url').toString()).role;
	} catch {
		return undefined;
	}
};

/** What this sandbox service accepts as its keys: both legacy JWTs and both new keys. */
const KEYS = {
	supabase: jwtWithRole('anon', 'sandbox-anon-signature'),
	supabaseServiceRoleKey: jwtWithRole('service_role', 'sandbox-service-role-signature'),
	supabasePublishableKey: 'sb_publishable_sandboxPublishableKey4a1c',
	supabaseSecretKey: 'sb_secret_sandboxSecretKey7e2d',
};
/** The role each project key gives a request that carries no Bearer token of its own. */
const GATEWAY_ROLES = {
	[KEYS.supabase]: 'anon',
	[KEYS.supabasePublishableKey]: 'anon',
	[KEYS.supabaseServiceRoleKey]: 'service_role',
	[KEYS.supabaseSecretKey]: 'service_role',
};

/** Supabase waits this long for its Send Email Hook, retries included (hookshttp.go defaultHTTPHookTimeout). */
const HOOK_TIMEOUT_MS = 5000;

/**
 * The Send Email Hook as Supabase Auth plays it (supabase/auth internal/hooks/hookshttp
 * runHTTPHook; reset-hooks.md §1): instead of mailing, POST {metadata, user, email_data} signed
 * with Standard Webhooks (the standardwebhooks library, as Supabase's Go code uses the spec's),
 * inside /recover: a 204, or a 200/202 JSON answer without `error`, is sent; an answer's
 * `{error: {http_code, message}}` is that error; any other status is a 500 "Unexpected status code
 * returned from hook"; no answer within 5 s is 422 hook_timeout. On failure the token is rolled
 * back, so a message that went out anyway carries a dead code.
 */
async function sendEmailHook(sandbox, account, body, reply) {
	const { Webhook } = require('standardwebhooks');
	const { url, secret } = sandbox.hooks.supabase;
	const previous = account.token;
	const otp = sandbox.issueToken('supabase', account, { mailed: false });
	const payload = JSON.stringify({
		metadata: { uuid: crypto.randomUUID(), time: new Date().toISOString(), name: 'send-email', ip_address: '127.0.0.1' },
		user: { id: account.username, aud: 'authenticated', role: 'authenticated', email: account.email, phone: '', app_metadata: { provider: 'email' }, user_metadata: {}, is_anonymous: false },
		email_data: {
			token: otp,
			token_hash: crypto.createHash('sha224').update(`${account.email}${otp}`).digest('hex'),
			redirect_to: body.redirect_to ?? 'http://localhost:3000',
			email_action_type: 'recovery',
			site_url: sandbox.link('/supabase/auth/v1'),
			token_new: '',
			token_hash_new: '',
			old_email: '',
			old_phone: '',
			provider: '',
			factor_type: '',
		},
	});
	const id = crypto.randomUUID();
	const now = new Date();
	const signature = secret
		.split('|')
		.map((entry) => new Webhook(entry.replace(/^v1,/, '')).sign(id, now, payload))
		.join(', ');
	const failed = (status, errorCode, msg) => {
		account.token = previous;
		return reply(status, { code: status, error_code: errorCode, msg });
	};
	let response;
	try {
		response = await fetch(url, {
			method: 'POST',
			body: payload,
			signal: AbortSignal.timeout(HOOK_TIMEOUT_MS),
			headers: { 'content-type': 'application/json', 'accept-encoding': 'identity', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signature },
		});
	} catch {
		return failed(422, 'hook_timeout', `Failed to reach hook within maximum time of ${HOOK_TIMEOUT_MS / 1000}.000000 seconds`);
	}
	const text = await response.text();
	if (response.status === 204) return reply(200, {});
	if ([200, 202].includes(response.status)) {
		if (!/^application\/json/.test(response.headers.get('content-type') ?? '')) return failed(500, 'unexpected_failure', 'Invalid Content-Type: Missing Content-Type header');
		let answer;
		try {
			answer = JSON.parse(text || '{}');
		} catch {
			return failed(500, 'unexpected_failure', 'Invalid JSON returned from hook');
		}
		if (answer?.error?.message) return failed(answer.error.http_code ?? 500, 'unexpected_failure', answer.error.message);
		return reply(200, {});
	}
	return failed(500, 'unexpected_failure', `Unexpected status code returned from hook: ${response.status}`);
}

module.exports = {
	id: 'supabase',
	scenarios: [{ credential: (keys) => ({ apiKey: keys.supabase, supabaseServiceRoleKey: keys.supabaseServiceRoleKey }), link: true, setPassword: true }],
	/** The path its base URL ends in, as its real deployments have it. */
	basePath: '/auth/v1',
	keys: KEYS,
	// Supabase's {{ .Token }}: a 6-digit OTP, 86400 s unless the project sets it.
	token: { lifetime: 86400, issue: () => String(crypto.randomInt(100000, 1000000)) },
	handle(sandbox, { method, path, body, query, headers }, reply) {
		const error = (status, errorCode, msg) => reply(status, { code: status, error_code: errorCode, msg });
		if (!headers.apikey) {
			return reply(401, { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' }, { 'sb-error-code': 'UNAUTHORIZED_MISSING_API_KEY' });
		}
		const keyRole = GATEWAY_ROLES[headers.apikey];
		if (!keyRole) return reply(401, { message: 'Invalid API key' });
		const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
		const bearerRole = bearer === undefined ? undefined : roleOfJwt(bearer);
		if (bearer !== undefined && !bearerRole) {
			return error(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature, token is malformed: token contains an invalid number of segments');
		}
		const role = bearerRole ?? keyRole;
		if (method === 'GET' && path === '/auth/v1/settings') return reply(200, { external: { email: true } });
		if (method === 'POST' && path === '/auth/v1/recover') {
			if (!/^[^\s@]+@[^\s@]+$/.test(body?.email ?? '')) return error(400, 'validation_failed', 'Unable to validate email address: invalid format');
			if (sandbox.overSendLimit('supabase', body.email)) {
				return error(429, 'over_email_send_rate_limit', 'For security purposes, you can only request this after 60 seconds.');
			}
			const account = sandbox.account('supabase', body.email);
			if (!account) return reply(200, {});
			if (sandbox.hooks.supabase) return sendEmailHook(sandbox, account, body, reply);
			sandbox.issueToken('supabase', account);
			return reply(200, {});
		}
		// The admin route (internal/api/mail.go, adminGenerateLink): the service-role key, no mail.
		if (method === 'POST' && path === '/auth/v1/admin/generate_link') {
			if (role !== 'service_role') return error(403, 'not_admin', 'User not allowed');
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
		// Set Password's admin calls (internal/api/admin.go): the user list searched with `LIKE %filter%`, then the update.
		if (method === 'GET' && path === '/auth/v1/admin/users') {
			if (role !== 'service_role') return error(403, 'not_admin', 'User not allowed');
			const filter = String(query.filter ?? '');
			const users = accountsWhere(sandbox, 'supabase', (email) => email.includes(filter)).map((account) => ({ id: account.username, aud: 'authenticated', email: account.email }));
			return reply(200, { users, aud: 'authenticated' });
		}
		const adminUser = /^\/auth\/v1\/admin\/users\/([^/]+)$/.exec(path);
		if (method === 'PUT' && adminUser) {
			if (role !== 'service_role') return error(403, 'not_admin', 'User not allowed');
			const account = accountById(sandbox, 'supabase', decodeURIComponent(adminUser[1]));
			if (!account) return error(404, 'user_not_found', 'User not found');
			if (String(body?.password ?? '').length < 6) {
				return reply(422, { code: 422, error_code: 'weak_password', msg: 'Password should be at least 6 characters.', weak_password: { reasons: ['length'] } });
			}
			setByAdmin(account, body.password, { endsSessions: true });
			return reply(200, { id: account.username, aud: 'authenticated', email: account.email });
		}
		if (method === 'POST' && path === '/auth/v1/verify') {
			const { account, problem } = sandbox.redeem('supabase', body?.token);
			if (body?.type !== 'recovery' || problem || account.email !== String(body?.email).toLowerCase()) {
				return error(403, 'otp_expired', 'Token has expired or is invalid');
			}
			account.token.used = true;
			const session = jwtWithRole('authenticated', crypto.randomBytes(24).toString('hex'));
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
