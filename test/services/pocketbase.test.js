const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const fieldError = (field, code, message) => ({ code: 400, message: 'An error occurred while validating the submitted data.', data: { [field]: { code, message } } });

describeServiceContract({
	service: 'pocketbase',
	baseUrl: 'https://pb.example.test',
	credential: { pocketbaseCollection: 'members' },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: '/api/collections/members/request-password-reset', body: { email: EMAIL }, absentHeaders: ['Authorization'] },
			success: { status: 204, body: '', output: { success: true, operation: 'sendResetEmail', service: 'pocketbase', message: NEUTRAL } },
			errors: [
				[400, fieldError('email', 'validation_is_email', 'Must be a valid email address.'), 'invalid_input'],
				// An unknown collection is a setup mistake: never hidden as a neutral success.
				[404, { code: 404, message: 'Missing or invalid collection context.', data: {} }, 'endpoint_not_found', { message: /^The service has no endpoint at POST \/api\/collections\/members\/request-password-reset \(HTTP 404\)/ }],
				[400, { code: 400, message: 'The collection is not configured to allow password authentication.', data: {} }, 'not_supported'],
			],
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: {
				method: 'POST',
				path: '/api/collections/members/confirm-password-reset',
				body: { token: SENTINELS.resetToken, password: SENTINELS.newPassword, passwordConfirm: SENTINELS.newPassword },
			},
			success: { status: 204, body: '', output: { success: true, operation: 'resetPassword', service: 'pocketbase', message: 'Password reset successfully' } },
			errors: [
				[400, fieldError('token', 'validation_invalid_token', 'Invalid or expired token.'), 'invalid_or_expired_token'],
				[400, fieldError('password', 'validation_length_out_of_range', 'The length must be between 8 and 71.'), 'weak_password'],
				[400, fieldError('passwordConfirm', 'validation_values_mismatch', 'Values don\'t match.'), 'passwords_mismatch'],
			],
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('pocketbase', 'POST', '/api/collections/members/request-password-reset', [400, { code: 400, message: 'Failed to validate.', data: { email: { code: 'validation_required', message: 'Cannot be blank.' } } }], { pocketbaseCollection: 'members' }, { authorization: undefined });
