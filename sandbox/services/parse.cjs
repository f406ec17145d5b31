'use strict';
/**
 * Parse Server 7: X-Parse-Application-Id; `{}` for every email (resetPasswordSuccessOnInvalidEmail
 * on); the reset is the emailed link's form, posted URL-encoded as an XHR, answered in JSON.
 */
const crypto = require('node:crypto');
const { accountById, setByAdmin } = require('../admin.cjs');

const KEYS = { parseAppId: 'sandbox-parse-app', parseMasterKey: 'sandbox-parse-master-key' };
const error = (reply, status, code, message) => reply(status, { code, error: message });

module.exports = {
	id: 'parse',
	scenarios: [
		// The token is the whole emailed link: Parse's reset needs its username too.
		{ credential: (keys) => ({ parseAppId: keys.parseAppId, parseMasterKey: keys.parseMasterKey }), setPassword: true },
	],
	basePath: '/parse',
	keys: KEYS,
	// The email carries the link to Parse's reset form: its token and the username.
	token: {
		lifetime: 3600,
		issue: (user) => `https://api.example.com/parse/apps/${KEYS.parseAppId}/choose_password?token=${crypto.randomBytes(16).toString('hex')}&username=${encodeURIComponent(user.email)}`,
	},
	handle(sandbox, { method, path, body, query, headers }, reply) {
		if (headers['x-parse-application-id'] !== KEYS.parseAppId) return reply(403, { error: 'unauthorized' });
		// Set Password with the master key (`RestWrite.js`): a search by exact email, then the user's update.
		const user = /^\/parse\/users\/([^/]+)$/.exec(path);
		if ((method === 'GET' && path === '/parse/users') || (method === 'PUT' && user)) {
			// Measured on a real Parse Server 7.5: without the master key the email search is refused with code 119.
			if (headers['x-parse-master-key'] !== KEYS.parseMasterKey) return error(reply, 400, 119, 'This user is not allowed to query email on class _User');
			if (method === 'GET') {
				const wanted = JSON.parse(query.where ?? '{}').email?.$in ?? [];
				const results = [...new Set(wanted.map((email) => sandbox.account('parse', email)).filter((account) => account && wanted.includes(account.email)))].map((account) => ({ objectId: account.username, email: account.email }));
				return reply(200, { results });
			}
			const account = accountById(sandbox, 'parse', user[1]);
			if (!account) return error(reply, 404, 101, 'Object not found.');
			if (String(body?.password ?? '').length < 8) return error(reply, 400, 142, 'Password does not meet the Password Policy requirements.');
			setByAdmin(account, body.password, { endsSessions: true });
			return reply(200, { updatedAt: new Date().toISOString() });
		}
		if (method === 'POST' && path === '/parse/requestPasswordReset') {
			if (!body?.email) return error(reply, 400, 204, 'you must provide an email');
			const account = sandbox.account('parse', body.email);
			if (account) sandbox.issueToken('parse', account);
			return reply(200, {});
		}
		if (method === 'POST' && path === `/parse/apps/${KEYS.parseAppId}/request_password_reset`) {
			if (headers['x-requested-with'] !== 'XMLHttpRequest') return reply(302, '', { Location: '/parse/apps/choose_password' });
			const { account, problem } = sandbox.redeem('parse', body?.token, (value) => new URL(value).searchParams.get('token') === body?.token);
			if (problem === 'expired') return error(reply, 400, -1, 'The password reset link has expired');
			if (problem || account.email !== String(body.username).toLowerCase()) return error(reply, 400, -1, 'Failed to reset password: username / email / token is invalid');
			if (String(body.new_password ?? '').length < 8) return error(reply, 400, -1, 'Password does not meet the Password Policy requirements.');
			sandbox.changePassword(account, body.new_password);
			return reply(200, JSON.stringify('Password successfully reset'), { 'Content-Type': 'application/json' });
		}
		return error(reply, 404, 119, 'Invalid route');
	},
};
