'use strict';
/** Appwrite: X-Appwrite-Project; the email carries a recovery link (userId + secret); an older server's 404 for unknown emails. */
const crypto = require('node:crypto');
const { accountById, setByAdmin } = require('../admin.cjs');

/** What this sandbox service accepts as its key or client identifiers. */
const KEYS = { appwriteProject: 'sandbox-project', appwriteRecoveryUrl: 'https://app.example.com/recover', appwriteApiKey: 'sandbox-appwrite-server-key' };

module.exports = {
	id: 'appwrite',
	scenarios: [{ credential: (keys) => ({ appwriteProjectId: keys.appwriteProject, appwriteRecoveryUrl: keys.appwriteRecoveryUrl, apiKey: keys.appwriteApiKey }), setPassword: true }],
	/** The path its base URL ends in, as its real deployments have it. */
	basePath: '/v1',
	keys: KEYS,
	// The email carries a link; the node takes the whole link as the token.
	token: {
		lifetime: 3600,
		issue: (user) => `${KEYS.appwriteRecoveryUrl}?userId=${user.username}&secret=${crypto.randomBytes(16).toString('hex')}&expire=1h`,
	},
	handle(sandbox, { method, path, body, query, headers }, reply) {
		const error = (code, type, message) => reply(code, { message, code, type, version: '1.6.0' });
		if (headers['x-appwrite-project'] !== KEYS.appwriteProject) return error(404, 'project_not_found', 'Project with the requested ID could not be found.');
		if (method === 'GET' && path === '/v1/health/version') return reply(200, { version: '1.6.0' });
		// Set Password: the Users API with a server key (`Users/XList.php`, `Users/Password/Update.php`).
		const passwordOf = /^\/v1\/users\/([^/]+)\/password$/.exec(path);
		if ((method === 'GET' && path === '/v1/users') || (method === 'PATCH' && passwordOf)) {
			if (headers['x-appwrite-key'] !== KEYS.appwriteApiKey) return error(401, 'general_unauthorized_scope', 'app.sandbox-project@service.cloud.appwrite.io (role: applications) missing scope (users.read)');
			if (method === 'GET') {
				const equal = JSON.parse(query['queries[]'] ?? '{}');
				const account = equal.method === 'equal' && equal.attribute === 'email' ? sandbox.account('appwrite', equal.values?.[0]) : undefined;
				const users = account ? [{ $id: account.username, email: account.email, status: true }] : [];
				return reply(200, { total: users.length, users });
			}
			const account = accountById(sandbox, 'appwrite', passwordOf[1]);
			if (!account) return error(404, 'user_not_found', 'User with the requested ID could not be found.');
			if (String(body?.password ?? '').length < 8) return error(400, 'general_argument_invalid', 'Invalid `password` param: Password must be between 8 and 256 characters long, and should not be one of the commonly used password.');
			setByAdmin(account, body.password);
			return reply(200, { $id: account.username, email: account.email, status: true });
		}
		if (path !== '/v1/account/recovery') return error(404, 'general_route_not_found', 'Route not found.');
		if (method === 'POST') {
			if (!String(body?.url ?? '').startsWith('https://app.example.com/')) {
				return error(400, 'general_argument_invalid', 'Invalid `url` param: URL host must be one of: app.example.com');
			}
			const account = sandbox.account('appwrite', body?.email);
			// Older servers tell unknown emails apart with a 404.
			if (!account) return error(404, 'user_not_found', 'User with the requested ID could not be found.');
			sandbox.issueToken('appwrite', account);
			return reply(201, { $id: 'token', userId: account.username, secret: '', expire: new Date(Date.now() + 3600e3).toISOString(), phrase: '' });
		}
		if (method === 'PUT') {
			const link = (value) => new URL(value).searchParams;
			const { account, problem } = sandbox.redeem(
				'appwrite',
				body?.secret,
				(value) => link(value).get('secret') === body?.secret && link(value).get('userId') === body?.userId,
			);
			if (problem) return error(401, 'user_invalid_token', 'Invalid token passed in the request.');
			if (!body.password || body.password.length < 8) return error(400, 'general_argument_invalid', 'Invalid `password` param: Password must be between 8 and 256 characters long.');
			sandbox.changePassword(account, body.password);
			return reply(200, { $id: 'token', userId: account.username, secret: '', expire: new Date().toISOString() });
		}
		return error(405, 'general_not_implemented', 'Method not allowed.');
	},
};
