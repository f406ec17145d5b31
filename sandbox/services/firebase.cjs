'use strict';
/** Firebase Auth (Identity Toolkit): Web API key as `?key=`; email-enumeration protection off (EMAIL_NOT_FOUND). */
const crypto = require('node:crypto');
const { accountById, setByAdmin } = require('../admin.cjs');

/** What this sandbox service accepts as its key or client identifiers. */
const KEYS = { firebase: 'sandbox-firebase-web-api-key', firebaseAdminToken: 'sandbox-firebase-admin-token' };

module.exports = {
	id: 'firebase',
	scenarios: [{ credential: (keys) => ({ apiKey: keys.firebase, firebaseAdminToken: keys.firebaseAdminToken }), verify: 'success', link: true, setPassword: true }],
	/** The path its base URL ends in, as its real deployments have it. */
	basePath: '/v1',
	keys: KEYS,
	token: { lifetime: 3600, issue: () => crypto.randomBytes(24).toString('base64url') },
	handle(sandbox, { method, path, body, query, headers }, reply) {
		const error = (message) => reply(400, { error: { code: 400, message, errors: [{ message, domain: 'global', reason: 'invalid' }] } });
		if (query.key !== KEYS.firebase) return error('API key not valid. Please pass a valid API key.');
		// The admin calls take an OAuth token; any other Bearer is refused as the emulator does (`server.js`).
		const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
		if (bearer !== undefined && bearer !== KEYS.firebaseAdminToken) {
			const message = 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.';
			return reply(401, { error: { code: 401, message, errors: [{ message, domain: 'global', reason: 'unauthorized', location: 'Authorization', locationType: 'header' }], status: 'UNAUTHENTICATED' } });
		}
		const isAdmin = bearer === KEYS.firebaseAdminToken;
		if (method === 'POST' && path === '/v1/accounts:lookup' && isAdmin) {
			const found = (body?.email ?? []).map((email) => sandbox.account('firebase', email)).filter(Boolean);
			// No account: the `users` key is absent (the emulator's lookup).
			// An account as the emulator's admin lookup answers it (measured): its hash, salt and times too.
			const asUser = (account) => ({
				localId: account.username,
				email: account.email,
				emailVerified: false,
				passwordHash: 'fakeHash:salt=sandbox:password=***',
				salt: 'sandbox',
				passwordUpdatedAt: 0,
				providerUserInfo: [{ providerId: 'password', email: account.email, federatedId: account.email, rawId: account.email }],
				validSince: '0',
				lastLoginAt: '0',
				createdAt: '0',
				lastRefreshAt: new Date(0).toISOString(),
			});
			return reply(200, { kind: 'identitytoolkit#GetAccountInfoResponse', ...(found.length ? { users: found.map(asUser) } : {}) });
		}
		if (method === 'POST' && path === '/v1/accounts:update' && isAdmin) {
			const account = accountById(sandbox, 'firebase', body?.localId);
			if (!account) return error('USER_NOT_FOUND');
			if (String(body.password ?? '').length < 6) return error('WEAK_PASSWORD : Password should be at least 6 characters');
			setByAdmin(account, body.password, { endsSessions: true });
			return reply(200, { kind: 'identitytoolkit#SetAccountInfoResponse', localId: account.username, email: account.email });
		}
		if (method === 'POST' && path === '/v1/accounts:sendOobCode' && body?.returnOobLink) {
			if (!isAdmin) return error('INSUFFICIENT_PERMISSION');
			const account = sandbox.account('firebase', body.email);
			if (!account) return error('EMAIL_NOT_FOUND');
			const oobCode = sandbox.issueToken('firebase', account, { mailed: false });
			const oobLink = sandbox.link(`/firebase/emulator/action?mode=resetPassword&lang=en&oobCode=${oobCode}`);
			return reply(200, { kind: 'identitytoolkit#GetOobConfirmationCodeResponse', email: account.email, oobCode, oobLink });
		}
		if (method === 'POST' && path === '/v1/accounts:sendOobCode') {
			if (body?.requestType !== 'PASSWORD_RESET' || !body?.email) return error('MISSING_EMAIL');
			const account = sandbox.account('firebase', body.email);
			// Email-enumeration protection off: the older, leaky answer.
			if (!account) return error('EMAIL_NOT_FOUND');
			sandbox.issueToken('firebase', account);
			return reply(200, { kind: 'identitytoolkit#GetOobConfirmationCodeResponse', email: account.email });
		}
		if (method === 'POST' && path === '/v1/accounts:resetPassword') {
			const { account, problem } = sandbox.redeem('firebase', body?.oobCode);
			if (problem === 'expired') return error('EXPIRED_OOB_CODE');
			if (problem) return error('INVALID_OOB_CODE');
			if (body.newPassword === undefined) return reply(200, { email: account.email, requestType: 'PASSWORD_RESET' });
			if (body.newPassword.length < 6) return error('WEAK_PASSWORD : Password should be at least 6 characters');
			sandbox.changePassword(account, body.newPassword);
			return reply(200, { kind: 'identitytoolkit#ResetPasswordResponse', email: account.email, requestType: 'PASSWORD_RESET' });
		}
		return reply(404, { error: { code: 404, message: 'Not Found' } });
	},
};
