'use strict';
/** WibiClick (Koa): Bearer API key; a 404 `{success:false}` for an unknown email; Koa's plain "Not Found" for a route it lacks. */
const crypto = require('node:crypto');
const { SEND_WINDOW_SECONDS } = require('../limits.cjs');

module.exports = {
	keys: { wibiclickApiKey: 'sandbox-wibiclick-key' },
	id: 'wibiclick',
	scenarios: [{ credential: (keys) => ({ apiKey: keys.wibiclickApiKey }) }],
	token: { lifetime: 3600, issue: () => crypto.randomBytes(20).toString('hex') },
	handle(sandbox, { method, path, body, headers }, reply) {
		if (headers.authorization !== `Bearer ${sandbox.wibiclickApiKey}`) {
			return reply(401, { success: false, message: 'Unauthorized' });
		}
		if (method === 'POST' && path === '/verify-email') {
			if (!body?.email) return reply(400, { success: false, message: 'Email is required' });
			if (sandbox.overSendLimit('wibiclick', body.email)) {
				return reply(429, { success: false, message: 'Too many requests' }, { 'Retry-After': String(SEND_WINDOW_SECONDS) });
			}
			const account = sandbox.account('wibiclick', body.email);
			if (!account) return reply(404, { success: false, message: 'User not found' });
			sandbox.issueToken('wibiclick', account);
			return reply(200, { success: true, message: 'Please check your email for the password reset link' });
		}
		if (method === 'POST' && path === '/password-reset') {
			const token = body?.token ?? body?.resetToken;
			if (!token || !body?.password) return reply(400, { success: false, message: 'Token and password are required' });
			const { account, problem } = sandbox.redeem('wibiclick', token);
			if (problem) return reply(400, { success: false, message: 'Invalid or expired token' });
			sandbox.changePassword(account, body.password);
			return reply(200, { success: true, message: 'Password reset successfully', email: account.email });
		}
		// Koa's answer to a route it does not have.
		return reply(404, 'Not Found');
	},
};
