'use strict';
/**
 * The sandbox reset API: one local HTTP server that plays each seed service's reset contract
 * (../shared/reference/seed-services.md) with in-memory users, so the demo and the end-to-end
 * suite run against real HTTP without any account. Dev only: not in the npm tarball.
 *
 * Routes: `/<service>[@<mode>]/<the service's own path>`. The mode is part of the base URL, so a
 * credential picks it: `documented` (default: the documented contract), `as-deployed`
 * (industrial-IOT: every reset branch answers 500 after its side effects), `down` (500 on
 * everything), `rate-limited` (429 with Retry-After on everything).
 * Control: `GET /__sandbox/outbox?email=&service=`, `POST /__sandbox/tokens {service, email}`
 * (issue a token without the send endpoint), `GET /__sandbox/account?service=&email=`,
 * `POST /__sandbox/clock {advanceSeconds}`, `POST /__sandbox/reset`.
 */
const http = require('node:http');
const crypto = require('node:crypto');

const SERVICES = ['wibiclick', 'wabotify', 'xano', 'industrialIot', 'supabase', 'firebase', 'pocketbase', 'directus', 'strapi', 'appwrite', 'auth0'];
/** The path each service's base URL ends in, as its real deployments have it. */
const BASE_PATHS = { supabase: '/auth/v1', firebase: '/v1', appwrite: '/v1', strapi: '/api' };
/** What the sandbox accepts as each service's key or client identifiers. */
const SANDBOX_KEYS = {
	supabase: 'sandbox-supabase-anon-key',
	firebase: 'sandbox-firebase-web-api-key',
	appwriteProject: 'sandbox-project',
	auth0Client: 'sandbox-client',
	appwriteRecoveryUrl: 'https://app.example.com/recover',
};
const MODES = ['documented', 'as-deployed', 'down', 'rate-limited'];
/** Sends allowed per email and service in one window, then 429. */
const SEND_LIMIT = 3;
const SEND_WINDOW_SECONDS = 60;

const SEED_USERS = [
	{ email: 'ada@example.com', username: 'ada', company: 'wabotify' },
	{ email: 'grace@example.com', username: 'grace', company: 'wabotify' },
];

/** Each service's token: format, lifetime (seconds, null = none) and how a reset spends it. */
const TOKEN_RULES = {
	wibiclick: { lifetime: 3600, issue: () => crypto.randomBytes(20).toString('hex') },
	wabotify: { lifetime: 3 * 3600, issue: () => crypto.randomUUID() },
	xano: { lifetime: null, issue: () => crypto.randomBytes(8).toString('hex') },
	// 6 digits + username, 300 s, timed from one process-wide clock (any send restarts it).
	industrialIot: { lifetime: 300, issue: (user) => `${crypto.randomInt(100000, 1000000)}${user.username}` },
	// Supabase's {{ .Token }}: a 6-digit OTP, 86400 s unless the project sets it.
	supabase: { lifetime: 86400, issue: () => String(crypto.randomInt(100000, 1000000)) },
	firebase: { lifetime: 3600, issue: () => crypto.randomBytes(24).toString('base64url') },
	pocketbase: { lifetime: 1800, issue: () => `eyJ.${crypto.randomBytes(24).toString('base64url')}` },
	directus: { lifetime: 86400, issue: () => `eyJ.${crypto.randomBytes(24).toString('base64url')}` },
	// Strapi reset codes never expire.
	strapi: { lifetime: null, issue: () => crypto.randomBytes(32).toString('hex') },
	// The email carries a link; the node takes the whole link as the token.
	appwrite: {
		lifetime: 3600,
		issue: (user) => `${SANDBOX_KEYS.appwriteRecoveryUrl}?userId=${user.username}&secret=${crypto.randomBytes(16).toString('hex')}&expire=1h`,
	},
	// Auth0's link opens its hosted page: nothing an API can redeem.
	auth0: { lifetime: 86400, issue: () => `https://tenant.auth0.example/lo/reset?ticket=${crypto.randomBytes(12).toString('hex')}` },
};

