import type { IDataObject } from 'n8n-workflow';

import { objectOrEmpty, objectWhere, VALIDATION_REFUSALS } from './answers';
import { isJsonObject } from '../kernel/json';
import { noEndpointMessage } from '../outcome/readResponse';
import type { CredentialSettings, ServiceProfile } from '../kernel/types';

/**
 * FusionAuth's User API, from its API reference source (`fusionauth-site` `apis/users.mdx`).
 * Forgot password (`sendForgotPasswordMessage`, 1.59+) mails the link or, set to false, only
 * answers its `changePasswordId` (Create Reset Link: FusionAuth's own page
 * `/password/change/{id}`). Change password takes that id (10 minutes by default; a success
 * revokes every refresh token and outstanding id), or, with the API key, a `loginId` (Set
 * Password). A user not found is a 404 **with no body**, which cannot be told from a wrong
 * address: the node says so instead of guessing. Errors: `{fieldErrors, generalErrors}`.
 * Not run against a real FusionAuth here.
 */
const firstErrorCode = (body: IDataObject) => {
	const fields = isJsonObject(body.fieldErrors) ? Object.values(body.fieldErrors).flat() : [];
	const general = Array.isArray(body.generalErrors) ? body.generalErrors : [];
	const first = [...fields, ...general].find(isJsonObject);
	return typeof first?.code === 'string' ? first.code : undefined;
};

const tenantHeader = ({ fusionauthTenantId }: CredentialSettings): Record<string, string> =>
	fusionauthTenantId ? { 'X-FusionAuth-TenantId': fusionauthTenantId } : {};

/** FusionAuth's own reset page for a changePasswordId, on the Base URL. */
const changePasswordPage = (answer: unknown, { baseUrl }: CredentialSettings) =>
	isJsonObject(answer) && typeof answer.changePasswordId === 'string' && answer.changePasswordId
		? `${baseUrl.trim().replace(/\/+$/, '')}/password/change/${encodeURIComponent(answer.changePasswordId)}`
		: undefined;

/** FusionAuth's documented "not found": a 404 without a body. */
const isEmpty = (_body: IDataObject, raw: unknown) => raw === undefined || raw === '';

/** Its empty 404 is a wrong address or FusionAuth's "not found": the node cannot tell, and says both. */
const noBody404 = (endpoint: string, meaning: string) =>
	`${noEndpointMessage(endpoint, 404)}. FusionAuth answers ${meaning} the same way (404, no body): if the credential test passes, that is what happened`;

export const fusionauth: ServiceProfile = {
	id: 'fusionauth',
	displayName: 'FusionAuth',
	setup: {
		checked: "FusionAuth's API reference source (`apis/users.mdx`); the sandbox",
		baseUrl: '`https://<your-fusionauth>`',
		notes:
			"**API Key**: a key (Settings → API Keys) allowed `POST /api/user/forgot-password` and `POST /api/user/change-password`, nothing more. **Tenant ID**: only when the instance has more than one tenant and the key is not scoped to one. Send Reset Email mails FusionAuth's forgot-password template (the tenant must have one). Create Reset Link asks for the id without mail and outputs FusionAuth's own page, `…/password/change/<id>`. Reset Password takes that id (the Reset Token), valid 10 minutes by default; a success ends the user's refresh tokens. FusionAuth answers an unknown user, and a spent or expired change-password ID, with an empty 404, which a wrong address also gives: the node reports `endpoint_not_found` saying both. Set Password: the change-password call with the login ID. Not run against a real FusionAuth here.",
		resetToken: 'The change-password ID: the last part of the link (`/password/change/<id>`)',
	},
	baseUrl: { placeholder: 'e.g. https://auth.example.com' },
	credentialFields: [
		{
			displayName: 'Tenant ID',
			name: 'fusionauthTenantId',
			type: 'string',
			default: '',
			description: 'Only when FusionAuth has more than one tenant and the API key is not scoped to one: sent as X-FusionAuth-TenantId',
		},
	],
	// No email: FusionAuth's validation refuses it (400) when the key is right, 401 when it is not.
	credentialTest: {
		method: 'POST',
		path: '/api/user/forgot-password',
		fields: {},
		passes: VALIDATION_REFUSALS,
		proves: 'FusionAuth took the API key at this Base URL and refused a forgot-password request without a login ID (nothing is sent)',
	},
	auth: {
		apiKey: { in: 'header', name: 'Authorization', prefix: '', required: true, description: 'A FusionAuth API key (Settings → API Keys), sent as the Authorization header' },
		headers: tenantHeader,
	},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/api/user/forgot-password',
			requires: ['email'],
			fields: ({ email }) => ({ loginId: email, sendForgotPasswordMessage: true }),
			isSuccess: objectOrEmpty,
			// With an API key the answer carries the id too: never output.
			answerSecrets: (answer) => [answer.changePasswordId].filter((value): value is string => typeof value === 'string'),
		},
		createResetLink: {
			method: 'POST',
			path: '/api/user/forgot-password',
			requires: ['email'],
			fields: ({ email }) => ({ loginId: email, sendForgotPasswordMessage: false }),
			isSuccess: objectWhere((body) => typeof body.changePasswordId === 'string'),
			resetLink: changePasswordPage,
		},
		resetPassword: {
			method: 'POST',
			path: '/api/user/change-password',
			requires: ['resetToken', 'newPassword'],
			fields: ({ resetToken, newPassword }) => ({ changePasswordId: resetToken, password: newPassword }),
			isSuccess: objectOrEmpty,
			answerSecrets: (answer) => [answer.oneTimePassword].filter((value): value is string => typeof value === 'string'),
		},
		setPassword: {
			method: 'POST',
			path: '/api/user/change-password',
			requires: ['email', 'newPassword'],
			fields: ({ email, newPassword }) => ({ loginId: email, password: newPassword }),
			isSuccess: objectOrEmpty,
			// The reference says the id flow ends refresh tokens; of the login ID flow it says nothing.
			effects: { otherSessions: 'unknown' },
		},
	},
	errorCodeOf: firstErrorCode,
	unknownAccount: [],
	errorRules: [
		{
			operation: 'resetPassword',
			status: 404,
			when: isEmpty,
			code: 'endpoint_not_found',
			message: ({ endpoint }) => noBody404(endpoint, 'a change-password ID that expired (10 minutes by default), was used, or is wrong'),
		},
		{ status: 404, when: isEmpty, code: 'endpoint_not_found', message: ({ endpoint }) => noBody404(endpoint, 'a login ID no user has') },
		{
			when: (body) => isJsonObject(body.fieldErrors) && ('password' in body.fieldErrors || 'user.password' in body.fieldErrors),
			code: 'weak_password',
			message: ({ body }) => {
				const errors = body.fieldErrors as IDataObject;
				const [first] = ((errors.password ?? errors['user.password']) as IDataObject[]) ?? [];
				return `FusionAuth refused the new password: ${String(first?.message ?? 'it does not meet the tenant password rules')}`;
			},
		},
		{ operation: ['sendResetEmail', 'createResetLink'], status: 403, code: 'not_supported', message: () => "FusionAuth refused: the tenant's forgot-password email template is not set (Tenants → Email)" },
		{ status: 422, code: 'invalid_input', message: () => 'FusionAuth has no email address for this user, so it cannot send the reset' },
		{ status: 401, code: 'auth_failed', message: () => 'FusionAuth refused the API key: check it, and that it may call this endpoint' },
		{ operation: ['sendResetEmail', 'createResetLink'], status: 503, code: 'server_error', message: () => "FusionAuth's search index is unavailable: try again later" },
	],
};
