'use strict';
/**
 * AWS Cognito user pools: one POST / per operation named in X-Amz-Target, an app client with a
 * secret (so every call needs SecretHash), 6-digit codes, and PreventUserExistenceErrors on (an
 * unknown user gets the same answer as a known one). The admin calls (Set Password) need an IAM
 * user's AWS signature: one without, or by another access key, is refused as AWS refuses it (the
 * signature itself is verified by moto in test/real/cognito.cjs, not here).
 */
const crypto = require('node:crypto');
const { setByAdmin } = require('../admin.cjs');

const KEYS = {
	cognitoClient: 'sandbox-cognito-client',
	cognitoClientSecret: 'sandbox-cognito-client-secret',
	cognitoUserPoolId: 'eu-west-1_Sandbox1',
	cognitoAccessKeyId: 'AKIASANDBOXEXAMPLE01',
	cognitoSecretAccessKey: 'sandbox-cognito-secret-access-key',
};
const TARGET = 'AWSCognitoIdentityProviderService.';
const error = (reply, type, message) => reply(400, { __type: type, message }, { 'Content-Type': 'application/x-amz-json-1.1' });
const secretHash = (username) => crypto.createHmac('sha256', KEYS.cognitoClientSecret).update(`${username}${KEYS.cognitoClient}`).digest('base64');

const POLICY = 'Password did not conform with policy: Password not long enough';

/** AWS's answer to an admin call that is not signed by the sandbox's IAM user (as AWS answers an unknown key). */
const unsigned = (headers) => {
	const authorization = String(headers.authorization ?? '');
	return !authorization.startsWith(`AWS4-HMAC-SHA256 Credential=${KEYS.cognitoAccessKeyId}/`) || !/Signature=[0-9a-f]{64}$/.test(authorization) || !headers['x-amz-date'];
};

/** The pool's user, or the error AWS answers instead. */
const adminTarget = (sandbox, body, headers, reply) => {
	if (unsigned(headers)) return void error(reply, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
	if (body?.UserPoolId !== KEYS.cognitoUserPoolId) return void error(reply, 'ResourceNotFoundException', `User pool ${body?.UserPoolId} does not exist.`);
	const account = sandbox.account('cognito', String(body.Username ?? ''));
	if (!account) return void error(reply, 'UserNotFoundException', 'User does not exist.');
	return account;
};

/** AdminSetUserPassword (`Permanent: false`: FORCE_CHANGE_PASSWORD) and AdminUserGlobalSignOut, answered `{}`. */
const ADMIN_CALLS = {
	AdminSetUserPassword(sandbox, body, headers, reply) {
		const account = adminTarget(sandbox, body, headers, reply);
		if (!account) return;
		if (String(body.Password ?? '').length < 8) return error(reply, 'InvalidPasswordException', POLICY);
		setByAdmin(account, body.Password, { mustChange: body.Permanent !== true });
		return reply(200, {}, { 'Content-Type': 'application/x-amz-json-1.1' });
	},
	AdminUserGlobalSignOut(sandbox, body, headers, reply) {
		const account = adminTarget(sandbox, body, headers, reply);
		if (!account) return;
		account.sessionsEnded = (account.sessionsEnded ?? 0) + 1;
		return reply(200, {}, { 'Content-Type': 'application/x-amz-json-1.1' });
	},
};

module.exports = {
	id: 'cognito',
	scenarios: [
		{
			credential: (keys) => ({
				cognitoClientId: keys.cognitoClient,
				cognitoClientSecret: keys.cognitoClientSecret,
				cognitoUserPoolId: keys.cognitoUserPoolId,
				cognitoAccessKeyId: keys.cognitoAccessKeyId,
				cognitoSecretAccessKey: keys.cognitoSecretAccessKey,
			}),
			setPassword: true,
		},
	],
	keys: KEYS,
	token: { lifetime: 3600, issue: () => String(crypto.randomInt(100000, 1000000)) },
	handle(sandbox, { method, path, body, headers }, reply) {
		const operation = String(headers['x-amz-target'] ?? '').replace(TARGET, '');
		if (method !== 'POST' || path !== '/') return reply(404, '<UnknownOperationException/>');
		if (ADMIN_CALLS[operation]) return ADMIN_CALLS[operation](sandbox, body, headers, reply);
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
		if (String(body.Password ?? '').length < 8) return error(reply, 'InvalidPasswordException', POLICY);
		sandbox.changePassword(owner, body.Password);
		return reply(200, {});
	},
};