class ResetSandbox {
	constructor({ wibiclickApiKey = 'sandbox-wibiclick-key' } = {}) {
		this.wibiclickApiKey = wibiclickApiKey;
		this.reset();
		this.server = http.createServer((req, res) => this.handle(req, res));
	}

	reset() {
		this.clockOffset = 0;
		this.outbox = [];
		this.sends = new Map();
		this.accounts = new Map();
		this.industrialIotOtpStart = 0;
		for (const service of SERVICES) {
			for (const user of SEED_USERS) {
				this.accounts.set(`${service}:${user.email}`, { ...user, password: 'Original-pw-1', passwordChanges: 0, token: null });
			}
		}
	}

	now() {
		return Date.now() / 1000 + this.clockOffset;
	}

	async listen(port = 0, host = '127.0.0.1') {
		await new Promise((resolve) => this.server.listen(port, host, resolve));
		const address = this.server.address();
		this.url = `http://${host}:${address.port}`;
		return this.url;
	}

	async close() {
		this.server.closeAllConnections?.();
		await new Promise((resolve) => this.server.close(resolve));
	}

	baseUrl(service, mode = 'documented') {
		return `${this.url}/${service}${mode === 'documented' ? '' : `@${mode}`}${BASE_PATHS[service] ?? ''}`;
	}

	account(service, email) {
		return this.accounts.get(`${service}:${String(email ?? '').toLowerCase()}`);
	}

	issueToken(service, account) {
		const token = TOKEN_RULES[service].issue(account);
		account.token = { value: token, issuedAt: this.now(), used: false };
		if (service === 'industrialIot') this.industrialIotOtpStart = this.now();
		this.outbox.push({ service, to: account.email, subject: 'Password reset', token, sentAt: new Date().toISOString() });
		return token;
	}

	/** The account a token belongs to, or why it cannot be used. */
	redeem(service, token, matches = (value) => value === token) {
		const account = [...this.accounts.entries()].find(
			([key, candidate]) => key.startsWith(`${service}:`) && candidate.token && matches(candidate.token.value),
		)?.[1];
		if (!token || !account || account.token.used) return { problem: 'invalid' };
		const { lifetime } = TOKEN_RULES[service];
		const issuedAt = service === 'industrialIot' ? this.industrialIotOtpStart : account.token.issuedAt;
		if (lifetime !== null && this.now() - issuedAt > lifetime) return { problem: 'expired', account };
		return { account };
	}

	/** Whether a token was issued and already used. */
	spentToken(service, token) {
		return [...this.accounts.entries()].some(
			([key, account]) => key.startsWith(`${service}:`) && account.token?.value === token && account.token.used,
		);
	}

	changePassword(account, password) {
		account.password = password;
		account.passwordChanges += 1;
		account.token.used = true;
	}

	/** Counts a send; true when this one is over the limit. */
	overSendLimit(service, email) {
		const key = `${service}:${String(email).toLowerCase()}`;
		const recent = (this.sends.get(key) ?? []).filter((at) => this.now() - at < SEND_WINDOW_SECONDS);
		recent.push(this.now());
		this.sends.set(key, recent);
		return recent.length > SEND_LIMIT;
	}

