import { createHmac } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

import { objectOrEmpty } from './answers';
import { awsV4Signature } from '../http/awsSignature';
import type { ChainStep, CredentialSettings, ResetInput, ServiceProfile, SignableRequest } from '../kernel/types';

/**
 * AWS Cognito user pools (API reference: ForgotPassword, ConfirmForgotPassword; the AWS JSON
 * protocol). Base URL: `https://cognito-idp.<region>.amazonaws.com`. Both are public operations
 * (no SigV4): the app client's ID identifies the pool, and an app client with a secret needs
 * `SecretHash` = Base64(HMAC-SHA256(client secret, username + client ID)) on each call, which
 * the node computes and never outputs. The username is the email (an alias). Errors:
 * `{__type, message}`. Checked against cognito-local 5.3 in CI (test/real/cognito.cjs), not AWS itself.
 * Set Password is an admin call (`AdminSetUserPassword`), so it is signed with AWS Signature
 * Version 4 by an IAM user's access key; checked against moto 5.2, which verifies the signature
 * with botocore's own signer and the IAM user's policy.
 */
const TARGET = 'AWSCognitoIdentityProviderService';

const secretHash = (email: string, { cognitoClientId, cognitoClientSecret }: CredentialSettings) =>
	cognitoClientSecret ? createHmac('sha256', cognitoClientSecret).update(`${email}${cognitoClientId ?? ''}`).digest('base64') : undefined;

const clientFields = (email: string, settings: CredentialSettings): IDataObject => {
	const hash = secretHash(email, settings);
	return { ClientId: settings.cognitoClientId ?? '', Username: email, ...(hash ? { SecretHash: hash } : {}) };
};

const operationHeaders = (operation: string) => () => ({ 'X-Amz-Target': `${TARGET}.${operation}`, 'Content-Type': 'application/x-amz-json-1.1' });
/** A user pool ID is `<region>_<id>`: its region is the signature's. */
const POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d+)_[0-9A-Za-z]+$/;

/** The admin calls' signature: the IAM user's access key, for `cognito-idp` in the pool's region. */
const signedByIamUser = (request: SignableRequest, settings: CredentialSettings) =>
	awsV4Signature(request, {
		accessKeyId: settings.cognitoAccessKeyId ?? '',
		secretAccessKey: settings.cognitoSecretAccessKey ?? '',
		region: POOL_ID.exec(settings.cognitoUserPoolId ?? '')?.[1] ?? '',
		service: 'cognito-idp',
	});

/** What Set Password needs of the credential, named. */
const adminSettingsProblem = ({ cognitoUserPoolId, cognitoAccessKeyId, cognitoSecretAccessKey }: CredentialSettings) => {
	if (!cognitoUserPoolId || !cognitoAccessKeyId || !cognitoSecretAccessKey) {
		return "Set Password needs the credential's User Pool ID, Access Key ID and Secret Access Key: Cognito's admin calls are signed by an IAM user";
	}
	return POOL_ID.test(cognitoUserPoolId) ? undefined : `The credential's User Pool ID is not one: it looks like eu-west-1_AbCdEf123 (the region, "_", the ID)`;
};

/** Sign Out Other Sessions: `AdminUserGlobalSignOut` ends the user's refresh tokens (API reference). */
const globalSignOut: ChainStep = {
	method: 'POST',
	path: '/',
	fields: ({ email }, { cognitoUserPoolId }) => ({ UserPoolId: cognitoUserPoolId ?? '', Username: email }),
	when: ({ choices }) => choices.signOutOtherSessions,
	headers: () => operationHeaders('AdminUserGlobalSignOut')(),
	secrets: () => [],
	sign: signedByIamUser,
	isSuccess: objectOrEmpty,
	missingMessage: 'Cognito set the password but the sign-out could not be sent: the sessions were kept',
};

const hashOf = ({ email }: ResetInput, settings: CredentialSettings) => [secretHash(email, settings) ?? ''];

