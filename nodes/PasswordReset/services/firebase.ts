import type { IDataObject } from 'n8n-workflow';

import { accountsWithEmail, needsField, objectOrEmpty, objectWhere, theAccount } from './answers';
import type { CredentialSettings, RawAnswer, ServiceProfile } from '../kernel/types';
import { isJsonObject } from '../kernel/json';

/**
 * Firebase Authentication (Identity Toolkit REST v1), from the REST reference and the emulator's
 * `operations.ts`. The Web API key goes as `?key=`: Firebase's own contract, and the one
 * documented exception to "no key in a URL" (it never appears in output or errors).
 * Errors: HTTP 400 `{error: {code, message: "CODE : detail"}}`; the code is before " : ".
 */
/** The lookup's accounts (none: the key is absent). */
const usersFound = (answers: unknown[]) => (answers[0] as IDataObject).users;
const firebaseCode = (body: IDataObject) => {
	const message = (body.error as IDataObject | undefined)?.message;
	return typeof message === 'string' ? message.split(' : ')[0].trim() : undefined;
};

/** Its answers are JSON objects; an `error` in one is no success. */
const firebaseSuccess = (answer: RawAnswer) => objectOrEmpty(answer) && !(answer.body as IDataObject | undefined)?.error;

/** The admin calls' auth: a Google OAuth 2.0 access token as a Bearer token (the `?key=` API key is no admin auth). */
const adminHeaders = ({ firebaseAdminToken }: CredentialSettings) => ({ Authorization: `Bearer ${firebaseAdminToken ?? ''}` });
const adminRefused = () =>
	"Identity Toolkit refused the admin call. Check the credential's Admin Access Token: a service account's access token, unexpired, with the Firebase Authentication Admin role";
const needsAdminToken = (operation: string) =>
	needsField('firebaseAdminToken', `${operation} needs the credential's Admin Access Token: Identity Toolkit's admin calls refuse the Web API key alone`);