	async handle(req, res) {
		const url = new URL(req.url, 'http://sandbox');
		const raw = await readBody(req);
		let body;
		try {
			body = raw ? JSON.parse(raw) : undefined;
		} catch {
			body = null;
		}
		const reply = (status, payload, headers = {}) => {
			const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
			res.writeHead(status, { 'Content-Type': typeof payload === 'string' ? 'text/plain' : 'application/json', ...headers });
			res.end(text);
		};
		try {
			if (url.pathname.startsWith('/__sandbox/')) return this.control(req.method, url, body, reply);
			const [, family = '', ...rest] = url.pathname.split('/');
			const [service, mode = 'documented'] = family.split('@');
			if (!SERVICES.includes(service) || !MODES.includes(mode)) return reply(404, { message: 'No such sandbox service' });
			const path = `/${rest.join('/')}`.replace(/\/$/, '') || '/';
			if (req.method === 'GET' && path === '/') return reply(200, { service, mode, status: 'ok' });
			if (mode === 'down') return reply(500, '<html><body><h1>500 Internal Server Error</h1></body></html>');
			if (mode === 'rate-limited') return reply(429, { message: 'Too many requests' }, { 'Retry-After': '30' });
			const request = { method: req.method, path, body, query: Object.fromEntries(url.searchParams), headers: req.headers, mode };
			return this[service](request, reply);
		} catch (error) {
			reply(500, { message: `sandbox failure: ${error.message}` });
		}
	}

	control(method, url, body, reply) {
		const route = `${method} ${url.pathname}`;
		const query = Object.fromEntries(url.searchParams);
		if (route === 'GET /__sandbox/outbox') {
			const messages = this.outbox.filter(
				(mail) => (!query.email || mail.to === query.email.toLowerCase()) && (!query.service || mail.service === query.service),
			);
			return reply(200, { messages, latest: messages.at(-1) ?? null });
		}
		if (route === 'POST /__sandbox/tokens') {
			const account = this.account(body?.service, body?.email);
			if (!account) return reply(404, { message: 'No such account' });
			return reply(200, { token: this.issueToken(body.service, account) });
		}
		if (route === 'GET /__sandbox/account') {
			const account = this.account(query.service, query.email);
			if (!account) return reply(404, { message: 'No such account' });
			return reply(200, { email: account.email, passwordChanges: account.passwordChanges });
		}
		if (route === 'POST /__sandbox/clock') {
			this.clockOffset += Number(body?.advanceSeconds ?? 0);
			return reply(200, { clockOffset: this.clockOffset });
		}
		if (route === 'POST /__sandbox/reset') {
			this.reset();
			return reply(200, { reset: true });
		}
		return reply(404, { message: 'No such control route' });
	}

	wibiclick({ method, path, body, headers }, reply) {
		if (headers.authorization !== `Bearer ${this.wibiclickApiKey}`) {
			return reply(401, { success: false, message: 'Unauthorized' });
		}
		if (method === 'POST' && path === '/verify-email') {
			if (!body?.email) return reply(400, { success: false, message: 'Email is required' });
			if (this.overSendLimit('wibiclick', body.email)) {
				return reply(429, { success: false, message: 'Too many requests' }, { 'Retry-After': String(SEND_WINDOW_SECONDS) });
			}
			const account = this.account('wibiclick', body.email);
			if (!account) return reply(404, { success: false, message: 'User not found' });
			this.issueToken('wibiclick', account);
			return reply(200, { success: true, message: 'Please check your email for the password reset link' });
		}
		if (method === 'POST' && path === '/password-reset') {
			const token = body?.token ?? body?.resetToken;
			if (!token || !body?.password) return reply(400, { success: false, message: 'Token and password are required' });
			const { account, problem } = this.redeem('wibiclick', token);
			if (problem) return reply(400, { success: false, message: 'Invalid or expired token' });
			this.changePassword(account, body.password);
			return reply(200, { success: true, message: 'Password reset successfully', email: account.email });
		}
		// Koa's answer to a route it does not have.
		return reply(404, 'Not Found');
	}

