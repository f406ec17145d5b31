'use strict';
/**
 * Keycloak: a realm, a confidential client with a service account (client credentials), the
 * admin user search and execute-actions-email, which mails Keycloak's own action link.
 */
const crypto = require('node:crypto');
const { setByAdmin } = require('../admin.cjs');

const KEYS = { keycloakRealm: 'sandbox', keycloakClientId: 'n8n-reset', keycloakClientSecret: 'sandbox-keycloak-client-secret' };

module.exports = {
	id: 'keycloak',
	scenarios: [
		// Three requests for one send; Keycloak's own page finishes the reset.
		{ credential: (keys) => ({ keycloakRealm: keys.keycloakRealm, keycloakClientId: keys.keycloakClientId, keycloakClientSecret: keys.keycloakClientSecret }), reset: 'not_supported', reuse: null, setPassword: true },
	],
	keys: KEYS,
	// The link opens Keycloak's action-token page: nothing an API can redeem.
	token: { lifetime: 43200, issue: () => `https://keycloak.example/realms/${KEYS.keycloakRealm}/login-actions/action-token?key=${crypto.randomBytes(16).toString('hex')}` },
	handle(sandbox, { method, path, body, query, headers }, reply) {
		const realm = `/realms/${KEYS.keycloakRealm}`;
		const admin = `/admin${realm}`;
		if (method === 'GET' && path === `${realm}/.well-known/openid-configuration`) return reply(200, { issuer: `http://keycloak.example${realm}` });
		if (method === 'POST' && path === `${realm}/protocol/openid-connect/token`) {
			if (body?.grant_type !== 'client_credentials') return reply(400, { error: 'invalid_request', error_description: 'Missing form parameter: grant_type' });
			if (body.client_id !== KEYS.keycloakClientId || body.client_secret !== KEYS.keycloakClientSecret) {
				return reply(401, { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' });
			}
			const token = `eyJ.${crypto.randomBytes(24).toString('base64url')}`;
			(sandbox.keycloakTokens ??= new Set()).add(token);
			return reply(200, { access_token: token, expires_in: 300, token_type: 'Bearer', scope: 'profile email' });
		}
		const notFound = () => reply(404, { error: 'RESTEASY003210: Could not find resource for full path' });
		if (!path.startsWith(`${admin}/`)) return notFound();
		if (!sandbox.keycloakTokens?.has(String(headers.authorization).replace(/^Bearer /, ''))) return reply(401, { error: 'HTTP 401 Unauthorized' });
		if (method === 'GET' && path === `${admin}/users`) {
			const account = sandbox.account('keycloak', query.email);
			return reply(200, account && query.exact === 'true' ? [{ id: `id-${account.username}`, username: account.username, email: account.email, enabled: true }] : []);
		}
		const match = new RegExp(`^${admin}/users/([^/]+)/execute-actions-email$`).exec(path);
		if (method === 'PUT' && match) {
			const account = [...sandbox.accounts.entries()].find(([key, candidate]) => key.startsWith('keycloak:') && `id-${candidate.username}` === match[1])?.[1];
			if (!account) return reply(404, { error: 'User not found' });
			if (!Array.isArray(body) || !body.includes('UPDATE_PASSWORD')) return reply(400, { errorMessage: 'Provided invalid required actions' });
			sandbox.issueToken('keycloak', account);
			return reply(204, '');
		}
		const keycloakAccount = (id) => [...sandbox.accounts.entries()].find(([key, candidate]) => key.startsWith('keycloak:') && `id-${candidate.username}` === id)?.[1];
		// Set Password (UserResource.java): reset-password, with `temporary` as the UPDATE_PASSWORD required action; logout.
		const credential = new RegExp(`^${admin}/users/([^/]+)/reset-password$`).exec(path);
		if (method === 'PUT' && credential) {
			const account = keycloakAccount(credential[1]);
			if (!account) return reply(404, { error: 'User not found' });
			if (body?.type !== 'password' || !body.value) return reply(400, { error: 'No password provided' });
			if (body.value.length < 8) return reply(400, { error: 'invalidPasswordMinLengthMessage', error_description: 'Invalid password: minimum length 8.' });
			setByAdmin(account, body.value, { mustChange: body.temporary === true });
			return reply(204, '');
		}
		const logout = new RegExp(`^${admin}/users/([^/]+)/logout$`).exec(path);
		if (method === 'POST' && logout) {
			const account = keycloakAccount(logout[1]);
			if (!account) return reply(404, { error: 'User not found' });
			account.sessionsEnded = (account.sessionsEnded ?? 0) + 1;
			return reply(204, '');
		}
		return notFound();
	},
};
