import type { IDataObject } from 'n8n-workflow';

import { grantedBearer, grantedTokenSecrets, SUCCESS_STATUSES, objectOrEmpty, objectWhere } from './answers';
import { isJsonObject } from '../kernel/json';
import type { ChainStep, CredentialSettings, ServiceProfile } from '../kernel/types';

/**
 * Auth0 Authentication API, `POST /dbconnections/change_password` (docs, SDK). Send only: the
 * user sets the new password on a page Auth0 hosts, so Reset Password has nothing to call.
 * Success is 200 with a plain-text body, for unknown emails too. No secret: the public client ID
 * and the database connection go in the body. Create Reset Link is the Management API: a token
 * for a machine-to-machine application (`POST /oauth/token`, client credentials, audience
 * `https://<tenant domain>/api/v2/`: the tenant's auth0.com domain even when it is reached on a
 * custom domain, Auth0 "Get Management API Access Tokens"), the user by email (`GET
 * /api/v2/users-by-email`, an exact, case-sensitive match: database users are stored in lower
 * case, "Retrieve Users with the Get Users by Email Endpoint"; kept in the credential's
 * connection), then `POST /api/v2/tickets/password-change {user_id}`, which answers
 * `{ticket: <link>}` (Management API v2 reference). Not run against a real Auth0 here.
 */
/** Its sentence ("We've just sent you an email…"), never a page: a single-page app's index.html at a wrong Base URL answers 200 too. */
const isSentence = (body: unknown) => typeof body === 'string' && !/^\s*</.test(body);

const DEFAULT_CONNECTION = 'Username-Password-Authentication';