	wabotify({ method, path, body }, reply) {
		const envelope = (code, message) => ({ success: code === 200, code, errorCode: code === 200 ? null : `E${code}`, message, data: null });
		if (method === 'POST' && path === '/api/user/sendEmailToResetPassword') {
			if (!body?.email || !body?.company || !/^[^\s@]+@[^\s@]+$/.test(body.email)) {
				return reply(400, envelope(400, 'email and company are required'));
			}
			if (this.overSendLimit('wabotify', body.email)) {
				return reply(429, envelope(429, 'Too many reset attempts'), { 'Retry-After': String(SEND_WINDOW_SECONDS) });
			}
			const account = this.account('wabotify', body.email);
			if (!account || account.company !== body.company) return reply(404, envelope(404, 'User not found'));
			this.issueToken('wabotify', account);
			return reply(200, envelope(200, 'Reset email sent successfully'));
		}
		if (method === 'POST' && path === '/api/user/resetPassword') {
			if (!body?.email || !body?.newPassword || !body?.verificationId) {
				return reply(400, envelope(400, 'email, newPassword and verificationId are required'));
			}
			const owner = this.account('wabotify', body.email);
			if (!owner) return reply(404, envelope(404, 'User not found'));
			const { account, problem } = this.redeem('wabotify', body.verificationId);
			if (problem || account !== owner) return reply(401, envelope(401, 'verificationId is invalid or already used'));
			if (body.newPassword.length < 8 || !/\d/.test(body.newPassword)) {
				return reply(422, envelope(422, 'The password must have at least 8 characters and a digit'));
			}
			this.changePassword(account, body.newPassword);
			return reply(200, envelope(200, 'Password updated successfully'));
		}
		// Express's answer to a route it does not have.
		return reply(404, `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${method} ${path}</pre>\n</body>\n</html>\n`, { 'Content-Type': 'text/html; charset=utf-8' });
	}

	xano({ method, path, body, query }, reply) {
		const precondition = (message, type = 'error', input = '') => reply(500, { code: 'ERROR_FATAL', message, payload: { type, input } });
		if (path !== '/reset/password') return reply(404, { code: 'ERROR_CODE_NOT_FOUND', message: 'Unable to locate request.', payload: '' });
		if (method === 'GET') {
			if (!query.email) return precondition("L'email est vide.", 'error', 'email');
			if (this.overSendLimit('xano', query.email)) {
				return reply(429, { code: 'ERROR_CODE_TOO_MANY_REQUESTS', message: 'Too many requests.', payload: '' }, { 'Retry-After': String(SEND_WINDOW_SECONDS) });
			}
			const account = this.account('xano', query.email);
			if (!account) return precondition("L'utilisateur n'existe pas.", 'error', 'email');
			this.issueToken('xano', account);
			return reply(200, { message: 'Un email de réinitialisation a été envoyé.', type: 'success' });
		}
		if (method === 'POST') {
			if (!body?.code) return precondition('Le code de réinitialisation est vide.', 'error', 'code');
			if (!body?.password) return precondition('Le mot de passe est vide.', 'error', 'password');
			const { account, problem } = this.redeem('xano', body.code);
			if (problem) return precondition('Code de réinitialisation invalide.', 'error', 'code');
			this.changePassword(account, body.password);
			account.token = null; // reset_code cleared on use
			return reply(200, { message: 'Votre mot de passe a été modifié.', type: 'success' });
		}
		return reply(405, { code: 'ERROR_CODE_BAD_REQUEST', message: 'Method not allowed.', payload: '' });
	}

