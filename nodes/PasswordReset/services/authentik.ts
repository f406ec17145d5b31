import type { IDataObject } from 'n8n-workflow';

import { objectOrEmpty, objectWhere, setOnFoundAccount, SUCCESS_STATUSES } from './answers';
import { isJsonObject } from '../kernel/json';
import type { ChainStep, CredentialSettings, RequestContract, ServiceProfile } from '../kernel/types';

/**
 * authentik's Core API v3, from its OpenAPI (`schema.yml` in npm `@goauthentik/api` 2026.8.3).
 * Each call acts on a user's `pk`, so each finds the user by email first
 * (`GET /core/users/?email=`). The user finishes the reset on authentik's recovery flow, so
 * there is no token to reset with: Send Reset Email mails the recovery link through an email
 * stage; Create Reset Link answers it (`{link}`); Set Password sets it. Guess: the recovery
 * link needs a recovery flow on the brand (a 400 otherwise). Not run against a real authentik here.
 */
const usersFound = (answers: unknown[]) => (answers[0] as IDataObject).results;

/** The search: the users with this email (authentik's `email` filter). */
const findUser = (then: ChainStep): RequestContract & { then: ChainStep } => ({
	method: 'GET',
	path: '/api/v3/core/users/',
	fields: ({ email }) => ({ email }),
	isSuccess: objectWhere((body) => Array.isArray(body.results)),
	then,
});

const onUser = (path: string, fields: RequestContract['fields'], isSuccess: RequestContract['isSuccess'] = objectOrEmpty) =>
	setOnFoundAccount({ service: 'authentik', method: 'POST', path, found: usersFound, idOf: (user) => user.pk, fields, headers: () => ({}), isSuccess });

const firstFieldError = (body: IDataObject) => {
	const value = Object.values(body).find((entry) => Array.isArray(entry) && typeof entry[0] === 'string') as string[] | undefined;
	return value?.[0] ?? (typeof body.detail === 'string' ? body.detail : undefined);
};

export const authentik: ServiceProfile = {
	id: 'authentik',
	displayName: 'authentik',
	setup: {
		checked: "authentik's OpenAPI schema (npm `@goauthentik/api` 2026.8.3); the sandbox",
		baseUrl: '`https://<your-authentik>`',
		notes:
			"**API Key**: an API token (Directory → Tokens and App passwords, intent API) of a user allowed to view users and reset their passwords. **Email Stage**: only for Send Reset Email, the UUID of the email stage that sends recovery links (Flows and Stages → Stages). The user finishes the reset on authentik's recovery flow, so Reset Password is not offered; the brand needs a recovery flow. Each operation finds the user by email first: an unknown email is known (`user_not_found`; Send Reset Email stays neutral unless Reveal Unknown Accounts is on). Set Password: the password, checked by authentik's password policy. Not run against a real authentik here.",
	},
	baseUrl: { placeholder: 'e.g. https://authentik.example.com' },
	credentialFields: [
		{
			displayName: 'Email Stage',
			name: 'authentikEmailStage',
			type: 'string',
			default: '',
			placeholder: 'e.g. 5f1b7c2e-…',
			description: 'Only for Send Reset Email: the UUID of the email stage authentik sends recovery links with (Flows and Stages → Stages)',
		},
	],
	credentialTest: {
		method: 'GET',
		path: '/api/v3/core/users/me/',
		passes: SUCCESS_STATUSES,
		proves: "authentik took the API token at this Base URL and answered the token's own user (read only)",
	},
	auth: {
		apiKey: { in: 'header', name: 'Authorization', prefix: 'Bearer ', required: true, description: 'An authentik API token (intent API), sent as a Bearer token' },
	},
	operations: {
		sendResetEmail: {
			...findUser(onUser('/api/v3/core/users/{authentikUserId}/recovery_email/', (_input, { authentikEmailStage }: CredentialSettings) => ({ email_stage: authentikEmailStage ?? '' }))),
			requires: ['email'],
			settingsProblem: (settings) => (settings.authentikEmailStage?.trim() ? undefined : "Send Reset Email needs the credential's Email Stage: the UUID of the email stage that sends recovery links"),
		},
		createResetLink: {
			...findUser(onUser('/api/v3/core/users/{authentikUserId}/recovery/', () => ({}), objectWhere((body) => typeof body.link === 'string'))),
			requires: ['email'],
			resetLink: (answer) => (isJsonObject(answer) ? answer.link : undefined),
		},
		resetPassword: {
			notSupported: "authentik finishes resets on its own recovery flow, from the emailed link: there is no API to call with a token. Use Send Reset Email or Create Reset Link",
		},
		setPassword: {
			...findUser(onUser('/api/v3/core/users/{authentikUserId}/set_password/', ({ newPassword }) => ({ password: newPassword }))),
			requires: ['email', 'newPassword'],
			effects: { otherSessions: 'unknown' },
		},
	},
	unknownAccount: [],
	errorRules: [
		{
			operation: 'setPassword',
			status: 400,
			when: (body) => Array.isArray(body.password),
			code: 'weak_password',
			message: ({ body }) => `authentik refused the new password: ${firstFieldError(body) ?? 'its password policy'}`,
		},
		{
			operation: ['sendResetEmail', 'createResetLink'],
			status: 400,
			when: (body) => /recovery flow|email stage|stage/i.test(JSON.stringify(body)),
			code: 'not_supported',
			message: ({ body }) => `authentik cannot make a recovery link: ${firstFieldError(body) ?? 'the brand has no recovery flow'}. Set one on the brand (System → Brands)`,
		},
		{ status: (status) => status === 401 || status === 403, code: 'auth_failed', message: () => "authentik refused the API token, or its user may not reset users' passwords" },
	],
};
