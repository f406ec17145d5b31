import type { ServiceProfile } from './types';

/**
 * Auth0 Authentication API, `POST /dbconnections/change_password` (docs, SDK). Send only: the
 * user sets the new password on a page Auth0 hosts, so Reset Password has nothing to call.
 * Success is 200 with a plain-text body, for unknown emails too. No secret: the public client ID
 * and the database connection go in the body.
 */
export const auth0: ServiceProfile = {
	id: 'auth0',
	displayName: 'Auth0',
	baseUrlPlaceholder: 'e.g. https://your-tenant.eu.auth0.com',
	// OpenID discovery: public, side-effect free, answers for a real tenant domain.
	credentialTestPath: '/.well-known/openid-configuration',
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/dbconnections/change_password',
			requires: ['email'],
			fields: ({ email }, { auth0ClientId, auth0Connection }) => ({
				client_id: auth0ClientId ?? '',
				email,
				connection: auth0Connection || 'Username-Password-Authentication',
			}),
		},
		resetPassword: {
			code: 'invalid_input',
			notSupported:
				'Auth0 finishes password resets on its own hosted page, from the link in the email: there is no API to call with a token. Use Send Reset Email only',
		},
	},
	isSuccess: () => true,
	textSuccess: true,
	// The generic mapping covers its documented 400, 404 (neutral on send) and 429.
	errorRules: [],
};