	industrialIot({ method, path, body, headers, mode }, reply) {
		const missing = (arg) => reply(400, { message: { [arg]: 'Missing required parameter in the JSON body or the post body or the query string' } });
		const loggedIn = /access_token_cookie=/.test(headers.cookie ?? '');
		if (path === '/api/resetpass') {
			if (loggedIn && method !== 'PUT') return reply(401, { Error: "User is logged in, use 'PUT' method." });
			if (!loggedIn && method !== 'GET') return reply(401, { Error: "User is logged out, use 'GET' method." });
			if (!body?.email) return missing('email');
			const account = this.account('industrialIot', body.email);
			if (!account) return reply(400, { error: 'incorrect email' });
			this.issueToken('industrialIot', account);
			return reply(200, { success: 'token sent to email' });
		}
		if (path === '/api/resetouttoken') {
			if (method !== 'PUT') return reply(405, { message: 'The method is not allowed for the requested URL.' });
			// As deployed, each jsonify() branch becomes a 500, after its side effects.
			const answer = (status, payload) =>
				mode === 'as-deployed' ? reply(500, { message: 'Internal Server Error' }) : reply(status, payload);
			if (loggedIn) return answer(401, { error: 'user is logged in' });
			if (!body?.token) return missing('token');
			if (!body?.new) return missing('new');
			const { account, problem } = this.redeem('industrialIot', body.token);
			if (problem === 'invalid') return answer(400, { error: 'invalid token' });
			if (problem === 'expired') return answer(400, { error: 'expired token' });
			this.changePassword(account, body.new);
			return answer(200, { succcess: 'password updated successfully' });
		}
		return reply(404, { message: 'The requested URL was not found on the server.' });
	}

	supabase({ method, path, body, headers }, reply) {
		const error = (status, errorCode, msg) => reply(status, { code: status, error_code: errorCode, msg });
		if (headers.apikey !== SANDBOX_KEYS.supabase) return reply(401, { message: 'Invalid API key' });
		if (method === 'GET' && path === '/auth/v1/settings') return reply(200, { external: { email: true } });
		if (method === 'POST' && path === '/auth/v1/recover') {
			if (!/^[^\s@]+@[^\s@]+$/.test(body?.email ?? '')) return error(400, 'validation_failed', 'Unable to validate email address: invalid format');
			if (this.overSendLimit('supabase', body.email)) {
				return error(429, 'over_email_send_rate_limit', 'For security purposes, you can only request this after 60 seconds.');
			}
			const account = this.account('supabase', body.email);
			if (account) this.issueToken('supabase', account);
			return reply(200, {});
		}
		if (method === 'POST' && path === '/auth/v1/verify') {
			const { account, problem } = this.redeem('supabase', body?.token);
			if (body?.type !== 'recovery' || problem || account.email !== String(body?.email).toLowerCase()) {
				return error(403, 'otp_expired', 'Token has expired or is invalid');
			}
			account.token.used = true;
			const session = crypto.randomBytes(24).toString('hex');
			(this.sessions ??= new Map()).set(session, account);
			return reply(200, { access_token: session, token_type: 'bearer', expires_in: 3600, refresh_token: crypto.randomBytes(12).toString('hex'), user: { email: account.email } });
		}
		if (method === 'PUT' && path === '/auth/v1/user') {
			const account = this.sessions?.get(String(headers.authorization).replace(/^Bearer /, ''));
			if (!account) return error(401, 'bad_jwt', 'invalid JWT');
			if (!body?.password || body.password.length < 6) return error(422, 'weak_password', 'Password should be at least 6 characters.');
			if (body.password === account.password) return error(422, 'same_password', 'New password should be different from the old password.');
			account.password = body.password;
			account.passwordChanges += 1;
			return reply(200, { id: account.username, email: account.email });
		}
		return error(404, 'not_found', 'Not found');
	}

