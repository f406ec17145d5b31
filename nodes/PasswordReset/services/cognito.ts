import { createHmac } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

import { objectOrEmpty } from './answers';
import type { CredentialSettings, ResetInput, ServiceProfile } from '../kernel/types';

/**
 * AWS Cognito user pools (API reference: ForgotPassword, ConfirmForgotPassword; the AWS JSON
 * protocol). Base URL: `https://cognito-idp.<region>.amazonaws.com`. Both are public operations
 * (no SigV4): the app client's ID identifies the pool, and an app client with a secret needs
 * `SecretHash` = Base64(HMAC-SHA256(client secret, username + client ID)) on each call, which
 * the node computes and never outputs. The username is the email (an alias). Errors:
 * `{__type, message}`. Checked against cognito-local 5.3 in CI (test/real/cognito.cjs), not AWS itself.
 */
const TARGET = 'AWSCognitoIdentityProviderService';

const secretHash = (email: string, { cognitoClientId, cognitoClientSecret }: CredentialSettings) =>
	cognitoClientSecret ? createHmac('sha256', cognitoClientSecret).update(`${email}${cognitoClientId ?? ''}`).digest('base64') : undefined;

const clientFields = (email: string, settings: CredentialSettings): IDataObject => {
	const hash = secretHash(email, settings);
	return { ClientId: settings.cognitoClientId ?? '', Username: email, ...(hash ? { SecretHash: hash } : {}) };
};

const operationHeaders = (operation: string) => () => ({ 'X-Amz-Target': `${TARGET}.${operation}`, 'Content-Type': 'application/x-amz-json-1.1' });
const hashOf = ({ email }: ResetInput, settings: CredentialSettings) => [secretHash(email, settings) ?? ''];

export const cognito: ServiceProfile = {
	id: 'cognito',
	displayName: 'AWS Cognito',
	setup: {
		checked: 'Third-party emulator in CI: cognito-local 5.3 (`test/real/cognito.cjs`: it checks no SecretHash and no password policy); the API reference',
		baseUrl: '`https://cognito-idp.<region>.amazonaws.com`',
		notes:
			'**App Client ID**; **App Client Secret** only for an app client with a secret: the node computes `SecretHash` (HMAC-SHA256 of email + client ID) for each call and never sends or shows the secret. The username is the email (an alias in the pool). Reset Token is the code from the email; Reset Password needs the **Email**. With the pool\'s default *PreventUserExistenceErrors*, unknown users get the same answer as known ones. Checked against cognito-local, not AWS itself.',
	},
	baseUrl: { placeholder: 'e.g. https://cognito-idp.eu-west-1.amazonaws.com' },
	credentialFields: [
		{
			displayName: 'App Client ID',
			name: 'cognitoClientId',
			type: 'string',
			required: true,
			default: '',
			description: "The user pool app client's ID (User pool → App integration → App clients)",
		},
		{
			displayName: 'App Client Secret',
			name: 'cognitoClientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for an app client with a secret: the node signs each call with it (SecretHash) and never sends it',
		},
	],
	// ForgotPassword without a client ID or username: Cognito's validation error, nothing sent.
	credentialTest: {
		method: 'POST',
		path: '/',
		headers: operationHeaders('ForgotPassword')(),
		fields: {},
		passes: [400],
		proves: "Cognito's ForgotPassword refused a call without a client ID or username, so no code was sent and the Base URL (its region) is right. The App Client ID shows on a send",
	},
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/',
			requires: ['email'],
			isSuccess: objectOrEmpty,
			headers: operationHeaders('ForgotPassword'),
			fields: ({ email }, settings) => clientFields(email, settings),
			derivedSecrets: hashOf,
		},
		resetPassword: {
			method: 'POST',
			path: '/',
			requires: ['email', 'resetToken', 'newPassword'],
			isSuccess: objectOrEmpty,
			headers: operationHeaders('ConfirmForgotPassword'),
			fields: ({ email, resetToken, newPassword }, settings) => ({ ...clientFields(email, settings), ConfirmationCode: resetToken, Password: newPassword }),
			derivedSecrets: hashOf,
		},
	},
	// `__type` may carry a namespace: `com.amazon…#CodeMismatchException`.
	errorCodeOf: (body) => (typeof body.__type === 'string' ? body.__type.split('#').pop() : undefined),
	unknownAccount: [
		{
			status: 400,
			serviceCode: 'UserNotFoundException',
			source: 'API reference: only for an app client with PreventUserExistenceErrors off (LEGACY); otherwise Cognito answers unknown users like known ones',
		},
	],
	errorRules: [
		{ serviceCode: ['CodeMismatchException', 'ExpiredCodeException'], code: 'invalid_or_expired_token' },
		{ serviceCode: 'InvalidPasswordException', code: 'weak_password' },
		{ serviceCode: 'PasswordHistoryPolicyViolationException', code: 'password_reused' },
		{ serviceCode: ['LimitExceededException', 'TooManyRequestsException', 'TooManyFailedAttemptsException'], code: 'rate_limited' },
		{ serviceCode: 'NotAuthorizedException', when: (body) => /disabled/i.test(String(body.message ?? '')), code: 'user_disabled' },
		{ serviceCode: 'NotAuthorizedException', code: 'auth_failed' },
		{
			serviceCode: 'ResourceNotFoundException',
			code: 'invalid_input',
			message: () => "Cognito has no app client with this ID in this region. Check the credential's App Client ID and the region in its Base URL",
		},
		{ serviceCode: ['InvalidParameterException', 'UserNotConfirmedException'], code: 'invalid_input' },
		{ serviceCode: 'CodeDeliveryFailureException', code: 'server_error' },
	],
};
