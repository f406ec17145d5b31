import type { IDataObject } from 'n8n-workflow';

import { objectOrEmpty, objectWhere, setOnFoundAccount, SUCCESS_STATUSES, urlHost } from './answers';
import { isJsonObject } from '../kernel/json';
import type { ChainStep, CredentialSettings, OperationContract, RequestContract, ServiceProfile } from '../kernel/types';

/**
 * ZITADEL's User Service v2, from `proto/zitadel/user/v2/{password,query,user_service}.proto`
 * and zitadel.com's password reset guide. Every call acts on a user ID, so each finds the user
 * by email first (`POST /v2/users` with an email query, any case). The reset request mails
 * ZITADEL's link (`sendLink`, with your page's `urlTemplate`) or answers the code without mail
 * (`returnCode`: Create Reset Link fills your Reset Page URL with it). Setting the password takes
 * that code, or none for an admin (Set Password; `changeRequired` for Require Change). Errors:
 * gRPC-gateway `{code, message, details}`. Guesses: the code's lifetime (1 hour) and the
 * message of a wrong code. Not run against a real ZITADEL here (a Go server, not on npm or Debian).
 */
const zitadelMessage = (body: IDataObject) => String(body.message ?? '');

/** The users the search found, as `{id, email}`. */
const usersFound = (answers: unknown[]) =>
	(isJsonObject(answers[0]) && Array.isArray(answers[0].result) ? answers[0].result : []).filter(isJsonObject).map((user) => {
		const human = isJsonObject(user.human) ? user.human : {};
		const email = isJsonObject(human.email) ? human.email.email : undefined;
		return { id: user.userId, email };
	});

/** The search: the user with this email, in any case ("TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE"). */
const findUser = (then: ChainStep): RequestContract & { then: ChainStep } => ({
	method: 'POST',
	path: '/v2/users',
	fields: ({ email }) => ({ queries: [{ emailQuery: { emailAddress: email, method: 'TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE' } }] }),
	isSuccess: objectWhere((body) => body.result === undefined || Array.isArray(body.result)),
	then,
});

/** A request on the user the search found. */
const onUser = (path: string, fields: ChainStep['fields'], isSuccess: ChainStep['isSuccess'] = objectOrEmpty) =>
	setOnFoundAccount({ service: 'ZITADEL', method: 'POST', path, found: usersFound, fields, headers: () => ({}), isSuccess });

const resetPage = ({ zitadelResetUrl }: CredentialSettings) => (zitadelResetUrl ?? '').trim();

/** The template's host, its placeholders filled with anything. */
const hostOf = (url: string) => urlHost(url.replace(/\{\{\s*\.\w+\s*\}\}/g, 'x'));

/** Your Reset Page URL with the user's ID, organization and code, as ZITADEL fills a `urlTemplate`. */
const filledResetPage = (answer: unknown, settings: CredentialSettings, earlier: unknown[]) => {
	if (!isJsonObject(answer) || typeof answer.verificationCode !== 'string') return undefined;
	const details = isJsonObject(answer.details) ? answer.details : {};
	const [user] = usersFound(earlier);
	const values: Record<string, string> = { UserID: String(user?.id ?? ''), OrgID: String(details.resourceOwner ?? ''), Code: answer.verificationCode };
	return resetPage(settings).replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_match, name: string) => encodeURIComponent(values[name] ?? ''));
};

const needsResetPage = (settings: CredentialSettings) =>
	/\{\{\s*\.Code\s*\}\}/.test(resetPage(settings)) && hostOf(resetPage(settings)).length
		? undefined
		: "Create Reset Link needs the credential's Reset Page URL, with {{.Code}} in it (and {{.UserID}}, {{.OrgID}} as your page needs): the link is that page";

const sendLink: OperationContract = {
	...findUser(
		onUser('/v2/users/{zitadelUserId}/password_reset', (_input, settings) => ({
			sendLink: { notificationType: 'NOTIFICATION_TYPE_Email', ...(resetPage(settings) ? { urlTemplate: resetPage(settings) } : {}) },
		})),
	),
	requires: ['email'],
};