	firebase({ method, path, body, query }, reply) {
		const error = (message) => reply(400, { error: { code: 400, message, errors: [{ message, domain: 'global', reason: 'invalid' }] } });
		if (query.key !== SANDBOX_KEYS.firebase) return error('API key not valid. Please pass a valid API key.');
		if (method === 'POST' && path === '/v1/accounts:sendOobCode') {
			if (body?.requestType !== 'PASSWORD_RESET' || !body?.email) return error('MISSING_EMAIL');
			const account = this.account('firebase', body.email);
			// Email-enumeration protection off: the older, leaky answer.
			if (!account) return error('EMAIL_NOT_FOUND');
			this.issueToken('firebase', account);
			return reply(200, { kind: 'identitytoolkit#GetOobConfirmationCodeResponse', email: account.email });
		}
		if (method === 'POST' && path === '/v1/accounts:resetPassword') {
			const { account, problem } = this.redeem('firebase', body?.oobCode);
			if (problem === 'expired') return error('EXPIRED_OOB_CODE');
			if (problem) return error('INVALID_OOB_CODE');
			if (body.newPassword === undefined) return reply(200, { email: account.email, requestType: 'PASSWORD_RESET' });
			if (body.newPassword.length < 6) return error('WEAK_PASSWORD : Password should be at least 6 characters');
			this.changePassword(account, body.newPassword);
			return reply(200, { kind: 'identitytoolkit#ResetPasswordResponse', email: account.email, requestType: 'PASSWORD_RESET' });
		}
		return reply(404, { error: { code: 404, message: 'Not Found' } });
	}

	pocketbase({ method, path, body }, reply) {
		const fieldError = (field, code, message) => reply(400, { code: 400, message: 'An error occurred while validating the submitted data.', data: { [field]: { code, message } } });
		const match = /^\/api\/collections\/([^/]+)\/(request-password-reset|confirm-password-reset)$/.exec(path);
		if (method === 'GET' && path === '/api/health') return reply(200, { code: 200, message: 'API is healthy.', data: {} });
		if (!match || method !== 'POST') return reply(404, { code: 404, message: 'The requested resource wasn\'t found.', data: {} });
		if (match[1] !== 'users') return reply(404, { code: 404, message: 'Missing or invalid collection context.', data: {} });
		if (match[2] === 'request-password-reset') {
			if (!/^[^\s@]+@[^\s@]+$/.test(body?.email ?? '')) return fieldError('email', 'validation_is_email', 'Must be a valid email address.');
			const account = this.account('pocketbase', body.email);
			if (account) this.issueToken('pocketbase', account);
			return reply(204, '');
		}
		const { account, problem } = this.redeem('pocketbase', body?.token);
		if (problem) return fieldError('token', 'validation_invalid_token', 'Invalid or expired token.');
		if (!body.password || body.password.length < 8) return fieldError('password', 'validation_length_out_of_range', 'The length must be between 8 and 71.');
		if (body.password !== body.passwordConfirm) return fieldError('passwordConfirm', 'validation_values_mismatch', "Values don't match.");
		this.changePassword(account, body.password);
		return reply(204, '');
	}

	directus({ method, path, body }, reply) {
		const error = (status, code, message) => reply(status, { errors: [{ message, extensions: { code } }] });
		if (method === 'GET' && path === '/server/ping') return reply(200, 'pong');
		if (method === 'POST' && path === '/auth/password/request') {
			if (body?.reset_url && !body.reset_url.startsWith('https://app.example.com/')) {
				return error(400, 'INVALID_PAYLOAD', `URL "${body.reset_url}" can't be used to reset passwords.`);
			}
			const account = this.account('directus', body?.email);
			if (account) this.issueToken('directus', account);
			return reply(204, '');
		}
		if (method === 'POST' && path === '/auth/password/reset') {
			// A real Directus answers a spent token (its password hash changed) with FORBIDDEN.
			if (this.spentToken('directus', body?.token)) {
				return error(403, 'FORBIDDEN', "You don't have permission to access this.");
			}
			const { account, problem } = this.redeem('directus', body?.token);
			if (problem === 'expired') return error(401, 'TOKEN_EXPIRED', 'Token expired.');
			if (problem) return error(403, 'INVALID_TOKEN', 'Invalid token');
			if (!body.password || body.password.length < 8) return error(400, 'FAILED_VALIDATION', 'Password doesn\'t meet the password policy.');
			this.changePassword(account, body.password);
			return reply(204, '');
		}
		return error(404, 'ROUTE_NOT_FOUND', `Route ${path} doesn't exist.`);
	}

