'use strict';
/**
 * Medusa v2 (≥ 2.5), from its routes: the send ends with `res.sendStatus(201)`, so Express answers
 * `201 Created` as text/plain for every identifier; the reset takes the token as a Bearer token
 * and the account from it (an email in the body is ignored), once: 401 for a bad or used one (as
 * a real Medusa 2.21 answers).
 */
const crypto = require('node:crypto');

module.exports = {
	id: 'medusa',
	scenarios: [{ credential: () => ({ medusaActor: 'customer' }) }],
	token: { lifetime: 900, issue: () => `eyJ.${crypto.randomBytes(24).toString('base64url')}` },
	handle(sandbox, { method, path, body, headers }, reply) {
		const match = /^\/auth\/(customer|user)\/emailpass\/(reset-password|update)$/.exec(path);
		if (!match || method !== 'POST') return reply(404, `Cannot ${method} ${path}`);
		if (match[2] === 'reset-password') {
			if (!body?.identifier) return reply(400, { type: 'invalid_data', message: "Invalid request: Field 'identifier' is required" });
			const account = sandbox.account('medusa', body.identifier);
			if (account) sandbox.issueToken('medusa', account);
			return reply(201, 'Created', { 'Content-Type': 'text/plain; charset=utf-8' });
		}
		const token = String(headers.authorization ?? '').replace(/^Bearer /, '');
		const { account, problem } = sandbox.redeem('medusa', token);
		if (problem) return reply(401, { type: 'unauthorized', message: 'Invalid token' });
		sandbox.changePassword(account, body?.password);
		return reply(200, { success: true });
	},
};
