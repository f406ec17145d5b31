import type { IDataObject } from 'n8n-workflow';

import { grantedBearer, grantedTokenSecrets, objectOrEmpty, objectWhere } from './answers';
import type { ChainStep, OperationContract, ServiceProfile } from '../kernel/types';

/**
 * Keycloak (source: `services/.../admin/UserResource.java`, the OpenID Connect token endpoint).
 * Base URL: the server, `https://<host>` (with `/auth` on versions before 17). Send is three
 * requests: an admin token for a confidential client with a service account allowed to manage
 * users (client credentials), the user found by exact email, then `execute-actions-email` with
 * UPDATE_PASSWORD, which mails Keycloak's own link. The user sets the password on Keycloak's
 * page, so Reset Password is not offered. The token is redacted everywhere. Errors:
 * `{errorMessage}` (admin API) or `{error, error_description}` (token). Not run against a real
 * Keycloak here.
 */
/** The user search's answer, which its `isSuccess` has already found to be a list. */
const foundUsers = (answers: unknown[]) => answers[1] as IDataObject[];
const errorText = (body: IDataObject) => String(body.errorMessage ?? body.error_description ?? body.error ?? '');

const sendActionsEmail: ChainStep = {
	method: 'PUT',
	path: '/admin/realms/{keycloakRealm}/users/{keycloakUserId}/execute-actions-email',
	// The actions the emailed link asks of the user: set a new password.
	fields: () => ['UPDATE_PASSWORD'],
	headers: grantedBearer,
	secrets: grantedTokenSecrets,
	pathValues: (answers) => ({ keycloakUserId: String(foundUsers(answers)[0]?.id ?? '') }),
	// Keycloak's one "no account" answer is an empty list (`[]`).
	isUnknownAccount: (answers) => foundUsers(answers).length === 0,
	// execute-actions-email answers 204 No Content (UserResource.java).
	isSuccess: objectOrEmpty,
	missingMessage: 'Keycloak answered the user search without the admin token it needs next: nothing was sent',
};

/** The user found by exact email, then `next` on that user. */
const findUserThen = (next: ChainStep): ChainStep => ({
	method: 'GET',
	path: '/admin/realms/{keycloakRealm}/users',
	fields: ({ email }) => ({ email, exact: 'true' }),
	// A list of users, never an object: an object (an error, one user) is unexpected_response.
	isSuccess: ({ body }) => Array.isArray(body),
	headers: grantedBearer,
	secrets: grantedTokenSecrets,
	missingMessage: 'Keycloak answered the token request without an access_token: nothing was sent. Check the client has Client authentication and Service accounts on',
	then: next,
});

const foundUserId = (answers: unknown[]) => ({ keycloakUserId: String(foundUsers(answers)[0]?.id ?? '') });

/** Sign Out Other Sessions: the set keeps sessions, so `logout` follows (removes them and sets not-before). */
const logOutUser: ChainStep = {
	method: 'POST',
	path: '/admin/realms/{keycloakRealm}/users/{keycloakUserId}/logout',
	fields: () => ({}),
	when: ({ choices }) => choices.signOutOtherSessions,
	headers: grantedBearer,
	secrets: grantedTokenSecrets,
	pathValues: foundUserId,
	isSuccess: objectOrEmpty,
	missingMessage: 'Keycloak set the password but answered without what the sign-out needs: the sessions were kept',
};

/** `reset-password` with `temporary` for Require Change at Next Sign-In (the UPDATE_PASSWORD required action): 204. */
const resetCredential: ChainStep = {
	method: 'PUT',
	path: '/admin/realms/{keycloakRealm}/users/{keycloakUserId}/reset-password',
	fields: ({ newPassword, choices }) => ({ type: 'password', value: newPassword, temporary: choices.requireChange }),
	headers: grantedBearer,
	secrets: grantedTokenSecrets,
	accounts: foundUsers,
	pathValues: foundUserId,
	isSuccess: objectOrEmpty,
	missingMessage: 'Keycloak answered the user search without the admin token it needs next: nothing was changed',
	then: logOutUser,
};