export const cognito: ServiceProfile = {
	id: 'cognito',
	displayName: 'AWS Cognito',
	setup: {
		checked: 'Third-party emulators in CI: cognito-local 5.3 (`test/real/cognito.cjs`: it checks no SecretHash and no password policy) and, for Set Password, moto 5.2 (it verifies the AWS signature with botocore and the IAM policy); the API reference',
		baseUrl: '`https://cognito-idp.<region>.amazonaws.com`',
		notes:
			'**App Client ID**; **App Client Secret** only for an app client with a secret: the node computes `SecretHash` (HMAC-SHA256 of email + client ID) for each call and never sends or shows the secret. The username is the email (an alias in the pool). Reset Token is the code from the email; Reset Password needs the **Email**. With the pool\'s default *PreventUserExistenceErrors*, unknown users get the same answer as known ones. Set Password: `AdminSetUserPassword` with the email as the username, signed with AWS Signature Version 4 by an IAM user (**User Pool ID**, **Access Key ID**, **Secret Access Key**: an IAM user\'s long-term key, since temporary STS keys need a session token the node does not send; the secret key never leaves n8n, the signature is redacted). Least privilege: an IAM user whose only policy allows `cognito-idp:AdminSetUserPassword` (and `cognito-idp:AdminUserGlobalSignOut` for Sign Out Other Sessions) on this pool\'s ARN. Require Change at Next Sign-In sends `Permanent: false` (the next sign-in answers NEW_PASSWORD_REQUIRED); Sign Out Other Sessions adds `AdminUserGlobalSignOut` (refresh tokens end; access tokens already issued live until they expire). The pool\'s password policy is `weak_password` with its reason. Send and reset checked against cognito-local, Set Password against moto (which verifies the signature and the IAM policy), not AWS itself.',
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
		{
			displayName: 'User Pool ID',
			name: 'cognitoUserPoolId',
			type: 'string',
			default: '',
			placeholder: 'e.g. eu-west-1_AbCdEf123',
			description: 'Only for Set Password: the pool the users are in (its region signs the call)',
		},
		{
			displayName: 'Access Key ID',
			name: 'cognitoAccessKeyId',
			type: 'string',
			default: '',
			description: 'Only for Set Password: an IAM user allowed cognito-idp:AdminSetUserPassword (and AdminUserGlobalSignOut) on this pool alone',
		},
		{
			displayName: 'Secret Access Key',
			name: 'cognitoSecretAccessKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: "Only for Set Password: that access key's secret; the node signs each admin call with it (AWS Signature Version 4) and never sends it",
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
		// The username is the email (an alias); `Permanent: false` puts the user in FORCE_CHANGE_PASSWORD.
		setPassword: {
			method: 'POST',
			path: '/',
			requires: ['email', 'newPassword'],
			settingsProblem: adminSettingsProblem,
			isSuccess: objectOrEmpty,
			headers: operationHeaders('AdminSetUserPassword'),
			fields: ({ email, newPassword, choices }, { cognitoUserPoolId }) => ({ UserPoolId: cognitoUserPoolId ?? '', Username: email, Password: newPassword, Permanent: !choices.requireChange }),
			sign: signedByIamUser,
			effects: { requireChange: "`Permanent: false` (the user is FORCE_CHANGE_PASSWORD: Cognito's next sign-in answers NEW_PASSWORD_REQUIRED)", otherSessions: 'onRequest' },
			then: globalSignOut,
		},
	},
	// `__type` may carry a namespace: `com.amazon…#CodeMismatchException`.
	errorCodeOf: (body) => (typeof body.__type === 'string' ? body.__type.split('#').pop() : undefined),
	unknownAccount: [
		{
			status: 400,
			serviceCode: 'UserNotFoundException',
			source: 'API reference: always on the admin call (Set Password); on the public ones only for an app client with PreventUserExistenceErrors off (LEGACY), otherwise Cognito answers unknown users like known ones',
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
			operation: 'setPassword',
			serviceCode: 'ResourceNotFoundException',
			code: 'invalid_input',
			message: () => "Cognito has no user pool with this ID in this region. Check the credential's User Pool ID and the region in its Base URL",
		},
		{
			serviceCode: 'ResourceNotFoundException',
			code: 'invalid_input',
			message: () => "Cognito has no app client with this ID in this region. Check the credential's App Client ID and the region in its Base URL",
		},
		{ serviceCode: ['InvalidParameterException', 'UserNotConfirmedException'], code: 'invalid_input' },
		{ serviceCode: 'CodeDeliveryFailureException', code: 'server_error' },
		// AWS's common errors for a signed call: an unknown key, a wrong signature, an IAM policy that does not allow the call.
		{
			serviceCode: ['UnrecognizedClientException', 'InvalidSignatureException', 'SignatureDoesNotMatch', 'IncompleteSignature', 'MissingAuthenticationToken', 'InvalidClientTokenId', 'ExpiredTokenException'],
			code: 'auth_failed',
			message: () => "Cognito refused the signature: check the credential's Access Key ID and Secret Access Key, and the region in its User Pool ID",
		},
		{
			serviceCode: ['AccessDeniedException', 'AccessDenied'],
			code: 'auth_failed',
			message: () => "Cognito's IAM refused the call: the access key's user needs cognito-idp:AdminSetUserPassword (and AdminUserGlobalSignOut for Sign Out Other Sessions) on this user pool",
		},
	],
};
