/** Clerk's Backend API, help desk only: the user by email address, then PATCH /v1/users/{id} (Clerk's OpenAPI: UsersApi, UpdateUserRequest). */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');

const clerkError = (code, message, longMessage = message) => ({ errors: [{ code, message, long_message: longMessage, meta: {} }], clerk_trace_id: 't1' });
const user = { object: 'user', id: 'user_2abc', email_addresses: [{ object: 'email_address', id: 'idn_1', email_address: EMAIL }] };

describeServiceContract({
	service: 'clerk',
	baseUrl: 'https://api.clerk.test',
	operations: {
		sendResetEmail: { parameters: { email: EMAIL }, notSupported: /Password Reset Trigger/ },
		resetPassword: { parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword }, notSupported: /Use Set Password/ },
		setPassword: {
			parameters: { email: 'Ada@Example.com', newPassword: SENTINELS.newPassword },
			request: { method: 'GET', path: '/v1/users', query: { email_address: 'ada@example.com' }, headers: { Authorization: `Bearer ${SENTINELS.apiKey}` } },
			followUp: {
				method: 'PATCH',
				path: '/v1/users/user_2abc',
				body: { password: SENTINELS.newPassword, sign_out_of_other_sessions: false },
				headers: { Authorization: `Bearer ${SENTINELS.apiKey}` },
				success: { status: 200, body: user },
			},
			success: { status: 200, body: [user], output: { success: true, operation: 'setPassword', service: 'clerk', message: 'Password set', mustChangeAtNextSignIn: false, otherSessionsSignedOut: false } },
			errors: [
				[422, clerkError('form_password_pwned', 'Password has been found in an online data breach.', 'Password has been found in an online data breach. For account safety, please use a different password.'), 'weak_password', { step: 2, message: /online data breach/ }],
				[422, clerkError('form_password_length_too_short', 'Passwords must be 8 characters or more.'), 'weak_password', { step: 2 }],
				[401, clerkError('authentication_invalid', 'Unauthorized request'), 'auth_failed'],
				[429, clerkError('too_many_requests', 'Too many requests'), 'rate_limited'],
			],
		},
	},
});

const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('clerk', 'GET', '/v1/users/count', [200, { object: 'total_count', total_count: 3 }], {}, { authorization: `Bearer ${SENTINELS.apiKey}` });
