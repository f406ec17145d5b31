'use strict';
/** Firebase Auth (Identity Toolkit): Web API key as `?key=`; email-enumeration protection off (EMAIL_NOT_FOUND). */
const crypto = require('node:crypto');

/** What this sandbox service accepts as its key or client identifiers. */
const KEYS = { firebase: 'sandbox-firebase-web-api-key' };

module.exports = {
	id: 'firebase',
	scenarios: [{ credential: (keys) => ({ apiKey: keys.firebase }), verify: 'success' }],
	/** The path its base URL ends in, as its real deployments have it. */
	basePath: '/v1',
	keys: KEYS,
	token: { lifetime: 3600, issue: () => crypto.randomBytes(24).toString('base64url') },
	handle(sandbox, { method, path, body, query }, reply) {
		const error = (message) => reply(400, { error: { code: 400, message, errors: [{ message, domain: 'global', reason: 'invalid' }] } });
		if (query.key !== KEYS.firebase) return error('API key not valid. Please pass a valid API key.');
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
