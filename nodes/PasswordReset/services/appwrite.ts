import type { IDataObject } from 'n8n-workflow';

import { needsField, objectOrEmpty, objectWhere, setOnFoundAccount } from './answers';
import type { ResetInput, ServiceProfile } from '../kernel/types';

/**
 * Appwrite Account API, from `app/controllers/api/account.php` (source) and its docs.
 * `X-Appwrite-Project` on every request; the API key, when set, as `X-Appwrite-Key` (a privileged
 * call whose answer holds the recovery secret: never output). The emailed link is
 * `<recovery URL>?userId=…&secret=…&expire=…`: Reset Token takes `userId:secret` or the whole
 * link; the `secret` split out of it is redacted like the token. Older servers answer 404 for an
 * unknown email on send: kept neutral.
 */
const recoveryParts = (token: string): { userId: string; secret: string } | undefined => {
	if (/^https?:\/\//i.test(token)) {
		try {
			const params = new URL(token).searchParams;
			const userId = params.get('userId');
			const secret = params.get('secret');
			return userId && secret ? { userId, secret } : undefined;
		} catch {
			return undefined;
		}
	}
	const [userId, ...rest] = token.split(':');
	const secret = rest.join(':');
	return userId && secret ? { userId, secret } : undefined;
};

const checkRecoveryToken = ({ resetToken }: ResetInput) =>
	recoveryParts(resetToken)
		? undefined
		: 'The Reset Token parameter is not an Appwrite recovery token. Use userId:secret, or the whole recovery link from the email';

/** The user search's users (its `isSuccess` found a list). */
const usersFound = (answers: unknown[]) => (answers[0] as IDataObject).users;

export const appwrite: ServiceProfile = {
	id: 'appwrite',
	displayName: 'Appwrite',
	setup: {
		resetToken: 'userId:secret, or the whole recovery link from the email',
		checked: 'Source (`app/controllers/api/account.php`) and documentation; the sandbox',
		baseUrl: '`https://<region>.cloud.appwrite.io/v1`',
		notes:
			'**Project ID** (Settings), **Recovery URL**: the page the email links to, on a platform registered in the project. **API Key** optional (a server key). Reset Token: `userId:secret`, or paste the whole recovery link. Set Password needs the **API Key**: a server key with only the `users.read` and `users.write` scopes; it finds the user by email and sets the password through the Users API (the project\'s password rules answer `weak_password` or `password_reused`). Sign Out Other Sessions is refused: whether sessions end is the project\'s *Invalidate sessions* setting.',
	},
	baseUrl: { placeholder: 'e.g. https://fra.cloud.appwrite.io/v1' },
	credentialFields: [
		{
			displayName: 'Project ID',
			name: 'appwriteProjectId',
			type: 'string',
			required: true,
			default: '',
			description: 'The Appwrite project ID (Settings → Project ID), sent as X-Appwrite-Project',
		},
		{
			displayName: 'Recovery URL',
			name: 'appwriteRecoveryUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://app.example.com/reset-password',
			description:
				'The page the recovery email links to; Appwrite appends userId and secret. Its host must be a platform registered in the project.',
		},
	],
	// The project is looked up first (404 project_not_found), then the parameters are checked.
	credentialTest: {
		method: 'POST',
		path: '/account/recovery',
		fields: {},
		passes: [400],
		proves: "Appwrite knows the Project ID, and its recovery route refused a request without an email, so no email was sent",
	},
	auth: {
		apiKey: {
			in: 'header',
			name: 'X-Appwrite-Key',
			prefix: '',
			required: false,
			description: 'Optional: a server API key, sent as X-Appwrite-Key. Leave empty to call as a guest, as a sign-in page does',
		},
		headers: ({ appwriteProjectId }) => ({ 'X-Appwrite-Project': appwriteProjectId ?? '' }),
	},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/account/recovery',
			requires: ['email'],
			isSuccess: objectOrEmpty,
			fields: ({ email }, { appwriteRecoveryUrl }) => ({ email, url: appwriteRecoveryUrl ?? '' }),
		},
		resetPassword: {
			method: 'PUT',
			path: '/account/recovery',
			requires: ['resetToken', 'newPassword'],
			isSuccess: objectOrEmpty,
			checkInput: checkRecoveryToken,
			derivedSecrets: ({ resetToken }) => [recoveryParts(resetToken)?.secret ?? ''],
			fields: ({ resetToken, newPassword }) => ({ ...recoveryParts(resetToken), password: newPassword }),
		},
		// Users API with a server key (`users.read`, `users.write`): the user by email (stored
		// lower-cased, `Users/Base.php`), then `PATCH /users/{id}/password`, which applies the
		// project's password rules. Sessions end only where the project's `invalidateSessions` is on.
		setPassword: {
			method: 'GET',
			path: '/users',
			requires: ['email', 'newPassword'],
			settingsProblem: needsField('apiKey', "Set Password needs the credential's API Key: a server key with the users.read and users.write scopes"),
			// Guess: the JSON query form of Appwrite 1.5 and later.
			fields: ({ email }) => ({ 'queries[]': JSON.stringify({ method: 'equal', attribute: 'email', values: [email.toLowerCase()] }) }),
			isSuccess: objectWhere((body) => Array.isArray(body.users)),
			effects: { otherSessions: 'unknown' },
			then: setOnFoundAccount({
				service: 'Appwrite',
				method: 'PATCH',
				path: '/users/{appwriteUserId}/password',
				found: usersFound,
				idOf: (account) => account.$id,
				fields: ({ newPassword }) => ({ password: newPassword }),
				headers: () => ({}),
				isSuccess: objectWhere((body) => typeof body.$id === 'string'),
			}),
		},
	},
	errorCodeOf: (body: IDataObject) => (typeof body.type === 'string' ? body.type : undefined),
	unknownAccount: [
		{
			status: 404,
			serviceCode: 'user_not_found',
			source: 'account.php: older servers answer 404 user_not_found on create recovery (issues #6310, #13435); since PR #13438 a uniform 201',
		},
	],
	errorRules: [
		{ serviceCode: 'user_invalid_token', code: 'invalid_or_expired_token' },
		{ serviceCode: 'user_blocked', code: 'user_disabled' },
		{ serviceCode: 'password_recently_used', code: 'password_reused' },
		{ serviceCode: ['password_personal_data', 'password_common'], code: 'weak_password' },
		// The password validator's rejection (length, or a dictionary word) names its parameter.
		{
			operation: ['resetPassword', 'setPassword'],
			serviceCode: 'general_argument_invalid',
			when: (body) => /`password` param/i.test(String(body.message ?? '')),
			code: 'weak_password',
		},
		{ serviceCode: 'general_rate_limit_exceeded', code: 'rate_limited' },
		{ serviceCode: 'general_smtp_disabled', code: 'not_supported' },
		{ serviceCode: ['general_argument_invalid', 'general_bad_request'], code: 'invalid_input' },
		{ serviceCode: ['project_not_found', 'general_unauthorized_scope', 'general_access_forbidden'], code: 'auth_failed' },
	],
};
