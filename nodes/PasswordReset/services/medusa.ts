import { successFlag } from './answers';
import type { ServiceProfile } from '../kernel/types';

/**
 * Medusa v2 (≥ 2.5), from its auth routes and PR #11281 (source). Base URL: the Medusa server.
 * The actor (customer or admin user) and the provider (emailpass) are in the path. The send
 * answers 201 for every identifier; Medusa emits `auth.password_reset` and the project's own
 * subscriber mails the token (a 15-minute JWT, single use: a real Medusa 2.21 answers a reuse
 * `401 Invalid token`). An empty password is refused before sending (Medusa would answer success
 * and change nothing). The reset takes the token as a Bearer token, its documented place, never
 * in the URL, and the account from the token: the update route ignores an email in the body, so
 * the Email is optional and sent only as given. Errors: `{type, message}`.
 */
/** What a real Medusa 2.21 answers under `/store` without a publishable key (its middleware, 400). */
const PUBLISHABLE_KEY_REQUIRED =
	'Publishable API key required in the request header: x-publishable-api-key. You can manage your keys in settings in the dashboard.';
const UNDER_STORE = "The Base URL leads to Medusa's store API, which asks for a publishable key. Use the server's own address, without /store";

export const medusa: ServiceProfile = {
	id: 'medusa',
	displayName: 'Medusa',
	setup: {
		checked: 'Real instance in CI: Medusa 2.21 on PostgreSQL (`test/real/medusa.cjs`)',
		baseUrl: '`https://<your Medusa server>`',
		notes:
			'**Actor**: Customer or Admin User. Medusa does not mail the token itself: your project\'s `auth.password_reset` subscriber does. The token (a 15-minute JWT) is single use and names the account: Medusa ignores an Email given with it (a mistyped one still resets the token\'s account), so the output names none. The token travels as a Bearer token, never in the URL.',
	},
	baseUrl: { placeholder: 'e.g. https://medusa.example.com' },
	credentialFields: [
		{
			displayName: 'Actor',
			name: 'medusaActor',
			type: 'options',
			options: [
				{ name: 'Customer', value: 'customer' },
				{ name: 'Admin User', value: 'user' },
			],
			default: 'customer',
			description: 'Whose passwords this credential resets: store customers, or admin users',
		},
	],
	// A send without an identifier is refused by Medusa's validator (400 invalid_data).
	credentialTest: {
		method: 'POST',
		path: '/auth/{medusaActor}/emailpass/reset-password',
		fields: {},
		passes: [400],
		// A real Medusa 2.21 answers 400 under /store too: its publishable-key middleware.
		failsOn: [{ key: 'message', value: PUBLISHABLE_KEY_REQUIRED, message: UNDER_STORE }],
		proves:
			"Medusa's reset-password route refused a request without an identifier (400 invalid_data, seen on a real Medusa 2.21), so no email was sent and the Base URL and Actor are right; under /store the test fails",
	},
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/auth/{medusaActor}/emailpass/reset-password',
			requires: ['email'],
			isSuccess: ({ status, body }) => status === 201 && (body === 'Created' || body === undefined),
			fields: ({ email }) => ({ identifier: email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/auth/{medusaActor}/emailpass/update',
			requires: ['resetToken', 'newPassword'],
			isSuccess: successFlag,
			headers: ({ resetToken }) => ({ Authorization: `Bearer ${resetToken}` }),
			fields: ({ email, newPassword }) => ({ ...(email ? { email } : {}), password: newPassword }),
		},
	},
	unknownAccount: [],
	errorRules: [
		{ operation: 'resetPassword', status: 401, code: 'invalid_or_expired_token' },
		{ status: 400, when: (body) => body.message === PUBLISHABLE_KEY_REQUIRED, code: 'endpoint_not_found', message: () => UNDER_STORE },
	],
};
