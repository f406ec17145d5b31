/** authentik's Core API: the user by email, then recovery_email / recovery / set_password on its pk (authentik's OpenAPI schema). */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const STAGE = '5f1b7c2e-0d7a-4d8e-9c51-3a6f1e2b4c90';
const SEARCH = { method: 'GET', path: '/api/v3/core/users/', query: { email: EMAIL }, headers: { Authorization: `Bearer ${SENTINELS.apiKey}` } };
const FOUND = { pagination: { count: 1 }, results: [{ pk: 7, username: 'ada', email: EMAIL }] };
const LINK = 'https://authentik.example.test/if/flow/default-recovery-flow/?flow_token=SENTINEL-FLOW-1';

describeServiceContract({
	service: 'authentik',
	baseUrl: 'https://authentik.example.test',
	credential: { authentikEmailStage: STAGE },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: SEARCH,
			followUp: { method: 'POST', path: '/api/v3/core/users/7/recovery_email/', body: { email_stage: STAGE }, success: { status: 204, body: '' } },
			success: { body: FOUND, output: { success: true, operation: 'sendResetEmail', service: 'authentik', message: NEUTRAL } },
			errors: [
				[400, { non_field_errors: ['No recovery flow set.'] }, 'not_supported', { step: 2, message: /recovery flow/ }],
				[403, { detail: 'Token invalid/expired' }, 'auth_failed'],
			],
		},
		createResetLink: {
			parameters: { email: EMAIL },
			request: SEARCH,
			followUp: { method: 'POST', path: '/api/v3/core/users/7/recovery/', success: { body: { link: LINK } } },
			success: { body: FOUND, output: { success: true, operation: 'createResetLink', service: 'authentik', message: 'Reset link created', resetLink: LINK } },
			errors: [[403, { detail: 'You do not have permission to perform this action.' }, 'auth_failed', { step: 2 }]],
		},
		resetPassword: { parameters: { resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword }, notSupported: /recovery flow/ },
		setPassword: {
			parameters: { email: EMAIL, newPassword: SENTINELS.newPassword },
			request: SEARCH,
			followUp: { method: 'POST', path: '/api/v3/core/users/7/set_password/', body: { password: SENTINELS.newPassword }, success: { status: 204, body: '' } },
			success: { body: FOUND, output: { success: true, operation: 'setPassword', service: 'authentik', message: 'Password set', mustChangeAtNextSignIn: false, otherSessionsSignedOut: null } },
			errors: [[400, { password: ['Password must be at least 12 characters long.'] }, 'weak_password', { step: 2, message: /at least 12 characters/ }]],
		},
	},
});

const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('authentik', 'GET', '/api/v3/core/users/me/', [200, { user: { pk: 1, username: 'akadmin' } }], {}, { authorization: `Bearer ${SENTINELS.apiKey}` });
