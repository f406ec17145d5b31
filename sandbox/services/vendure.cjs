'use strict';
/** Vendure's Shop API (GraphQL): every answer is HTTP 200 with a result union; an unknown email is `Success`. */
const crypto = require('node:crypto');

const errorResult = (typename, errorCode, message, extra = {}) => ({ __typename: typename, errorCode, message, ...extra });

module.exports = {
	id: 'vendure',
	keys: {},
	// `authOptions.verificationTokenDuration`'s default, 7 days; the token is base64(ISO time) `_` random (measured).
	token: {
		lifetime: 7 * 86400,
		issue: () => `${Buffer.from(new Date().toISOString()).toString('base64').replace(/=+$/, '')}_${crypto.randomBytes(12).toString('base64').replace(/[^A-Z0-9]/gi, '').toUpperCase().slice(0, 16)}`,
	},
	handle(sandbox, { method, path, body }, reply) {
		// NestJS's own 404 (measured on Vendure 3.7).
		if (path !== '/shop-api') return reply(404, { statusCode: 404, message: `Cannot ${method} ${path}`, timestamp: new Date().toISOString(), path });
		if (method !== 'POST' || typeof body?.query !== 'string') return reply(400, { errors: [{ message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } }] });
		const variables = body.variables ?? {};
		if (/^\s*\{\s*activeChannel\s*\{\s*code\s*\}\s*\}\s*$/.test(body.query)) return reply(200, { data: { activeChannel: { code: '__default_channel__' } } });
		if (/requestPasswordReset\s*\(/.test(body.query)) {
			const account = sandbox.account('vendure', variables.emailAddress);
			if (account) sandbox.issueToken('vendure', account);
			return reply(200, { data: { requestPasswordReset: { __typename: 'Success' } } });
		}
		if (/resetPassword\s*\(/.test(body.query)) {
			const { account, problem } = sandbox.redeem('vendure', variables.token);
			if (problem === 'expired') return reply(200, { data: { resetPassword: errorResult('PasswordResetTokenExpiredError', 'PASSWORD_RESET_TOKEN_EXPIRED_ERROR', 'Password reset token has expired') } });
			if (problem) return reply(200, { data: { resetPassword: errorResult('PasswordResetTokenInvalidError', 'PASSWORD_RESET_TOKEN_INVALID_ERROR', 'Password reset token not recognized') } });
			const password = String(variables.password ?? '');
			if (password.length < 4 || password.length > 72) {
				return reply(200, { data: { resetPassword: errorResult('PasswordValidationError', 'PASSWORD_VALIDATION_ERROR', 'Password is invalid', { validationErrorMessage: 'Password must be between 4 and 72 characters' }) } });
			}
			sandbox.changePassword(account, password);
			return reply(200, { data: { resetPassword: { __typename: 'CurrentUser', id: String(account.number), identifier: account.email } } });
		}
		return reply(400, { errors: [{ message: 'Cannot query field on type "Mutation".', locations: [{ line: 1, column: 12 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { headers: {}, status: 400 } } }] });
	},
};
