'use strict';
/** Industrial IOT (Flask): the send is a GET with a JSON body (n8n cannot send it); one process-wide OTP clock. Mode `as-deployed`: every reset branch answers 500 after its side effects. */
const crypto = require('node:crypto');

module.exports = {
	id: 'industrialIot',
	scenarios: [
		// n8n cannot send this request (a GET with a JSON body); the sandbox issues the token.
		{ send: 'not_supported', tokenFromSandbox: true },
		// Every answer is a 500, even when the password did change.
		{ mode: 'as-deployed', send: 'not_supported', tokenFromSandbox: true, reset: 'unknown_outcome', reuse: 'unknown_outcome' },
	],
	// 6 digits + username, 300 s, timed from one process-wide clock (any send restarts it).
	token: { lifetime: 300, sharedClock: true, issue: (user) => `${crypto.randomInt(100000, 1000000)}${user.username}` },
	handle(sandbox, { method, path, body, headers, mode }, reply) {
		const missing = (arg) => reply(400, { message: { [arg]: 'Missing required parameter in the JSON body or the post body or the query string' } });
		const loggedIn = /access_token_cookie=/.test(headers.cookie ?? '');
		if (path === '/api/resetpass') {
			if (loggedIn && method !== 'PUT') return reply(401, { Error: "User is logged in, use 'PUT' method." });
			if (!loggedIn && method !== 'GET') return reply(401, { Error: "User is logged out, use 'GET' method." });
			if (!body?.email) return missing('email');
			const account = sandbox.account('industrialIot', body.email);
			if (!account) return reply(400, { error: 'incorrect email' });
			sandbox.issueToken('industrialIot', account);
			return reply(200, { success: 'token sent to email' });
		}
		if (path === '/api/resetouttoken') {
			if (method !== 'PUT') return reply(405, { message: 'The method is not allowed for the requested URL.' });
			// As deployed, each jsonify() branch becomes a 500, after its side effects.
			const answer = (status, payload) =>
				mode === 'as-deployed' ? reply(500, { message: 'Internal Server Error' }) : reply(status, payload);
			if (loggedIn) return answer(401, { error: 'user is logged in' });
			if (!body?.token) return missing('token');
			if (!body?.new) return missing('new');
			const { account, problem } = sandbox.redeem('industrialIot', body.token);
			if (problem === 'invalid') return answer(400, { error: 'invalid token' });
			if (problem === 'expired') return answer(400, { error: 'expired token' });
			sandbox.changePassword(account, body.new);
			return answer(200, { succcess: 'password updated successfully' });
		}
		return reply(404, { message: 'The requested URL was not found on the server.' });
	},
};
