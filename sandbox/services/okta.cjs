'use strict';
/** Okta (Management API): SSWS API token; the user named by login in the path; Okta's hosted page finishes the reset. */
const crypto = require('node:crypto');
const { hostedResetPage } = require('../hostedPage.cjs');

const KEYS = { okta: 'sandbox-okta-api-token' };
const error = (reply, status, errorCode, errorSummary) => reply(status, { errorCode, errorSummary, errorLink: errorCode, errorId: crypto.randomBytes(8).toString('hex'), errorCauses: [] });

module.exports = {
	id: 'okta',
	scenarios: [
		// Okta finishes resets on its own page.
		{ credential: (keys) => ({ apiKey: keys.okta }), reset: 'not_supported', reuse: null, link: true },
	],
	keys: KEYS,
	// The link's token opens Okta's hosted page (`/reset_password/<token>`): nothing an API can redeem.
	token: { lifetime: 3600, issue: () => crypto.randomBytes(12).toString('hex') },
	handle(sandbox, { method, path, query, headers, body }, reply) {
		const hosted = /^\/reset_password\/([0-9a-f]+)$/.exec(path);
		if (hosted) return hostedResetPage(sandbox, 'okta', hosted[1], { method, body }, reply);
		if (headers.authorization !== `SSWS ${KEYS.okta}`) return error(reply, 401, 'E0000011', 'Invalid token provided');
		if (method === 'GET' && path === '/api/v1/users/me') return reply(200, { id: '00u-admin', status: 'ACTIVE', profile: { login: 'admin@example.com' } });
		const match = /^\/api\/v1\/users\/([^/]+)\/lifecycle\/reset_password$/.exec(path);
		if (!match || method !== 'POST') return error(reply, 404, 'E0000022', 'The endpoint does not support the provided HTTP method');
		const account = sandbox.account('okta', decodeURIComponent(match[1]));
		if (!account) return error(reply, 404, 'E0000007', `Not found: Resource not found: ${decodeURIComponent(match[1])} (User)`);
		if (query.sendEmail === 'false') {
			const token = sandbox.issueToken('okta', account, { mailed: false });
			return reply(200, { summary: 'Reset password without sending email', resetPasswordUrl: sandbox.link(`/okta/reset_password/${token}`) });
		}
		sandbox.issueToken('okta', account);
		return reply(200, {});
	},
};