	strapi({ method, path, body }, reply) {
		const error = (status, name, message) => reply(status, { data: null, error: { status, name, message, details: {} } });
		if (method === 'GET' && path === '/api') return reply(200, { data: null });
		if (method === 'POST' && path === '/api/auth/forgot-password') {
			if (!body?.email) return error(400, 'ValidationError', 'email is a required field');
			const account = this.account('strapi', body.email);
			if (account) this.issueToken('strapi', account);
			return reply(200, { ok: true });
		}
		if (method === 'POST' && path === '/api/auth/reset-password') {
			if (!body?.password || !body?.passwordConfirmation) return error(400, 'ValidationError', 'passwordConfirmation is a required field');
			if (body.password !== body.passwordConfirmation) return error(400, 'ValidationError', 'Passwords do not match');
			const { account, problem } = this.redeem('strapi', body.code);
			if (problem) return error(400, 'ValidationError', 'Incorrect code provided');
			this.changePassword(account, body.password);
			return reply(200, { jwt: crypto.randomBytes(24).toString('hex'), user: { id: account.username, email: account.email } });
		}
		return error(404, 'NotFoundError', 'Not Found');
	}

	appwrite({ method, path, body, headers }, reply) {
		const error = (code, type, message) => reply(code, { message, code, type, version: '1.6.0' });
		if (headers['x-appwrite-project'] !== SANDBOX_KEYS.appwriteProject) return error(404, 'project_not_found', 'Project with the requested ID could not be found.');
		if (method === 'GET' && path === '/v1/health/version') return reply(200, { version: '1.6.0' });
		if (path !== '/v1/account/recovery') return error(404, 'general_route_not_found', 'Route not found.');
		if (method === 'POST') {
			if (!String(body?.url ?? '').startsWith('https://app.example.com/')) {
				return error(400, 'general_argument_invalid', 'Invalid `url` param: URL host must be one of: app.example.com');
			}
			const account = this.account('appwrite', body?.email);
			// Older servers tell unknown emails apart with a 404.
			if (!account) return error(404, 'user_not_found', 'User with the requested ID could not be found.');
			this.issueToken('appwrite', account);
			return reply(201, { $id: 'token', userId: account.username, secret: '', expire: new Date(Date.now() + 3600e3).toISOString(), phrase: '' });
		}
		if (method === 'PUT') {
			const link = (value) => new URL(value).searchParams;
			const { account, problem } = this.redeem(
				'appwrite',
				body?.secret,
				(value) => link(value).get('secret') === body?.secret && link(value).get('userId') === body?.userId,
			);
			if (problem) return error(401, 'user_invalid_token', 'Invalid token passed in the request.');
			if (!body.password || body.password.length < 8) return error(400, 'general_argument_invalid', 'Invalid `password` param: Password must be between 8 and 256 characters long.');
			this.changePassword(account, body.password);
			return reply(200, { $id: 'token', userId: account.username, secret: '', expire: new Date().toISOString() });
		}
		return error(405, 'general_not_implemented', 'Method not allowed.');
	}

	auth0({ method, path, body }, reply) {
		if (method === 'GET' && path === '/.well-known/openid-configuration') return reply(200, { issuer: 'https://tenant.auth0.example/' });
		if (method !== 'POST' || path !== '/dbconnections/change_password') return reply(404, { error: 'not_found', error_description: 'Not found' });
		if (body?.client_id !== SANDBOX_KEYS.auth0Client) return reply(400, { error: 'invalid_request', error_description: 'Unknown client' });
		if (body?.connection !== 'Username-Password-Authentication') return reply(400, { error: 'invalid_request', error_description: 'Connection does not exist' });
		const account = this.account('auth0', body?.email);
		if (account) this.issueToken('auth0', account);
		return reply(200, "We've just sent you an email to reset your password.");
	}
}

const readBody = (req) =>
	new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});

module.exports = { ResetSandbox, SERVICES, SEED_USERS, SEND_LIMIT, SANDBOX_KEYS };
