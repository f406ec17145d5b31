'use strict';
/**
 * The sandbox reset API: one local HTTP server that plays each service's reset contract with
 * in-memory users, so the demo and the end-to-end suite run against real HTTP without any
 * account. Dev only: not in the npm tarball. Each service is one file in sandbox/services/ (its
 * routes, token rule, base path and keys); this file is what they share: accounts, tokens,
 * the outbox, the send limit, modes and the control routes.
 *
 * Routes: `/<service>[@<mode>]/<the service's own path>`. The mode is part of the base URL, so a
 * credential picks it: `documented` (default: the documented contract), `as-deployed`
 * (industrial-IOT: every reset branch answers 500 after its side effects), `down` (500 on
 * everything), `rate-limited` (429 with Retry-After on everything). `/pwnedpasswords[@down]/range/`
 * plays Have I Been Pwned's range API (sandbox/pwnedPasswords.cjs).
 * Control: `GET /__sandbox/outbox?email=&service=`, `POST /__sandbox/tokens {service, email}`
 * (issue a token without the send endpoint), `GET /__sandbox/account?service=&email=`,
 * `POST /__sandbox/clock {advanceSeconds}`, `POST /__sandbox/reset`, and
 * `POST /__sandbox/hooks {service: 'supabase', url, secret}` (Supabase's Send Email Hook: its
 * reset messages go to `url`, signed, instead of the outbox; no url turns it off).
 */
const http = require('node:http');
const { SEND_LIMIT, SEND_WINDOW_SECONDS } = require('./limits.cjs');
const { SANDBOX_SERVICES } = require('./services/index.cjs');
const { handlePwned } = require('./pwnedPasswords.cjs');

/** Where the range API is mounted: not a reset service, so not in the services' list. */
const PWNED_FAMILY = 'pwnedpasswords';

/** Each service by id: its route family, token rule, base path and keys (sandbox/services/). */
const SERVICES_BY_ID = new Map(SANDBOX_SERVICES.map((service) => [service.id, service]));
const SERVICES = [...SERVICES_BY_ID.keys()];
/** What the sandbox accepts as each service's key or client identifiers. */
const SANDBOX_KEYS = Object.assign({}, ...SANDBOX_SERVICES.map((service) => service.keys ?? {}));
const MODES = ['documented', 'as-deployed', 'down', 'rate-limited'];

const SEED_USERS = [
	{ email: 'ada@example.com', username: 'ada', number: 1, company: 'wabotify' },
	{ email: 'grace@example.com', username: 'grace', number: 2, company: 'wabotify' },
];

class ResetSandbox {
	constructor({ wibiclickApiKey = SANDBOX_KEYS.wibiclickApiKey } = {}) {
		this.wibiclickApiKey = wibiclickApiKey;
		this.reset();
		this.server = http.createServer((req, res) => this.handle(req, res));
	}

	reset() {
		this.clockOffset = 0;
		/** Services that hand their reset message to a hook instead of the outbox (`POST /__sandbox/hooks`): Supabase's Send Email Hook. */
		this.hooks = {};
		this.outbox = [];
		this.sends = new Map();
		this.accounts = new Map();
		/** Services whose tokens all expire from the last send (`token.sharedClock`). */
		this.sharedClockStart = new Map();
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
		return `${this.url}/${service}${mode === 'documented' ? '' : `@${mode}`}${SERVICES_BY_ID.get(service).basePath ?? ''}`;
	}

	account(service, email) {
		return this.accounts.get(`${service}:${String(email ?? '').toLowerCase()}`);
	}

	/** A new reset token for the account, mailed (into the outbox) unless `mailed` is false (a created link). */
	issueToken(service, account, { mailed = true } = {}) {
		const rule = SERVICES_BY_ID.get(service).token;
		const token = rule.issue(account);
		account.token = { value: token, issuedAt: this.now(), used: false };
		if (rule.sharedClock) this.sharedClockStart.set(service, this.now());
		if (mailed) this.outbox.push({ service, to: account.email, subject: 'Password reset', token, sentAt: new Date().toISOString() });
		return token;
	}

	/** The address of this sandbox's `path`, for the links the admin calls answer. */
	link(path) {
		return `${this.url}${path}`;
	}

	/** The range API's base URL (`mode`: documented or down). */
	rangeApiUrl(mode = 'documented') {
		return `${this.url}/${PWNED_FAMILY}${mode === 'documented' ? '' : `@${mode}`}`;
	}

	/** The account a token belongs to, or why it cannot be used. */
	redeem(service, token, matches = (value) => value === token) {
		const account = [...this.accounts.entries()].find(
			([key, candidate]) => key.startsWith(`${service}:`) && candidate.token && matches(candidate.token.value),
		)?.[1];
		if (!token || !account || account.token.used) return { problem: 'invalid' };
		const { lifetime, sharedClock } = SERVICES_BY_ID.get(service).token;
		const issuedAt = sharedClock ? this.sharedClockStart.get(service) : account.token.issuedAt;
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
			const isForm = /x-www-form-urlencoded/.test(req.headers['content-type'] ?? '');
			body = !raw ? undefined : isForm ? Object.fromEntries(new URLSearchParams(raw)) : JSON.parse(raw);
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
			const path = `/${rest.join('/')}`.replace(/\/$/, '') || '/';
			if (service === PWNED_FAMILY) return handlePwned({ method: req.method, path, headers: req.headers, mode }, reply);
			if (!SERVICES.includes(service) || !MODES.includes(mode)) return reply(404, { message: 'No such sandbox service' });
			if (req.method === 'GET' && path === '/') return reply(200, { service, mode, status: 'ok' });
			if (mode === 'down') return reply(500, '<html><body><h1>500 Internal Server Error</h1></body></html>');
			if (mode === 'rate-limited') return reply(429, { message: 'Too many requests' }, { 'Retry-After': '30' });
			const request = { method: req.method, path, body, query: Object.fromEntries(url.searchParams), headers: req.headers, mode };
			return await SERVICES_BY_ID.get(service).handle(this, request, reply);
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
			return reply(200, {
				email: account.email,
				passwordChanges: account.passwordChanges,
				mustChangePassword: account.mustChangePassword ?? false,
				sessionsEnded: account.sessionsEnded ?? 0,
			});
		}
		// Whether a password signs the account in (the demo's check after a set; no password is ever returned).
		if (route === 'POST /__sandbox/sign-in') {
			const account = this.account(body?.service, body?.email);
			return reply(200, { signedIn: Boolean(account) && account.password === body?.password });
		}
		if (route === 'POST /__sandbox/clock') {
			this.clockOffset += Number(body?.advanceSeconds ?? 0);
			return reply(200, { clockOffset: this.clockOffset });
		}
		if (route === 'POST /__sandbox/hooks') {
			if (body?.service !== 'supabase') return reply(400, { message: 'Only supabase plays a hook sender (its Send Email Hook)' });
			if (body.url) this.hooks.supabase = { url: body.url, secret: body.secret };
			else delete this.hooks.supabase;
			return reply(200, { service: body.service, hook: Boolean(body.url) });
		}
		if (route === 'POST /__sandbox/reset') {
			this.reset();
			return reply(200, { reset: true });
		}
		return reply(404, { message: 'No such control route' });
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
