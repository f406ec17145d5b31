'use strict';
/**
 * Medusa v2 (≥ 2.5), from its routes: the send ends with `res.sendStatus(201)`, so Express answers
 * `201 Created` as text/plain for every identifier; the reset takes the token as a Bearer token;
 * 401 for a bad one.
 */
const crypto = require('node:crypto');

module.exports = {
	id: 'medusa',
	scenarios: [
		// Medusa's reset tokens are not single use here: the same token works again within 15 minutes.
		{ credential: () => ({ medusaActor: 'customer' }), reuse: 'success' },
	],
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
		if (problem || account.email !== String(body?.email).toLowerCase()) return reply(401, { type: 'unauthorized', message: 'Invalid token' });
		// Medusa's tokens are not single use: this one stays valid for its 15 minutes.
		account.password = body.password;
		account.passwordChanges += 1;
		return reply(200, { success: true });
	},
};
