'use strict';
/**
 * WordPress (Debian's 6.1.9): the lost-password form (a redirect to `checkemail=confirm` when it
 * mailed, the form again with an error otherwise: an unknown address is named); the REST API's
 * users routes with an Application Password (Basic auth) for Set Password.
 */
const crypto = require('node:crypto');
const { accountById, accountsWhere, setByAdmin } = require('../admin.cjs');

const KEYS = { wordpressUsername: 'help-desk', wordpressAppPassword: 'sandbox wp app pass word 1234' };
const BASIC = `Basic ${Buffer.from(`${KEYS.wordpressUsername}:${KEYS.wordpressAppPassword}`).toString('base64')}`;
/** The lost-password form again, with WordPress's error, as `wp-login.php` renders it. */
const formWithError = (message) => `<!DOCTYPE html><html><body class="login"><div id="login_error">	<strong>Error:</strong> ${message}<br /></div><form name="lostpasswordform" id="lostpasswordform"></form></body></html>`;
const restError = (reply, status, code, message, extra = {}) => reply(status, { code, message, data: { status, ...extra } });

module.exports = {
	id: 'wordpress',
	scenarios: [{ credential: (keys) => ({ wordpressUsername: keys.wordpressUsername, wordpressAppPassword: keys.wordpressAppPassword }), reset: 'not_supported', reuse: null, setPassword: true }],
	keys: KEYS,
	// The emailed link opens WordPress's own page (`wp-login.php?action=rp&key=…`): a key of 20 characters, one day.
	token: { lifetime: 86400, issue: () => crypto.randomBytes(15).toString('base64url').slice(0, 20) },
	handle(sandbox, { method, path, body, query, headers }, reply) {
		if (method === 'POST' && path === '/wp-login.php' && query.action === 'lostpassword') {
			if (!body?.user_login) return reply(200, formWithError('Please enter a username or email address.'), { 'Content-Type': 'text/html; charset=UTF-8' });
			const account = sandbox.account('wordpress', body.user_login);
			if (!account) return reply(200, formWithError('There is no account with that username or email address.'), { 'Content-Type': 'text/html; charset=UTF-8' });
			sandbox.issueToken('wordpress', account);
			return reply(302, '', { Location: 'wp-login.php?checkemail=confirm', 'Content-Type': 'text/html; charset=UTF-8' });
		}
		if (method === 'GET' && path === '/wp-json') return reply(200, { name: 'Sandbox', url: sandbox.link('/wordpress'), namespaces: ['oembed/1.0', 'wp/v2'] });
		const user = /^\/wp-json\/wp\/v2\/users\/([^/]+)$/.exec(path);
		if ((method === 'GET' && path === '/wp-json/wp/v2/users') || (method === 'POST' && user)) {
			if (headers.authorization !== BASIC) return restError(reply, 401, 'incorrect_password', 'The provided password is an invalid application password.');
			if (method === 'GET') {
				const term = String(query.search ?? '').toLowerCase();
				return reply(200, accountsWhere(sandbox, 'wordpress', (email) => email.includes(term)).map((account) => ({ id: account.username, username: account.username, email: account.email, roles: ['customer'] })));
			}
			const account = accountById(sandbox, 'wordpress', user[1]);
			if (!account) return restError(reply, 404, 'rest_user_invalid_id', 'Invalid user ID.');
			const password = String(body?.password ?? '');
			if (!password || password.includes('\\')) {
				const reason = password ? 'Passwords cannot contain the "\\" character.' : 'Passwords cannot be empty.';
				return restError(reply, 400, 'rest_invalid_param', 'Invalid parameter(s): password', { params: { password: reason }, details: { password: { code: 'rest_user_invalid_password', message: reason, data: null } } });
			}
			setByAdmin(account, password);
			return reply(200, { id: account.username, username: account.username, email: account.email });
		}
		return restError(reply, 404, 'rest_no_route', 'No route was found matching the URL and request method.');
	},
};
