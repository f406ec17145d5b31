const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const SESSION = { access_token: 'SESSION-ACCESS-TOKEN-1f2e', token_type: 'bearer', expires_in: 3600, refresh_token: 'SESSION-REFRESH-9a8b', user: { id: 'u1', email: EMAIL } };
// Both error body shapes: legacy {code: int, error_code, msg} and 2024-01-01 {code: name, message}.
const legacy = (status, errorCode, msg) => ({ code: status, error_code: errorCode, msg });
const current = (code, message) => ({ code, message });

describeServiceContract({
	service: 'supabase',
	baseUrl: 'https://abcd.supabase.test/auth/v1',
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: '/auth/v1/recover', body: { email: EMAIL }, headers: { apikey: SENTINELS.apiKey }, absentHeaders: ['Authorization'] },
			success: { body: {}, output: { success: true, operation: 'sendResetEmail', service: 'supabase', message: NEUTRAL } },
			errors: [
				[429, legacy(429, 'over_email_send_rate_limit', 'For security purposes, you can only request this once every 60 seconds'), 'rate_limited'],
				[429, current('over_email_send_rate_limit', 'Email rate limit exceeded'), 'rate_limited'],
				[400, legacy(400, 'validation_failed', 'Unable to validate email address: invalid format'), 'invalid_input'],
				[422, current('email_address_invalid', 'Email address is invalid'), 'invalid_input'],
				[401, { message: 'Invalid API key' }, 'auth_failed'],
			],
		},
		resetPassword: {
			parameters: { email: EMAIL, resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: {
				method: 'POST',
				path: '/auth/v1/verify',
				body: { type: 'recovery', email: EMAIL, token: SENTINELS.resetToken },
				headers: { apikey: SENTINELS.apiKey },
				absentHeaders: ['Authorization'],
			},
			followUp: {
				method: 'PUT',
				path: '/auth/v1/user',
				body: { password: SENTINELS.newPassword },
				headers: { apikey: SENTINELS.apiKey, Authorization: `Bearer ${SESSION.access_token}` },
				success: { body: { id: 'u1', email: EMAIL } },
			},
			success: {
				body: SESSION,
				output: { success: true, operation: 'resetPassword', service: 'supabase', message: 'Password reset successfully', email: EMAIL },
			},
			errors: [
				[403, legacy(403, 'otp_expired', 'Token has expired or is invalid'), 'invalid_or_expired_token', { serverMessage: 'Token has expired or is invalid' }],
				[403, current('otp_expired', 'Email link is invalid or has expired'), 'invalid_or_expired_token'],
				[422, current('weak_password', 'Password should be at least 6 characters.'), 'weak_password', { step: 2 }],
				[422, legacy(422, 'same_password', 'New password should be different from the old password.'), 'password_reused', { step: 2 }],
				[400, current('reauthentication_needed', 'Password update requires reauthentication'), 'invalid_input', { step: 2 }],
				[500, { message: 'boom' }, 'unknown_outcome', { step: 2 }],
			],
		},
		verifyResetToken: {
			parameters: { resetToken: SENTINELS.resetToken },
			notSupported: /uses it up/,
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('supabase', 'GET', '/settings', [200, { external: { email: true } }], {}, { apikey: SENTINELS.apiKey, authorization: undefined });
