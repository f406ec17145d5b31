'use strict';
/** Xano (Hack System): French precondition errors as 500 ERROR_FATAL; codes never expire. */
const crypto = require('node:crypto');
const { SEND_WINDOW_SECONDS } = require('../limits.cjs');

module.exports = {
	id: 'xano',
	scenarios: [{}],
	token: { lifetime: null, issue: () => crypto.randomBytes(8).toString('hex') },
	handle(sandbox, { method, path, body, query }, reply) {
		const precondition = (message, type = 'error', input = '') => reply(500, { code: 'ERROR_FATAL', message, payload: { type, input } });
		if (path !== '/reset/password') return reply(404, { code: 'ERROR_CODE_NOT_FOUND', message: 'Unable to locate request.', payload: '' });
		if (method === 'GET') {
			if (!query.email) return precondition("L'email est vide.", 'error', 'email');
			if (sandbox.overSendLimit('xano', query.email)) {
				return reply(429, { code: 'ERROR_CODE_TOO_MANY_REQUESTS', message: 'Too many requests.', payload: '' }, { 'Retry-After': String(SEND_WINDOW_SECONDS) });
			}
			const account = sandbox.account('xano', query.email);
			if (!account) return precondition("L'utilisateur n'existe pas.", 'error', 'email');
			sandbox.issueToken('xano', account);
			return reply(200, { message: 'Un email de réinitialisation a été envoyé.', type: 'success' });
		}
		if (method === 'POST') {
			if (!body?.code) return precondition('Le code de réinitialisation est vide.', 'error', 'code');
			if (!body?.password) return precondition('Le mot de passe est vide.', 'error', 'password');
			const { account, problem } = sandbox.redeem('xano', body.code);
			if (problem) return precondition('Code de réinitialisation invalide.', 'error', 'code');
			sandbox.changePassword(account, body.password);
			account.token = null; // reset_code cleared on use
			return reply(200, { message: 'Votre mot de passe a été modifié.', type: 'success' });
		}
		return reply(405, { code: 'ERROR_CODE_BAD_REQUEST', message: 'Method not allowed.', payload: '' });
	},
};