/** The admin token for a confidential client's service account (client credentials). */
const adminToken = {
	method: 'POST',
	path: '/realms/{keycloakRealm}/protocol/openid-connect/token',
	bodyFormat: 'form',
	isSuccess: objectWhere((body) => typeof body.access_token === 'string'),
	fields: (_input, { keycloakClientId, keycloakClientSecret }) => ({
		grant_type: 'client_credentials',
		client_id: keycloakClientId ?? '',
		client_secret: keycloakClientSecret ?? '',
	}),
} satisfies Partial<OperationContract>;

export const keycloak: ServiceProfile = {
	id: 'keycloak',
	displayName: 'Keycloak',
	setup: {
		checked: 'Source (`UserResource.java`, the token endpoint); the sandbox',
		baseUrl: '`https://<host>` (`https://<host>/auth` before Keycloak 17)',
		notes:
			'**Realm**, **Client ID**, **Client Secret**: a confidential client with *Service accounts* on whose service account has realm-management\'s `manage-users`. Send Reset Email is three requests: an admin token (client credentials; the secret goes only to the realm\'s token endpoint, in the form body), the user found by exact email (none: the neutral answer, nothing mailed), then `execute-actions-email` with `UPDATE_PASSWORD`, which mails Keycloak\'s own link. The admin token is redacted everywhere. Reset Password fails with `not_supported`: the user finishes on Keycloak\'s page. The realm needs SMTP (`server_error` otherwise). Set Password: the same token and search, then `reset-password` (204); Require Change at Next Sign-In sends it as `temporary` (Keycloak asks for a new password at the next sign-in), and Sign Out Other Sessions adds the user\'s `logout`; the realm\'s password policy answers `weak_password` with its reason. The service account needs `view-users` and `manage-users` (`query-users` for the search). Not run against a real Keycloak here.',
	},
	baseUrl: { placeholder: 'e.g. https://keycloak.example.com' },
	credentialFields: [
		{ displayName: 'Realm', name: 'keycloakRealm', type: 'string', required: true, default: '', placeholder: 'e.g. my-realm', description: 'The realm the users belong to' },
		{
			displayName: 'Client ID',
			name: 'keycloakClientId',
			type: 'string',
			required: true,
			default: '',
			description: "A confidential client of that realm with a service account whose roles include realm-management's manage-users",
		},
		{
			displayName: 'Client Secret',
			name: 'keycloakClientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "The client's secret (Clients → Credentials). Sent only to the realm's token endpoint, in the form body.",
		},
	],
	// The realm's discovery document: proves the Base URL and the Realm, changes nothing.
	credentialTest: {
		method: 'GET',
		path: '/realms/{keycloakRealm}/.well-known/openid-configuration',
		passes: [200],
		proves: "Keycloak's discovery document for this realm answered, so the Base URL and Realm are right. The client and its secret are checked on a send",
	},
	auth: {},
	operations: {
		sendResetEmail: { ...adminToken, requires: ['email'], then: findUserThen(sendActionsEmail) },
		setPassword: {
			...adminToken,
			requires: ['email', 'newPassword'],
			effects: { requireChange: "Keycloak's temporary password (the UPDATE_PASSWORD required action)", otherSessions: 'onRequest' },
			then: findUserThen(resetCredential),
		},
		resetPassword: {
			notSupported: "Keycloak finishes password resets on its own page: the emailed link opens it and the user sets the new password there. Use Send Reset Email",
		},
	},
	unknownAccount: [],
	errorRules: [
		{ when: (body) => /user is disabled/i.test(errorText(body)), code: 'user_disabled' },
		// A password policy's refusal: the message key (`invalidPasswordMinLengthMessage`, …) with its text.
		{ when: (body) => /^invalidPasswordHistory/.test(String(body.error ?? '')) || /old passwords is not allowed/i.test(errorText(body)), code: 'password_reused' },
		{
			when: (body) => /^invalidPassword/.test(String(body.error ?? '')),
			code: 'weak_password',
			message: ({ body }) => `Keycloak refused the new password: ${String(body.error_description ?? body.error)}`,
		},
		{ when: (body) => /failed to send execute actions email/i.test(errorText(body)), code: 'server_error' },
		{ when: (body) => /user email missing/i.test(errorText(body)), code: 'invalid_input' },
		{ when: (body) => body.error === 'unauthorized_client' || body.error === 'invalid_client', code: 'auth_failed' },
	],
};