export const zitadel: ServiceProfile = {
	id: 'zitadel',
	displayName: 'ZITADEL',
	setup: {
		checked: "ZITADEL's User Service v2 protos and password reset guide; the sandbox",
		baseUrl: '`https://<your-instance>.zitadel.cloud` or your own domain',
		notes:
			"**API Key**: a personal access token of a service user with the *Org User Manager* role (or one allowed to read and write users), sent as a Bearer token. **Reset Page URL** (optional for Send Reset Email, needed for Create Reset Link): your page, with ZITADEL's placeholders `{{.UserID}}`, `{{.Code}}` and `{{.OrgID}}` (at most 200 characters); without it ZITADEL's email links to its own login. Every operation finds the user by email first, so an unknown email is known (`user_not_found`; Send Reset Email stays neutral unless Reveal Unknown Accounts is on). Reset Password needs the Email and the code (the Reset Token). Set Password: Require Change makes the user change it at the next sign-in. Not run against a real ZITADEL here.",
		resetToken: 'The code from the email or the link (`{{.Code}}`)',
	},
	baseUrl: { placeholder: 'e.g. https://example-abc123.zitadel.cloud' },
	credentialFields: [
		{
			displayName: 'Reset Page URL',
			name: 'zitadelResetUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://app.example.com/reset?userID={{.UserID}}&code={{.Code}}&orgID={{.OrgID}}',
			description:
				"Your reset page, with ZITADEL's placeholders {{.UserID}}, {{.Code}}, {{.OrgID}}: ZITADEL's email links to it, and Create Reset Link fills it in. Empty: ZITADEL's own login page.",
		},
	],
	credentialTest: {
		method: 'GET',
		path: '/auth/v1/users/me',
		passes: SUCCESS_STATUSES,
		proves: "ZITADEL took the access token at this Base URL and answered its own user (read only). Whether it may manage users shows on the first call",
	},
	auth: {
		apiKey: { in: 'header', name: 'Authorization', prefix: 'Bearer ', required: true, description: 'A personal access token of a ZITADEL service user allowed to manage users, sent as a Bearer token' },
	},
	operations: {
		sendResetEmail: sendLink,
		createResetLink: {
			...findUser(onUser('/v2/users/{zitadelUserId}/password_reset', () => ({ returnCode: {} }), objectWhere((body) => typeof body.verificationCode === 'string'))),
			requires: ['email'],
			settingsProblem: needsResetPage,
			linkHosts: (settings) => hostOf(resetPage(settings)),
			resetLink: filledResetPage,
		},
		resetPassword: {
			...findUser(onUser('/v2/users/{zitadelUserId}/password', ({ newPassword, resetToken }) => ({ newPassword: { password: newPassword, changeRequired: false }, verificationCode: resetToken }))),
			requires: ['email', 'resetToken', 'newPassword'],
		},
		setPassword: {
			...findUser(onUser('/v2/users/{zitadelUserId}/password', ({ newPassword, choices }) => ({ newPassword: { password: newPassword, changeRequired: choices.requireChange } }))),
			requires: ['email', 'newPassword'],
			effects: { requireChange: "ZITADEL's `changeRequired`: the user must change it at the next sign-in", otherSessions: 'unknown' },
		},
	},
	unknownAccount: [],
	errorRules: [
		// Guess: ZITADEL's wrong or expired code ("Code is invalid", "Code is expired"; Errors.User.Code.*).
		{ operation: 'resetPassword', status: (status) => status === 400 || status === 412, when: (body) => /code/i.test(zitadelMessage(body)), code: 'invalid_or_expired_token' },
		{
			operation: ['resetPassword', 'setPassword'],
			when: (body) => /complexity|password.*(policy|short|lower|upper|number|symbol)/i.test(zitadelMessage(body)),
			code: 'weak_password',
			message: ({ serverMessage }) => `ZITADEL refused the new password: ${serverMessage ?? 'it does not meet the password complexity policy'}`,
		},
		{ operation: 'resetPassword', when: (body) => /history|already used|same/i.test(zitadelMessage(body)), code: 'password_reused' },
		{ status: (status) => status === 401 || status === 403, code: 'auth_failed', message: () => "ZITADEL refused the access token, or its user may not manage users: give the service user the Org User Manager role" },
	],
};