export const firebase: ServiceProfile = {
	id: 'firebase',
	displayName: 'Firebase Auth',
	setup: {
		checked: 'Vendor emulator: the Firebase Auth Emulator in CI (`test/real/firebase.cjs`: any API key passes there); the REST reference',
		baseUrl: '`https://identitytoolkit.googleapis.com/v1`',
		notes:
			'**API Key**: the Web API key (Project settings → General). Firebase takes it as `?key=`: its own contract, the one key this node puts in a URL; it never appears in output or errors. Reset Token is the `oobCode` from the email link (your custom action handler receives it). **Admin Access Token**: only for Set Password and Create Reset Link, a Google OAuth 2.0 access token (scope `cloud-platform`) of a service account with the *Firebase Authentication Admin* role (least privilege: that role alone); it lasts an hour, so set it by expression from a step that fetches one (the emulator takes `owner`). **Link Domain**: only for Create Reset Link, the host of the project\'s links (`<project>.firebaseapp.com` or your action domain). Set Password ends every earlier session (Identity Toolkit moves `validSince`).',
	},
	// Google's one address for every project: the credential fills it in.
	baseUrl: { placeholder: 'https://identitytoolkit.googleapis.com/v1', default: 'https://identitytoolkit.googleapis.com/v1' },
	credentialFields: [
		{
			displayName: 'Admin Access Token',
			name: 'firebaseAdminToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for Set Password and Create Reset Link: a Google OAuth 2.0 access token of a service account with the Firebase Authentication Admin role (scope cloud-platform). Such a token lasts an hour: set it by expression from a step that fetches one. Sent as a Bearer token to Identity Toolkit alone.",
		},
		{
			displayName: 'Link Domain',
			name: 'firebaseLinkDomain',
			type: 'string',
			default: '',
			placeholder: 'e.g. my-project.firebaseapp.com',
			description:
				"Only for Create Reset Link: the host the project's reset links are on (its auth domain, or your custom action domain). Links on any other host are refused.",
		},
	],
	// The key is checked before the request (API_KEY_INVALID); then the emulator's operations.ts
	// refuses a PASSWORD_RESET without an email as MISSING_EMAIL.
	credentialTest: {
		method: 'POST',
		path: '/accounts:sendOobCode',
		fields: { requestType: 'PASSWORD_RESET' },
		passes: [400],
		proves: 'Identity Toolkit answered 400 to a send without an email, so no email was sent and the Base URL is right. A wrong Web API key answers 400 too: the key shows on a send',
	},
	auth: {
		apiKey: {
			in: 'query',
			name: 'key',
			required: true,
			description: "The project's Web API key (Project settings → General), sent as ?key=, as Firebase's REST API requires",
		},
	},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/accounts:sendOobCode',
			requires: ['email'],
			isSuccess: firebaseSuccess,
			fields: ({ email }) => ({ requestType: 'PASSWORD_RESET', email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/accounts:resetPassword',
			requires: ['resetToken', 'newPassword'],
			isSuccess: firebaseSuccess,
			fields: ({ resetToken, newPassword }) => ({ oobCode: resetToken, newPassword }),
		},
		// resetPassword with only the code checks it without using it up.
		verifyResetToken: {
			method: 'POST',
			path: '/accounts:resetPassword',
			requires: ['resetToken'],
			isSuccess: firebaseSuccess,
			fields: ({ resetToken }) => ({ oobCode: resetToken }),
		},
		// `sendOobCode` with `returnOobLink` and admin auth answers the link and mails nothing (the
		// emulator's `operations.js`, Google's `apiSpec`). Without a link it made none: with email
		// privacy on, an unknown email is answered so (see unknownAccount).
		createResetLink: {
			method: 'POST',
			path: '/accounts:sendOobCode',
			requires: ['email'],
			settingsProblem: needsAdminToken('Create Reset Link'),
			headers: (_input, settings) => adminHeaders(settings),
			fields: ({ email }) => ({ requestType: 'PASSWORD_RESET', email, returnOobLink: true }),
			isSuccess: objectWhere((body) => typeof body.oobLink === 'string' && !body.error),
			answerSecrets: (answer) => (typeof answer.oobCode === 'string' ? [answer.oobCode] : []),
			resetLink: (answer) => (isJsonObject(answer) ? answer.oobLink : undefined),
			linkHosts: ({ firebaseLinkDomain }) => (firebaseLinkDomain ? [firebaseLinkDomain.trim().replace(/^https:\/\//i, '').replace(/\/+$/, '')] : []),
		},
		// The account by email (`accounts:lookup`, lower-cased by the service; no `users` key when
		// none), then `accounts:update`, which moves `validSince`: every earlier session ends.
		setPassword: {
			method: 'POST',
			path: '/accounts:lookup',
			requires: ['email', 'newPassword'],
			settingsProblem: needsAdminToken('Set Password'),
			headers: (_input, settings) => adminHeaders(settings),
			fields: ({ email }) => ({ email: [email] }),
			isSuccess: objectWhere((body) => !body.error && (body.users === undefined || Array.isArray(body.users))),
			effects: { otherSessions: 'always' },
			then: {
				method: 'POST',
				path: '/accounts:update',
				fields: ({ newPassword }) => ({ password: newPassword }),
				fieldsFromAnswers: (answers, _settings, { email }) => ({ localId: String(theAccount(usersFound(answers), email).localId ?? '') }),
				accounts: (answers, { email }) => accountsWithEmail(usersFound(answers), email),
				headers: (_previous, _answers, settings) => adminHeaders(settings),
				secrets: () => [],
				isSuccess: objectWhere((body) => typeof body.localId === 'string' && !body.error),
				missingMessage: 'Firebase answered the account lookup without what the set needs: nothing was changed',
			},
		},
	},
	errorCodeOf: firebaseCode,
	unknownAccount: [
		{
			operation: 'createResetLink',
			status: 200,
			when: (body) => body.oobLink === undefined && typeof body.email === 'string',
			source: "The emulator's operations.js sendOobCode: with email privacy on, an unknown email gets {kind, email} and no link",
		},
		{
			status: 400,
			serviceCode: 'EMAIL_NOT_FOUND',
			source: 'REST reference and the emulator\'s operations.ts: 400 EMAIL_NOT_FOUND, only when email-enumeration protection is off',
		},
	],
	errorRules: [
		{ serviceCode: ['EXPIRED_OOB_CODE', 'INVALID_OOB_CODE'], code: 'invalid_or_expired_token' },
		{ serviceCode: ['WEAK_PASSWORD', 'PASSWORD_DOES_NOT_MEET_REQUIREMENTS'], code: 'weak_password', message: ({ serverMessage }) => `Firebase refused the new password: ${serverMessage ?? 'too weak'}` },
		{ operation: ['setPassword', 'createResetLink'], serviceCode: ['INSUFFICIENT_PERMISSION', 'UNAUTHENTICATED', 'CREDENTIAL_TOO_OLD_LOGIN_AGAIN'], code: 'auth_failed', message: adminRefused },
		{ operation: ['setPassword', 'createResetLink'], status: 401, code: 'auth_failed', message: adminRefused },
		{ serviceCode: 'USER_DISABLED', code: 'user_disabled' },
		// The emulator's operations.ts: too many codes requested for one account.
		{ serviceCode: ['TOO_MANY_ATTEMPTS_TRY_LATER', 'RESET_PASSWORD_EXCEED_LIMIT'], code: 'rate_limited' },
		{ serviceCode: ['INVALID_EMAIL', 'MISSING_EMAIL', 'MISSING_OOB_CODE', 'INVALID_CONTINUE_URI'], code: 'invalid_input' },
		{ serviceCode: ['OPERATION_NOT_ALLOWED', 'PASSWORD_LOGIN_DISABLED'], code: 'not_supported' },
		{ when: (body) => /API key not valid|API_KEY_INVALID/i.test(String((body.error as IDataObject | undefined)?.message ?? '')), code: 'auth_failed' },
	],
};
