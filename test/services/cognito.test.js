/** AWS Cognito: the operation in X-Amz-Target, the AWS JSON content type, and SecretHash computed from the app client secret, never sent or shown. */
const crypto = require('node:crypto');
const nock = require('nock');
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { runNode } = require('../support/engine.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

const CLIENT_ID = 'client-123';
const CLIENT_SECRET = 'SENTINEL-COGNITO-CLIENT-SECRET-4b9d';
const SECRET_HASH = crypto.createHmac('sha256', CLIENT_SECRET).update(`${EMAIL}${CLIENT_ID}`).digest('base64');
const BASE = 'https://cognito-idp.eu-west-1.amazonaws.test';
const awsError = (type, message) => ({ __type: type, message });
const target = (operation) => ({ 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`, 'Content-Type': 'application/x-amz-json-1.1' });

describeServiceContract({
	service: 'cognito',
	baseUrl: BASE,
	credential: { cognitoClientId: CLIENT_ID, cognitoClientSecret: CLIENT_SECRET },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			// The AWS JSON content type: nock leaves the body as the text on the wire.
			request: { method: 'POST', path: '/', body: JSON.stringify({ ClientId: CLIENT_ID, Username: EMAIL, SecretHash: SECRET_HASH }), headers: target('ForgotPassword'), absentHeaders: ['Authorization'] },
			success: {
				body: { CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'a***@e***' } },
				output: { success: true, operation: 'sendResetEmail', service: 'cognito', message: NEUTRAL },
			},
			unknownAccount: [[400, awsError('UserNotFoundException', 'Username/client id combination not found.')]],
			errors: [
				[400, awsError('LimitExceededException', 'Attempt limit exceeded, please try after some time.'), 'rate_limited'],
				[400, awsError('NotAuthorizedException', 'Client is configured with secret but SECRET_HASH was not received'), 'auth_failed'],
				[400, awsError('NotAuthorizedException', 'User is disabled.'), 'user_disabled'],
				[400, awsError('InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number'), 'invalid_input'],
				[400, awsError('com.amazonaws.cognito.identity.idp.model#CodeDeliveryFailureException', 'Unable to deliver the code'), 'server_error'],
				// cognito-local's answer for an unknown app client (test/real/cognito.cjs).
				[400, awsError('ResourceNotFoundException', 'App Client client-123 not found'), 'invalid_input'],
			],
		},
		resetPassword: {
			parameters: { email: EMAIL, resetToken: '123456', newPassword: SENTINELS.newPassword },
			request: {
				method: 'POST',
				path: '/',
				body: JSON.stringify({ ClientId: CLIENT_ID, Username: EMAIL, SecretHash: SECRET_HASH, ConfirmationCode: '123456', Password: SENTINELS.newPassword }),
				headers: target('ConfirmForgotPassword'),
			},
			success: { body: {}, output: { success: true, operation: 'resetPassword', service: 'cognito', message: 'Password reset successfully' } },
			unknownAccount: [[400, awsError('UserNotFoundException', 'Username/client id combination not found.')]],
			errors: [
				[400, awsError('CodeMismatchException', 'Invalid verification code provided, please try again.'), 'invalid_or_expired_token'],
				[400, awsError('ExpiredCodeException', 'Invalid code provided, please request a code again.'), 'invalid_or_expired_token'],
				[400, awsError('InvalidPasswordException', 'Password did not conform with policy: Password not long enough'), 'weak_password'],
				[400, awsError('PasswordHistoryPolicyViolationException', 'The password is in the password history'), 'password_reused'],
				[400, awsError('TooManyFailedAttemptsException', 'Too many failed attempts'), 'rate_limited'],
			],
		},
	},
});

test('an unknown app client fails naming the App Client ID to check, not a generic "input is not valid"', async () => {
	nock(BASE).post('/').reply(400, awsError('ResourceNotFoundException', 'App Client client-123 not found'));
	const { output } = await runNode({ parameters: { operation: 'sendResetEmail', email: EMAIL }, credential: { service: 'cognito', baseUrl: BASE, cognitoClientId: CLIENT_ID }, onError: 'continueRegularOutput' });
	expect(output[0].json.error).toBe("Cognito has no app client with this ID in this region. Check the credential's App Client ID and the region in its Base URL [item 0]");
	expect(output[0].json.details).toMatchObject({ errorCode: 'invalid_input', serverMessage: 'App Client client-123 not found' });
});

test('without a client secret, no SecretHash is sent', async () => {
	let seen;
	nock(BASE).post('/', (body) => ((seen = typeof body === 'string' ? JSON.parse(body) : body), true)).reply(200, {});
	await runNode({ parameters: { operation: 'sendResetEmail', email: EMAIL }, credential: { service: 'cognito', baseUrl: BASE, cognitoClientId: CLIENT_ID } });
	expect(seen).toEqual({ ClientId: CLIENT_ID, Username: EMAIL });
});

test('the client secret and the SecretHash never appear in an item or an error, even when the service echoes them', async () => {
	nock(BASE).post('/').reply(400, awsError('NotAuthorizedException', `Bad hash ${SECRET_HASH} for secret ${CLIENT_SECRET}`));
	const result = await runNode({
		parameters: { operation: 'sendResetEmail', email: EMAIL, options: { revealUnknownAccounts: true } },
		credential: { service: 'cognito', baseUrl: BASE, cognitoClientId: CLIENT_ID, cognitoClientSecret: CLIENT_SECRET },
		onError: 'continueRegularOutput',
	});
	expect(result.output[0].json.details.errorCode).toBe('auth_failed');
	const written = JSON.stringify(result);
	expect(written).not.toContain(CLIENT_SECRET);
	expect(written).not.toContain(SECRET_HASH);
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('cognito', 'POST', '/', [400, { __type: 'InvalidParameterException', message: "Value null at 'clientId' failed to satisfy constraint" }], { cognitoClientId: 'client-1' }, { 'x-amz-target': 'AWSCognitoIdentityProviderService.ForgotPassword' });
