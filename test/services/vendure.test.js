/** Vendure: GraphQL on the Shop API; every answer HTTP 200, a result union decides (shop.api.graphql, shop-error-results.graphql). */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const result = (field, value) => ({ data: { [field]: value } });
const errorResult = (field, __typename, errorCode, message, extra = {}) => result(field, { __typename, errorCode, message, ...extra });

describeServiceContract({
	service: 'vendure',
	baseUrl: 'https://shop.example.test',
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: '/shop-api', body: { query: expect.stringContaining('requestPasswordReset(emailAddress: $emailAddress)'), variables: { emailAddress: EMAIL } }, absentHeaders: ['Authorization'] },
			// An unknown email answers the same `Success` (`CustomerService.requestPasswordReset`).
			success: { status: 200, body: result('requestPasswordReset', { __typename: 'Success', success: true }), output: { success: true, operation: 'sendResetEmail', service: 'vendure', message: NEUTRAL } },
			errors: [
				[200, errorResult('requestPasswordReset', 'NativeAuthStrategyError', 'NATIVE_AUTH_STRATEGY_ERROR', 'The NativeAuthenticationStrategy is not configured'), 'not_supported'],
				// HTTP 200 whose result is neither union member: never a success.
				[200, { data: { requestPasswordReset: null } }, 'unexpected_response'],
				[200, { data: {} }, 'unexpected_response'],
				// The Admin API (or another GraphQL server) has no such mutation.
				[400, { errors: [{ message: 'Cannot query field "requestPasswordReset" on type "Mutation".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }, 'endpoint_not_found', { message: /Shop API is at \/shop-api/ }],
			],
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: { method: 'POST', path: '/shop-api', body: { query: expect.stringContaining('resetPassword(token: $token, password: $password)'), variables: { token: SENTINELS.resetToken, password: SENTINELS.newPassword } } },
			success: { status: 200, body: result('resetPassword', { __typename: 'CurrentUser', id: '1', identifier: EMAIL }), output: { success: true, operation: 'resetPassword', service: 'vendure', message: 'Password reset successfully' } },
			errors: [
				[200, errorResult('resetPassword', 'PasswordResetTokenInvalidError', 'PASSWORD_RESET_TOKEN_INVALID_ERROR', 'Password reset token not recognized'), 'invalid_or_expired_token'],
				[200, errorResult('resetPassword', 'PasswordResetTokenExpiredError', 'PASSWORD_RESET_TOKEN_EXPIRED_ERROR', 'Password reset token has expired'), 'invalid_or_expired_token'],
				[200, errorResult('resetPassword', 'PasswordValidationError', 'PASSWORD_VALIDATION_ERROR', 'Password is invalid', { validationErrorMessage: 'Value must be at least 12 characters long' }), 'weak_password', { message: /Vendure refused the new password: Value must be at least 12 characters long/ }],
				[200, errorResult('resetPassword', 'NotVerifiedError', 'NOT_VERIFIED_ERROR', 'Please verify this email address before logging in'), 'user_disabled'],
				[200, { data: { resetPassword: { __typename: 'Success' } } }, 'unexpected_response'],
				[200, { errors: [{ message: 'Variable "$token" of required type "String!" was not provided.', extensions: { code: 'BAD_USER_INPUT' } }] }, 'invalid_input'],
			],
		},
		setPassword: { parameters: { email: EMAIL, newPassword: SENTINELS.newPassword }, notSupported: /Vendure has no admin call/ },
	},
});

const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('vendure', 'POST', '/shop-api', [200, { data: { activeChannel: { code: '__default_channel__' } } }], { vendureChannelToken: 'shop-eu' }, { 'vendure-token': 'shop-eu', authorization: undefined });
