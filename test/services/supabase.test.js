const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const SESSION = { access_token: 'SESSION-ACCESS-TOKEN-1f2e', token_type: 'bearer', expires_in: 3600, refresh_token: 'SESSION-REFRESH-9a8b', user: { id: 'u1', email: EMAIL } };
// Both error body shapes: legacy {code: int, error_code, msg} and 2024-01-01 {code: name, message}.
const legacy = (status, errorCode, msg) => ({ code: status, error_code: errorCode, msg });
// Create Reset Link: the admin key, and generate_link's answer (the user, then the link and its code).
const SERVICE_ROLE = 'SERVICE-ROLE-KEY-5d1c';
const ACTION_LINK = 'https://abcd.supabase.test/auth/v1/verify?token=7a9c1e&type=recovery&redirect_to=https://app.example.test';
const GENERATED = { id: 'u1', aud: 'authenticated', email: EMAIL, action_link: ACTION_LINK, email_otp: '482913', hashed_token: '7a9c1e', verification_type: 'recovery', redirect_to: 'https://app.example.test' };
const current = (code, message) => ({ code, message });

describeServiceContract({
	service: 'supabase',
	baseUrl: 'https://abcd.supabase.test/auth/v1',
	credential: { supabaseServiceRoleKey: SERVICE_ROLE },
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
		createResetLink: {
			parameters: { email: EMAIL },
			request: {
				method: 'POST',
				path: '/auth/v1/admin/generate_link',
				body: { type: 'recovery', email: EMAIL },
				// The anon key stays the gateway's apikey; the service-role key goes only here, as the Bearer token.
				headers: { apikey: SENTINELS.apiKey, Authorization: `Bearer ${SERVICE_ROLE}` },
			},
			success: {
				body: GENERATED,
				output: { success: true, operation: 'createResetLink', service: 'supabase', message: 'Reset link created', email: EMAIL, resetLink: ACTION_LINK },
			},
			unknownAccount: [[404, legacy(404, 'user_not_found', 'User with this email not found')]],
			errors: [
				[403, legacy(403, 'not_admin', 'User not allowed'), 'auth_failed', { message: /Service Role Key/ }],
				[401, current('bad_jwt', 'invalid JWT'), 'auth_failed', { message: /Service Role Key/ }],
				[400, legacy(400, 'validation_failed', 'Unable to validate email address: invalid format'), 'invalid_input'],
				[200, { ...GENERATED, action_link: 'https://evil.example.test/verify?token=7a9c1e' }, 'unexpected_response', { engine: true, message: /on evil\.example\.test, not on the Base URL's host abcd\.supabase\.test/ }],
				[200, { ...GENERATED, action_link: undefined }, 'unexpected_response', { engine: true, message: /answered without a reset link/ }],
			],
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('supabase', 'GET', '/settings', [200, { external: { email: true } }], {}, { apikey: SENTINELS.apiKey, authorization: undefined });
