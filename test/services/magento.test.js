/** Magento 2: anonymous REST routes whose success is a bare JSON `true`, and a 404 for an unknown email. */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const magentoError = (message, parameters = []) => ({ message, parameters });

describeServiceContract({
	service: 'magento',
	baseUrl: 'https://shop.example.test/rest/V1',
	credential: { magentoWebsiteId: '2' },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'PUT', path: '/rest/V1/customers/password', body: { email: EMAIL, template: 'email_reset', websiteId: 2 }, absentHeaders: ['Authorization'] },
			success: { body: true, output: { success: true, operation: 'sendResetEmail', service: 'magento', message: NEUTRAL } },
			unknownAccount: [[404, magentoError('No such entity with %fieldName = %fieldValue, %field2Name = %field2Value', { fieldName: 'email', fieldValue: EMAIL, field2Name: 'websiteId', field2Value: 2 })]],
			errors: [
				[200, false, 'server_error'],
				[400, magentoError('We received too many requests for password resets. Please wait and try again later or contact %1.', ['hello@example.com']), 'rate_limited'],
				[400, magentoError('Invalid value of "%value" provided for the %fieldName field.', { value: 'x', fieldName: 'template' }), 'invalid_input'],
			],
		},
		resetPassword: {
			parameters: { email: EMAIL, resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: { method: 'POST', path: '/rest/V1/customers/resetPassword', body: { email: EMAIL, resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword } },
			success: { body: true, output: { success: true, operation: 'resetPassword', service: 'magento', message: 'Password reset successfully' } },
			errors: [
				[400, magentoError('The password token is mismatched. Reset and try again.'), 'invalid_or_expired_token'],
				[400, magentoError('The password token is expired. Reset and try again.'), 'invalid_or_expired_token'],
				[400, magentoError('The password needs at least %1 characters. Create a new password and try again.', ['8']), 'weak_password'],
				[400, magentoError('Minimum of different classes of characters in password is %1. Classes of characters: Lower Case, Upper Case, Digits, Special Characters.', ['3']), 'weak_password'],
				[200, false, 'unexpected_response'],
			],
		},
	},
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('magento', 'PUT', '/customers/password', [400, { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'email' } }], {}, { authorization: undefined });
