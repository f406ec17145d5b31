'use strict';
/** ZITADEL v2: the user by email, then its password reset (a mailed link or the code) and its password. */
const crypto = require('node:crypto');
const { accountById, accountsWhere, setByAdmin } = require('../admin.cjs');

const KEYS = { zitadel: 'sandbox-zitadel-personal-access-token' };
const ORG = '200000000000000001';

const details = () => ({ sequence: '1', changeDate: new Date().toISOString(), resourceOwner: ORG });

module.exports = {
	id: 'zitadel',
	scenarios: [
		{
			credential: (keys, sandboxUrl) => ({ apiKey: keys.zitadel, zitadelResetUrl: `${sandboxUrl}/zitadel/reset?userID={{.UserID}}&code={{.Code}}&orgID={{.OrgID}}` }),
			link: true,
			setPassword: true,
		},
	],
	keys: KEYS,
	// Guess: an hour. The code: six letters and digits.
	token: { lifetime: 3600, issue: () => crypto.randomBytes(6).toString('base64url').toUpperCase().replace(/[-_]/g, 'X').slice(0, 6) },
	handle(sandbox, { method, path, body, headers }, reply) {
		const error = (status, code, message) => reply(status, { code, message, details: [] });
		if (headers.authorization !== `Bearer ${KEYS.zitadel}`) return error(401, 16, 'Errors.Token.Invalid (AUTH-7fs1e)');
		if (method === 'GET' && path === '/auth/v1/users/me') return reply(200, { user: { id: '200000000000000099', userName: 'n8n-service-user' } });
		if (method === 'POST' && path === '/v2/users') {
			const query = body?.queries?.[0]?.emailQuery ?? {};
			const wanted = String(query.emailAddress ?? '');
			const ignoreCase = query.method === 'TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE';
			const found = accountsWhere(sandbox, 'zitadel', (email) => (ignoreCase ? email === wanted.toLowerCase() : email === wanted));
			return reply(200, {
				details: { totalResult: String(found.length), timestamp: new Date().toISOString() },
				result: found.map((account) => ({ userId: account.username, username: account.username, human: { email: { email: account.email, isVerified: true } } })),
			});
		}
		const user = /^\/v2\/users\/([^/]+)\/(password_reset|password)$/.exec(path);
		const account = user && method === 'POST' && accountById(sandbox, 'zitadel', user[1]);
		if (!account) return error(404, 5, 'User could not be found (COMMAND-uXHNj)');
		if (user[2] === 'password_reset') {
			if (body?.returnCode) return reply(200, { details: details(), verificationCode: sandbox.issueToken('zitadel', account, { mailed: false }) });
			sandbox.issueToken('zitadel', account);
			return reply(200, { details: details() });
		}
		const password = String(body?.newPassword?.password ?? '');
		if (body?.verificationCode !== undefined) {
			const { problem } = sandbox.redeem('zitadel', body.verificationCode, (value) => value === body.verificationCode && account.token?.value === value);
			if (problem === 'expired') return error(400, 3, 'Code is expired (CODE-QvUQ4P)');
			if (problem) return error(400, 3, 'Code is invalid (CODE-woT0xc)');
		}
		if (password.length < 8) return error(400, 3, 'Password is too short (COMMA-HuJf6)');
		if (body?.verificationCode !== undefined) sandbox.changePassword(account, password);
		else setByAdmin(account, password, { mustChange: body?.newPassword?.changeRequired === true });
		return reply(200, { details: details() });
	},
};
