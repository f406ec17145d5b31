/** ZITADEL v2: the user by email, then password_reset (sendLink / returnCode) and password (with a code, or as an admin) (user/v2 protos, password reset guide). */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const zitadelError = (code, message) => ({ code, message, details: [{ '@type': 'type.googleapis.com/zitadel.v1.ErrorDetail', id: 'COMMAND-x', message }] });
const SEARCH = { method: 'POST', path: '/v2/users', body: { queries: [{ emailQuery: { emailAddress: EMAIL, method: 'TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE' } }] }, headers: { Authorization: `Bearer ${SENTINELS.apiKey}` } };
const FOUND = { details: { totalResult: '1' }, result: [{ userId: '2001', username: 'ada', human: { email: { email: EMAIL, isVerified: true } } }] };
const DETAILS = { details: { sequence: '9', changeDate: '2026-12-06T00:00:00Z', resourceOwner: '1001' } };
const PAGE = 'https://app.example.test/reset?userID={{.UserID}}&code={{.Code}}&orgID={{.OrgID}}';

describeServiceContract({
	service: 'zitadel',
	baseUrl: 'https://acme.zitadel.test',
	credential: { zitadelResetUrl: PAGE },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: SEARCH,
			followUp: { method: 'POST', path: '/v2/users/2001/password_reset', body: { sendLink: { notificationType: 'NOTIFICATION_TYPE_Email', urlTemplate: PAGE } }, success: { body: DETAILS } },
			success: { body: FOUND, output: { success: true, operation: 'sendResetEmail', service: 'zitadel', message: NEUTRAL } },
			errors: [[401, zitadelError(16, 'Errors.Token.Invalid (AUTH-7fs1e)'), 'auth_failed']],
		},
		createResetLink: {
			parameters: { email: EMAIL },
			request: SEARCH,
			followUp: { method: 'POST', path: '/v2/users/2001/password_reset', body: { returnCode: {} }, success: { body: { ...DETAILS, verificationCode: 'SENTINEL-CODE-7a1' } } },
			success: {
				body: FOUND,
				output: { success: true, operation: 'createResetLink', service: 'zitadel', message: 'Reset link created', resetLink: 'https://app.example.test/reset?userID=2001&code=SENTINEL-CODE-7a1&orgID=1001' },
			},
			errors: [[403, zitadelError(7, 'No matching permissions found (AUTH-5mWD2)'), 'auth_failed', { step: 2 }]],
		},
		resetPassword: {
			parameters: { email: EMAIL, resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: SEARCH,
			followUp: { method: 'POST', path: '/v2/users/2001/password', body: { newPassword: { password: SENTINELS.newPassword, changeRequired: false }, verificationCode: SENTINELS.resetToken }, success: { body: DETAILS } },
			success: { body: FOUND, output: { success: true, operation: 'resetPassword', service: 'zitadel', message: 'Password reset successfully' } },
			errors: [
				[400, zitadelError(3, 'Code is invalid (CODE-woT0xc)'), 'invalid_or_expired_token', { step: 2 }],
				[400, zitadelError(3, 'Password must contain a symbol (DOMAIN-Ghbf)'), 'weak_password', { step: 2 }],
			],
		},
		setPassword: {
			parameters: { email: EMAIL, newPassword: SENTINELS.newPassword },
			request: SEARCH,
			followUp: { method: 'POST', path: '/v2/users/2001/password', body: { newPassword: { password: SENTINELS.newPassword, changeRequired: false } }, success: { body: DETAILS } },
			success: { body: FOUND, output: { success: true, operation: 'setPassword', service: 'zitadel', message: 'Password set', mustChangeAtNextSignIn: false, otherSessionsSignedOut: null } },
			errors: [[400, zitadelError(3, 'Password is too short (COMMA-HuJf6)'), 'weak_password', { step: 2 }]],
		},
	},
});

const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('zitadel', 'GET', '/auth/v1/users/me', [200, { user: { id: '1', userName: 'svc' } }], {}, { authorization: `Bearer ${SENTINELS.apiKey}` });
