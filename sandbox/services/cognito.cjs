'use strict';
/**
 * AWS Cognito user pools: one POST / per operation named in X-Amz-Target, an app client with a
 * secret (so every call needs SecretHash), 6-digit codes, and PreventUserExistenceErrors on (an
 * unknown user gets the same answer as a known one).
 */
const crypto = require('node:crypto');

const KEYS = { cognitoClient: 'sandbox-cognito-client', cognitoClientSecret: 'sandbox-cognito-client-secret' };
const TARGET = 'AWSCognitoIdentityProviderService.';
const error = (reply, type, message) => reply(400, { __type: type, message }, { 'Content-Type': 'application/x-amz-json-1.1' });
const secretHash = (username) => crypto.createHmac('sha256', KEYS.cognitoClientSecret).update(`${username}${KEYS.cognitoClient}`).digest('base64');

module.exports = {
	id: 'cognito',
	scenarios: [{ credential: (keys) => ({ cognitoClientId: keys.cognitoClient, cognitoClientSecret: keys.cognitoClientSecret }) }],
	keys: KEYS,
	token: { lifetime: 3600, issue: () => String(crypto.randomInt(100000, 1000000)) },
	handle(sandbox, { method, path, body, headers }, reply) {
		const operation = String(headers['x-amz-target'] ?? '').replace(TARGET, '');
		if (method !== 'POST' || path !== '/') return reply(404, '<UnknownOperationException/>');
		if (!['ForgotPassword', 'ConfirmForgotPassword'].includes(operation)) return error(reply, 'UnknownOperationException', '');
		if (!body?.ClientId || !body?.Username) return error(reply, 'InvalidParameterException', "2 validation errors detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null");
		if (body.ClientId !== KEYS.cognitoClient) return error(reply, 'ResourceNotFoundException', `User pool client ${body.ClientId} does not exist.`);
		if (body.SecretHash !== secretHash(body.Username)) return error(reply, 'NotAuthorizedException', `Client ${body.ClientId} is configured with secret but SECRET_HASH was not received`);
		const account = sandbox.account('cognito', body.Username);
		if (operation === 'ForgotPassword') {
			if (sandbox.overSendLimit('cognito', body.Username)) return error(reply, 'LimitExceededException', 'Attempt limit exceeded, please try after some time.');
			if (account) sandbox.issueToken('cognito', account);
			return reply(200, { CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: `${body.Username[0]}***@e***` } });
		}
		const { account: owner, problem } = sandbox.redeem('cognito', body.ConfirmationCode);
		if (problem === 'expired') return error(reply, 'ExpiredCodeException', 'Invalid code provided, please request a code again.');
		if (problem || owner !== account) return error(reply, 'CodeMismatchException', 'Invalid verification code provided, please try again.');
		if (String(body.Password ?? '').length < 8) return error(reply, 'InvalidPasswordException', 'Password did not conform with policy: Password not long enough');
		sandbox.changePassword(owner, body.Password);
		return reply(200, {});
	},
};