/** The tenant's own domain as typed (`your-tenant.eu.auth0.com`, a pasted `https://…/` tolerated), or undefined. */
const typedTenantDomain = ({ auth0TenantDomain }: CredentialSettings) => {
	const domain = (auth0TenantDomain ?? '').trim().replace(/^https:\/\//i, '').replace(/\/+$/, '');
	return domain || undefined;
};
const TENANT_DOMAIN = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** The Base URL's host when it is the tenant's own auth0.com address. */
const auth0Host = ({ baseUrl }: CredentialSettings) => {
	try {
		const { hostname } = new URL(baseUrl.trim());
		return hostname.endsWith('.auth0.com') ? hostname : undefined;
	} catch {
		return undefined;
	}
};

/** The domain that names the Management API: the Tenant Domain, else the Base URL's *.auth0.com host. */
const tenantDomain = (settings: CredentialSettings) => typedTenantDomain(settings) ?? auth0Host(settings);

/**
 * The users the email search found in the credential's connection (one email can have a user
 * in each), read from each user's identities; the search's answer is a list (its `isSuccess`).
 */
const usersInConnection = (answers: unknown[], { auth0Connection }: CredentialSettings) =>
	(answers[1] as IDataObject[]).filter(
		(user) =>
			Array.isArray(user.identities) &&
			(user.identities as IDataObject[]).some((identity) => identity.connection === (auth0Connection || DEFAULT_CONNECTION)),
	);

/** What is wrong with the Management API settings for an admin operation, or undefined. */
const managementProblem = (operation: string) => (settings: CredentialSettings) => {
	if (!settings.auth0ManagementClientId || !settings.auth0ManagementClientSecret) {
		return `${operation} needs the credential's Management Client ID and Management Client Secret (a machine-to-machine application)`;
	}
	const typed = typedTenantDomain(settings);
	if (typed && !TENANT_DOMAIN.test(typed)) return `The credential's Tenant Domain "${typed}" is not a domain. Use the tenant's own, e.g. your-tenant.eu.auth0.com`;
	if (!tenantDomain(settings)) {
		return "The Base URL is not an auth0.com address (a custom domain?), so the Management API's name is unknown. Set the credential's Tenant Domain to the tenant's own domain, e.g. your-tenant.eu.auth0.com";
	}
	return undefined;
};

/** A Management API token (client credentials), for the tenant's domain whatever domain the requests go to. */
const managementTokenFields = (_input: unknown, settings: CredentialSettings) => ({
	grant_type: 'client_credentials',
	client_id: settings.auth0ManagementClientId ?? '',
	client_secret: settings.auth0ManagementClientSecret ?? '',
	audience: `https://${tenantDomain(settings) ?? ''}/api/v2/`,
});

/** The users with the email (database users are stored lower-cased), then `next` on the one in the connection. */
const findUserThen = (next: ChainStep): ChainStep => ({
	method: 'GET',
	path: '/api/v2/users-by-email',
	fields: ({ email }) => ({ email: email.toLowerCase() }),
	isSuccess: ({ body }) => Array.isArray(body),
	headers: grantedBearer,
	secrets: grantedTokenSecrets,
	missingMessage: 'Auth0 answered the token request without an access_token: nothing was sent. Check the Management Client ID and Secret',
	then: next,
});

const userIdOf = (answers: unknown[], settings: CredentialSettings) => String(usersInConnection(answers, settings)[0]?.user_id ?? '');

const passwordChangeTicket: ChainStep = {
	method: 'POST',
	path: '/api/v2/tickets/password-change',
	fields: () => ({}),
	fieldsFromAnswers: (answers, settings) => ({ user_id: userIdOf(answers, settings) }),
	isUnknownAccount: (answers, settings) => usersInConnection(answers, settings).length === 0,
	isSuccess: objectWhere((body) => typeof body.ticket === 'string'),
	headers: grantedBearer,
	secrets: grantedTokenSecrets,
	missingMessage: 'Auth0 answered the user search without the token it needs next: nothing was sent',
};

/** `PATCH /api/v2/users/{id}` with the password and its connection (Management API v2 reference). */
const updatePassword: ChainStep = {
	method: 'PATCH',
	path: '/api/v2/users/{auth0UserId}',
	fields: ({ newPassword }) => ({ password: newPassword }),
	fieldsFromAnswers: (_answers, { auth0Connection }) => ({ connection: auth0Connection || DEFAULT_CONNECTION }),
	accounts: (answers, _input, settings) => usersInConnection(answers, settings),
	pathValues: (answers, _input, settings) => ({ auth0UserId: userIdOf(answers, settings) }),
	isSuccess: objectWhere((body) => typeof body.user_id === 'string'),
	headers: grantedBearer,
	secrets: grantedTokenSecrets,
	missingMessage: 'Auth0 answered the user search without the token it needs next: nothing was changed',
};

export const auth0: ServiceProfile = {
	id: 'auth0',
	displayName: 'Auth0',
	setup: {
		checked: 'Documentation and its SDK (Management API v2 reference for Create Reset Link); the sandbox',
		baseUrl: '`https://<tenant>.<region>.auth0.com`',
		notes:
			'**Client ID** of an application (public), **Connection** (default `Username-Password-Authentication`). Send only: the user finishes on Auth0\'s hosted page; Reset Password fails with `not_supported` before any request. **Management Client ID** and **Secret**: only for Create Reset Link and Set Password, a machine-to-machine application authorized for the Management API with `read:users` and `create:user_tickets` (Create Reset Link) or `update:users` (Set Password), nothing more; **Tenant Domain**: only when the Base URL is a custom domain, the tenant\'s own `*.auth0.com` domain, which names the Management API (its audience); requests still go to the Base URL, and the ticket may come back on either. Set Password: the token, the user by email in the credential\'s connection, then `PATCH /api/v2/users/{id}` with the password and connection; the connection\'s password policy answers `weak_password` (`PasswordStrengthError`). Sign Out Other Sessions is refused: Auth0\'s reference does not say what a password update does to sessions. Not run against a real Auth0 here.',
	},
	baseUrl: { placeholder: 'e.g. https://your-tenant.eu.auth0.com' },
	credentialFields: [
		{
			displayName: 'Client ID',
			name: 'auth0ClientId',
			type: 'string',
			required: true,
			default: '',
			description: 'The Client ID of an Auth0 application (public, not the secret)',
		},
		{
			displayName: 'Connection',
			name: 'auth0Connection',
			type: 'string',
			default: 'Username-Password-Authentication',
			description: 'The Auth0 database connection the users belong to',
		},
		{
			displayName: 'Management Client ID',
			name: 'auth0ManagementClientId',
			type: 'string',
			default: '',
			description:
				'Only for Create Reset Link and Set Password: the Client ID of a machine-to-machine application authorized for the Auth0 Management API with read:users, and create:user_tickets or update:users',
		},
		{
			displayName: 'Management Client Secret',
			name: 'auth0ManagementClientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: "Only for Create Reset Link and Set Password: that application's Client Secret. It goes only to this tenant's /oauth/token.",
		},
		{
			displayName: 'Tenant Domain',
			name: 'auth0TenantDomain',
			type: 'string',
			default: '',
			placeholder: 'e.g. your-tenant.eu.auth0.com',
			description:
				"Only for Create Reset Link when the Base URL is a custom domain: the tenant's own auth0.com domain, which names the Management API. Leave empty when the Base URL is the tenant's auth0.com address.",
		},
	],
	credentialTest: {
		method: 'GET',
		path: '/.well-known/openid-configuration',
		passes: SUCCESS_STATUSES,
		proves:
			'The Auth0 tenant answered at this Base URL. The Client ID and Connection are only checked when an email is sent',
	},
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/dbconnections/change_password',
			requires: ['email'],
			isSuccess: (answer) => objectOrEmpty(answer) || isSentence(answer.body),
			fields: ({ email }, { auth0ClientId, auth0Connection }) => ({
				client_id: auth0ClientId ?? '',
				email,
				connection: auth0Connection || DEFAULT_CONNECTION,
			}),
		},
		createResetLink: {
			method: 'POST',
			path: '/oauth/token',
			requires: ['email'],
			settingsProblem: managementProblem('Create Reset Link'),
			fields: managementTokenFields,
			linkHosts: (settings) => [typedTenantDomain(settings) ?? ''].filter(Boolean),
			isSuccess: objectWhere((body) => typeof body.access_token === 'string'),
			resetLink: (answer) => (isJsonObject(answer) ? answer.ticket : undefined),
			then: findUserThen(passwordChangeTicket),
		},
		setPassword: {
			method: 'POST',
			path: '/oauth/token',
			requires: ['email', 'newPassword'],
			settingsProblem: managementProblem('Set Password'),
			fields: managementTokenFields,
			isSuccess: objectWhere((body) => typeof body.access_token === 'string'),
			// Auth0's reference says nothing of sessions on a password update: Sign Out Other Sessions is refused.
			effects: { otherSessions: 'unknown' },
			then: findUserThen(updatePassword),
		},
		resetPassword: {
			notSupported:
				'Auth0 finishes password resets on its own hosted page, from the link in the email: there is no API to call with a token. Use Send Reset Email only',
		},
	},
	unknownAccount: [
		{
			operation: 'sendResetEmail',
			status: 404,
			when: (body) => /user not found/i.test(String(body.error_description ?? body.description ?? body.message ?? body.error ?? '')),
			source:
				'Docs (_change-password.md) list 404 "User not found", body shape a guess; in practice Auth0 answers 200 for unknown emails (auth0.js#380)',
		},
	],
	// The generic mapping covers its documented 400 and 429.
	errorRules: [
		{
			operation: ['createResetLink', 'setPassword'],
			status: (status) => status === 401 || status === 403,
			code: 'auth_failed',
			message: () =>
				"Auth0 refused the Management API call. Check the credential's Management Client ID and Secret, and that the application is authorized for the Auth0 Management API with read:users and create:user_tickets (Create Reset Link) or update:users (Set Password)",
		},
		// Guess from Auth0's error names (auth0-java#283 quotes the first): the rule that failed, in the message.
		{ when: (body) => /PasswordHistoryError/.test(String(body.message ?? '')), code: 'password_reused' },
		{
			when: (body) => /Password(Strength|Dictionary|NoUserInfo)Error/.test(String(body.message ?? '')),
			code: 'weak_password',
			message: ({ body }) => `Auth0 refused the new password: ${String(body.message)}`,
		},
	],
};
