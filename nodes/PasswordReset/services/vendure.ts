import { graphqlErrorCode, graphqlResultField, graphqlSuccess, SUCCESS_STATUSES } from './answers';
import type { ServiceProfile } from '../kernel/types';

/**
 * Vendure 3, its Shop API (GraphQL), from `shop.api.graphql` and `shop-error-results.graphql`
 * (source, v3.5.4) and measured on a real Vendure 3.7.3 (test/real/vendure.cjs). Every answer is
 * HTTP 200: each mutation answers a result union, `Success` / `CurrentUser` or an `ErrorResult`
 * with its `errorCode`, and anything else is never a success. An unknown email answers `Success`
 * (`CustomerService.requestPasswordReset` returns nothing, no event fires): neutral.
 */
const REQUEST_RESET = `mutation RequestPasswordReset($emailAddress: String!) {
  requestPasswordReset(emailAddress: $emailAddress) { __typename ... on ErrorResult { errorCode message } }
}`;

const RESET = `mutation ResetPassword($token: String!, $password: String!) {
  resetPassword(token: $token, password: $password) {
    __typename
    ... on CurrentUser { id identifier }
    ... on PasswordValidationError { validationErrorMessage }
    ... on ErrorResult { errorCode message }
  }
}`;

export const vendure: ServiceProfile = {
	id: 'vendure',
	displayName: 'Vendure',
	setup: {
		checked: 'Real instance in CI: Vendure 3.7.3 (`test/real/vendure.cjs`)',
		baseUrl: '`https://<your-vendure>` (the server, not the Shop API path)',
		notes:
			"No API key: the Shop API's reset mutations are public. **Channel Token** (optional): your channel's token, sent as `vendure-token`, where the shop is not the default channel. The email's link carries the token (`?token=`, from the EmailPlugin's `passwordResetUrl`): that is the Reset Token. A successful reset signs the customer in; the session Vendure answers with is never output. Customers only: Vendure has no admin call that sets a customer's password.",
		resetToken: 'The `token` in the link of Vendure\'s password reset email',
	},
	baseUrl: { placeholder: 'e.g. https://shop.example.com' },
	credentialFields: [
		{
			displayName: 'Channel Token',
			name: 'vendureChannelToken',
			type: 'string',
			// Not a secret, but kept like one: it names the channel, and nothing needs it in output.
			typeOptions: { password: true },
			default: '',
			description: "Optional: the channel's token (Settings → Channels), sent as the vendure-token header. Leave empty for the default channel.",
		},
	],
	credentialTest: {
		method: 'POST',
		path: '/shop-api',
		fields: { query: '{ activeChannel { code } }' },
		passes: SUCCESS_STATUSES,
		proves: "Vendure's Shop API answered a read-only query at this Base URL. The reset mutations are public: there is no key to check",
	},
	auth: { headers: ({ vendureChannelToken }): Record<string, string> => (vendureChannelToken ? { 'vendure-token': vendureChannelToken } : {}) },
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/shop-api',
			graphql: REQUEST_RESET,
			requires: ['email'],
			fields: ({ email }) => ({ emailAddress: email }),
			isSuccess: graphqlSuccess('requestPasswordReset', 'Success'),
		},
		resetPassword: {
			method: 'POST',
			path: '/shop-api',
			graphql: RESET,
			requires: ['resetToken', 'newPassword'],
			fields: ({ resetToken, newPassword }) => ({ token: resetToken, password: newPassword }),
			isSuccess: graphqlSuccess('resetPassword', 'CurrentUser'),
		},
		setPassword: {
			notSupported: "Vendure has no admin call that sets a customer's password (the Admin API only creates a customer with one). Use Send Reset Email",
		},
	},
	errorCodeOf: graphqlErrorCode,
	unknownAccount: [],
	errorRules: [
		{ serviceCode: ['PASSWORD_RESET_TOKEN_INVALID_ERROR', 'PASSWORD_RESET_TOKEN_EXPIRED_ERROR'], code: 'invalid_or_expired_token' },
		{
			serviceCode: 'PASSWORD_VALIDATION_ERROR',
			code: 'weak_password',
			message: ({ body }) => `Vendure refused the new password: ${graphqlResultField(body, 'validationErrorMessage') ?? 'it does not meet the password policy'}`,
		},
		{ serviceCode: 'NOT_VERIFIED_ERROR', code: 'user_disabled', message: () => "Vendure has not verified this customer's email address yet: the account must be verified before its password can be reset" },
		{ serviceCode: 'NATIVE_AUTH_STRATEGY_ERROR', code: 'not_supported', message: () => 'This Vendure has no native (email and password) authentication: its customers have no password to reset' },
		// The mutation is unknown here: the Admin API, or not Vendure at all.
		{
			serviceCode: 'GRAPHQL_VALIDATION_FAILED',
			code: 'endpoint_not_found',
			message: () => "The GraphQL API at this address has no customer password reset: set the Base URL to the Vendure server, whose Shop API is at /shop-api (not the Admin API)",
		},
		{ serviceCode: 'BAD_USER_INPUT', code: 'invalid_input' },
	],
};
