'use strict';
/** authentik's Core API: the user by email, then its recovery email, its recovery link, or its password. */
const crypto = require('node:crypto');
const { accountByNumber, accountsWhere, setByAdmin } = require('../admin.cjs');
const { hostedResetPage } = require('../hostedPage.cjs');

const KEYS = { authentik: 'sandbox-authentik-api-token', authentikEmailStage: '5f1b7c2e-0d7a-4d8e-9c51-3a6f1e2b4c90' };

module.exports = {
	id: 'authentik',
	scenarios: [
		// The user finishes on authentik's recovery flow: Reset Password fails before any request.
		{ credential: (keys) => ({ apiKey: keys.authentik, authentikEmailStage: keys.authentikEmailStage }), reset: 'not_supported', reuse: null, link: true, setPassword: true },
	],
	keys: KEYS,
	// The recovery link's flow token; thirty minutes (authentik's default `minutes=30`).
	token: { lifetime: 1800, issue: () => crypto.randomBytes(30).toString('base64url') },
	handle(sandbox, { method, path, body, query, headers }, reply) {
		const flow = /^\/if\/flow\/default-recovery-flow$/.test(path);
		if (flow) return hostedResetPage(sandbox, 'authentik', query.flow_token, { method, body }, reply);
		if (headers.authorization !== `Bearer ${KEYS.authentik}`) return reply(403, { detail: 'Token invalid/expired' });
		if (method === 'GET' && path === '/api/v3/core/users/me') return reply(200, { user: { pk: 1, username: 'akadmin', is_superuser: true } });
		if (method === 'GET' && path === '/api/v3/core/users') {
			// The filter is an exact match, as typed (Django's `email`).
			const found = accountsWhere(sandbox, 'authentik', (email) => email === query.email);
			return reply(200, { pagination: { count: found.length, current: 1, total_pages: 1 }, results: found.map((account) => ({ pk: account.number, username: account.username, email: account.email, is_active: true })) });
		}
		const user = /^\/api\/v3\/core\/users\/(\d+)\/(recovery_email|recovery|set_password)$/.exec(path);
		const account = user && method === 'POST' && accountByNumber(sandbox, 'authentik', user[1]);
		if (!account) return reply(404, { detail: 'No User matches the given query.' });
		if (user[2] === 'recovery_email') {
			if (body?.email_stage !== KEYS.authentikEmailStage) return reply(400, { non_field_errors: ['Email stage does not exist.'] });
			sandbox.issueToken('authentik', account);
			return reply(204, '');
		}
		if (user[2] === 'recovery') {
			const token = sandbox.issueToken('authentik', account, { mailed: false });
			return reply(200, { link: `${sandbox.link('/authentik/if/flow/default-recovery-flow/')}?flow_token=${token}` });
		}
		if (String(body?.password ?? '').length < 8) return reply(400, { password: ['Password must be at least 8 characters long.'] });
		setByAdmin(account, body.password);
		return reply(204, '');
	},
};
