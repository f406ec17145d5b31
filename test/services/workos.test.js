/** WorkOS User Management: create a password reset (token + url, no mail), confirm it; the user by email for an admin set (workos.com reference, workos-node). */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');

const LINK = 'https://app.example.test/reset-password?token=Z1uX3RbwcIl5fIGJJJCXXisdI';
const passwordReset = {
	object: 'password_reset',
	id: 'password_reset_01HYGDNK5G7FZ4YJFXYXPB5JRW',
	user_id: 'user_01HWWYEH2NPT48X82ZT23K5AX4',
	email: EMAIL,
	password_reset_token: 'Z1uX3RbwcIl5fIGJJJCXXisdI',
	password_reset_url: LINK,
	expires_at: '2025-07-14T18:00:54.578Z',
	created_at: '2025-07-14T17:45:54.578Z',
};

describeServiceContract({
	service: 'workos',
	baseUrl: 'https://api.workos.test',
	credential: { workosResetUrl: 'https://app.example.test/reset-password' },
	operations: {
		sendResetEmail: { parameters: { email: EMAIL }, notSupported: /Use Create Reset Link/ },
		createResetLink: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: '/user_management/password_reset', body: { email: EMAIL }, headers: { Authorization: `Bearer ${SENTINELS.apiKey}` } },
			success: { status: 201, body: passwordReset, output: { success: true, operation: 'createResetLink', service: 'workos', message: 'Reset link created', email: EMAIL, resetLink: LINK } },
			unknownAccount: [[404, { code: 'entity_not_found', message: "Could not find user with email 'ada@example.com'.", entity_id: EMAIL }]],
			errors: [
				[201, { ...passwordReset, password_reset_url: 'https://evil.example/reset?token=x' }, 'unexpected_response', { engine: true, message: /not on the Base URL's host/ }],
				[401, { message: 'Unauthorized' }, 'auth_failed'],
			],
		},
		resetPassword: {
			parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: { method: 'POST', path: '/user_management/password_reset/confirm', body: { token: SENTINELS.resetToken, new_password: SENTINELS.newPassword } },
			success: { body: { user: { object: 'user', id: 'user_1', email: EMAIL } }, output: { success: true, operation: 'resetPassword', service: 'workos', message: 'Password reset successfully' } },
			errors: [
				[404, { code: 'entity_not_found', message: 'Could not find a password reset.' }, 'invalid_or_expired_token'],
				[400, { code: 'password_reset_token_expired', message: 'The password reset token has expired.' }, 'invalid_or_expired_token'],
				[422, { code: 'password_strength_error', message: 'Password does not meet strength requirements.' }, 'weak_password'],
			],
		},
		setPassword: {
			parameters: { email: EMAIL, newPassword: SENTINELS.newPassword },
			request: { method: 'GET', path: '/user_management/users', query: { email: EMAIL } },
			followUp: { method: 'PUT', path: '/user_management/users/user_1', body: { password: SENTINELS.newPassword }, success: { status: 200, body: { object: 'user', id: 'user_1', email: EMAIL } } },
			success: { body: { object: 'list', data: [{ object: 'user', id: 'user_1', email: EMAIL }], list_metadata: {} }, output: { success: true, operation: 'setPassword', service: 'workos', message: 'Password set', email: EMAIL, mustChangeAtNextSignIn: false, otherSessionsSignedOut: null } },
			errors: [[422, { code: 'password_strength_error', message: 'Password does not meet strength requirements.' }, 'weak_password', { step: 2 }]],
		},
	},
});

const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('workos', 'GET', '/user_management/users', [200, { object: 'list', data: [], list_metadata: {} }], {}, { authorization: `Bearer ${SENTINELS.apiKey}` }, { limit: '1' });

// The dashboard's Password Reset URL may name a port: the link is taken on that host and port, and on no other port.
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { intercept } = require('../support/fixtures.cjs');

describe('WorkOS: links on the Password Reset URL with a port', () => {
	afterEach(() => nock.cleanAll());
	const credential = { service: 'workos', baseUrl: 'https://api.workos.test', apiKey: SENTINELS.apiKey, workosResetUrl: 'https://app.example.test:8443/reset-password' };
	const answerWith = (url) => intercept({ base: 'https://api.workos.test', method: 'POST', path: '/user_management/password_reset', status: 201, body: { ...passwordReset, password_reset_url: url } });
	test.each([
		['https://app.example.test:8443/reset-password?token=Z1uX3RbwcIl5fIGJJJCXXisdI', true],
		['https://app.example.test:9443/reset-password?token=Z1uX3RbwcIl5fIGJJJCXXisdI', false],
	])('%s → output: %s', async (url, outputs) => {
		answerWith(url);
		const { output } = await runNode({ parameters: { operation: 'createResetLink', email: EMAIL }, credential, onError: 'continueRegularOutput' });
		expect([output[0].json.resetLink === url, output[0].json.details?.errorCode ?? 'none']).toEqual(outputs ? [true, 'none'] : [false, 'unexpected_response']);
	});
});
