const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const precondition = (message) => ({ code: 'ERROR_FATAL', message, payload: { type: 'error', input: 'code' } });

describeServiceContract({
	service: 'xano',
	baseUrl: 'https://x1.xano.test/api:AbCd',
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'GET', path: '/api:AbCd/reset/password', body: undefined, query: { email: EMAIL }, absentHeaders: ['Authorization'] },
			success: {
				body: { message: 'Email envoyé', type: 'success' },
				output: { success: true, operation: 'sendResetEmail', service: 'xano', message: NEUTRAL },
			},
			unknownAccount: [[500, precondition("L'utilisateur n'existe pas.")]],
			errors: [
				[500, { code: 'ERROR_FATAL', message: 'Unable to locate var', payload: '' }, 'server_error'],
				[400, { code: 'ERROR_CODE_INPUT_ERROR', message: 'Missing param: email', payload: { param: 'email' } }, 'invalid_input'],
				[429, { code: 'ERROR_CODE_TOO_MANY_REQUESTS', message: 'Too many requests', payload: '' }, 'rate_limited'],
			],
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: {
				method: 'POST',
				path: '/api:AbCd/reset/password',
				body: { code: SENTINELS.resetToken, password: SENTINELS.newPassword },
				absentHeaders: ['Authorization'],
			},
			success: {
				body: { message: 'Mot de passe modifié', type: 'success' },
				output: { success: true, operation: 'resetPassword', service: 'xano', message: 'Mot de passe modifié' },
			},
			errors: [
				[500, precondition('Code de réinitialisation invalide.'), 'invalid_or_expired_token', { serverMessage: 'Code de réinitialisation invalide.' }],
				// Without a payload the 500 proves nothing: the password may have changed.
				[500, { code: 'ERROR_FATAL', message: 'Unable to locate var: app_messages.7', payload: '' }, 'unknown_outcome'],
				[500, '<html><body>Bad gateway</body></html>', 'unknown_outcome', { serverMessage: 'The server answered with an HTML page instead of JSON' }],
				[400, { code: 'ERROR_CODE_INPUT_ERROR', message: 'Missing param: code', payload: { param: 'code' } }, 'invalid_input'],
				[403, { code: 'ERROR_CODE_ACCESS_DENIED', message: 'Access denied', payload: '' }, 'auth_failed'],
			],
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('xano', 'GET', '/reset/password', [500, { code: 'ERROR_FATAL', message: "L'email est vide.", payload: { type: 'error', input: 'email' } }], {}, { authorization: undefined });
