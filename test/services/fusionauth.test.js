/** FusionAuth: forgot-password (mail, or the changePasswordId alone), change-password by id or login ID; not found is an empty 404 (FusionAuth API reference, users.mdx). */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const fieldError = (field, code, message) => ({ fieldErrors: { [field]: [{ code: `[${code}]${field}`, message }] }, generalErrors: [] });
const ID = 'YkQY5Gsyo4RlfmDciBGRmvfj3RmatUqrbjoIZ19fmw4';
const EMPTY_404 = /FusionAuth answers .* the same way \(404, no body\)/;

describeServiceContract({
	service: 'fusionauth',
	baseUrl: 'https://auth.example.test',
	credential: { fusionauthTenantId: 'tenant-1' },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: '/api/user/forgot-password', body: { loginId: EMAIL, sendForgotPasswordMessage: true }, headers: { Authorization: SENTINELS.apiKey, 'X-FusionAuth-TenantId': 'tenant-1' } },
			// With an API key the answer carries the id: never output.
			success: { body: { changePasswordId: ID }, output: { success: true, operation: 'sendResetEmail', service: 'fusionauth', message: NEUTRAL } },
			errors: [
				[403, '', 'not_supported', { message: /forgot-password email template/ }],
				[422, '', 'invalid_input', { message: /no email address/ }],
				[401, '', 'auth_failed'],
				[400, fieldError('loginId', 'blank', 'You must specify the [loginId] property.'), 'invalid_input'],
			],
		},
		createResetLink: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: '/api/user/forgot-password', body: { loginId: EMAIL, sendForgotPasswordMessage: false } },
			success: { body: { changePasswordId: ID }, output: { success: true, operation: 'createResetLink', service: 'fusionauth', message: 'Reset link created', resetLink: `https://auth.example.test/password/change/${ID}` } },
			errors: [[404, '', 'endpoint_not_found', { message: EMPTY_404 }]],
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: { method: 'POST', path: '/api/user/change-password', body: { changePasswordId: SENTINELS.resetToken, password: SENTINELS.newPassword } },
			success: { body: { oneTimePassword: 'ONE-TIME-x9', state: {} }, output: { success: true, operation: 'resetPassword', service: 'fusionauth', message: 'Password reset successfully' } },
			errors: [
				[404, '', 'endpoint_not_found', { message: /change-password ID that expired/ }],
				[400, fieldError('password', 'tooShort', 'The [password] property is shorter than the minimum of [8] characters.'), 'weak_password', { message: /shorter than the minimum/ }],
				[503, '', 'unknown_outcome'],
			],
		},
		setPassword: {
			parameters: { email: EMAIL, newPassword: SENTINELS.newPassword },
			request: { method: 'POST', path: '/api/user/change-password', body: { loginId: EMAIL, password: SENTINELS.newPassword } },
			success: { status: 200, body: '', output: { success: true, operation: 'setPassword', service: 'fusionauth', message: 'Password set', mustChangeAtNextSignIn: false, otherSessionsSignedOut: null } },
			errors: [
				[404, '', 'endpoint_not_found', { message: /a login ID no user has/ }],
				[400, fieldError('password', 'singleCase', 'The [password] property must contain both upper and lower case characters.'), 'weak_password'],
			],
		},
	},
});

const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('fusionauth', 'POST', '/api/user/forgot-password', [400, fieldError('loginId', 'blank', 'You must specify the [loginId] property.')], {}, { authorization: SENTINELS.apiKey });
