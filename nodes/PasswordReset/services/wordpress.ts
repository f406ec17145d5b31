import type { IDataObject } from 'n8n-workflow';

import { needsField, objectWhere, setOnFoundAccount, SUCCESS_STATUSES } from './answers';
import type { CredentialSettings, ServiceProfile } from '../kernel/types';

/**
 * WordPress core (source: Debian bookworm's 6.1.9: `wp-login.php` lostpassword, `user.php`
 * retrieve_password and wp_authenticate_application_password, `class-wp-rest-users-controller.php`).
 * Base URL: the site, `https://<site>`. Send Reset Email is the lost-password form, posted as a
 * browser does: WordPress answers a redirect to `wp-login.php?checkemail=confirm` when it mailed
 * the link, and the form again (200) with an error otherwise: an unknown address says so
 * ("There is no account with that username or email address."), a mail failure says "could not be
 * sent". Set Password is the REST API with an Application Password (Basic auth): the user found
 * by email (`search`, a substring in `user_email` for a term with `@`, narrowed to the address),
 * then `POST /wp/v2/users/{id} {password}`. The REST routes are `/wp-json/…`: pretty permalinks.
 */
const LOST_PASSWORD_SENT = /[?&]checkemail=confirm(&|$)/;
/** The page WordPress answered (HTML), for its error texts. */
const pageText = (raw: unknown) => (typeof raw === 'string' ? raw : '');
const restCode = (body: IDataObject) => (typeof body.code === 'string' ? body.code : undefined);

/** Basic auth with the Application Password, as WordPress reads it (`wp_authenticate_application_password`). */
const basicAuth = ({ wordpressUsername, wordpressAppPassword }: CredentialSettings) =>
	`Basic ${Buffer.from(`${wordpressUsername ?? ''}:${wordpressAppPassword ?? ''}`).toString('base64')}`;

export const wordpress: ServiceProfile = {
	id: 'wordpress',
	displayName: 'WordPress',
	setup: {
		checked: "Real instance in CI: Debian's WordPress 6.1.9 on PHP 8.2 and MariaDB 10.11 (`test/real/wordpress.cjs`)",
		baseUrl: '`https://<your site>` (where `wp-login.php` is)',
		notes:
			'Send Reset Email posts WordPress\'s lost-password form (no key): WordPress mails its own link (`wp-login.php?action=rp`), valid one day; it reveals unknown addresses, which the node reports only with Reveal Unknown Accounts. Reset Password fails with `not_supported`: the user sets the password on WordPress\'s page. **Username** and **Application Password**: only for Set Password, an administrator\'s (or any user with `list_users` and `edit_users`) Application Password (Users → Profile → Application Passwords; WordPress allows them on https sites); least privilege: a dedicated user whose role has only those two capabilities. Set Password uses the REST API under `/wp-json/` (pretty permalinks, anything but Plain); WordPress checks only that the password is not empty and has no `\\`, mails the user a "password changed" notice and ends their login cookies.',
	},
	baseUrl: { placeholder: 'e.g. https://shop.example.com' },
	credentialFields: [
		{
			displayName: 'Username',
			name: 'wordpressUsername',
			type: 'string',
			default: '',
			description: "Only for Set Password: the WordPress user the Application Password belongs to (one allowed to list and edit users)",
		},
		{
			displayName: 'Application Password',
			name: 'wordpressAppPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for Set Password: that user's Application Password (Users → Profile → Application Passwords), sent as Basic auth to this site alone. Not the user's own password.",
		},
	],
	// The REST index: proves the Base URL is a WordPress site with its REST routes, changes nothing.
	credentialTest: {
		method: 'GET',
		path: '/wp-json/',
		passes: SUCCESS_STATUSES,
		proves: "WordPress's REST index answered at this Base URL (pretty permalinks on). The Application Password is checked on a set",
	},
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/wp-login.php',
			query: { action: 'lostpassword' },
			bodyFormat: 'form',
			answersWithRedirect: true,
			requires: ['email'],
			fields: ({ email }) => ({ user_login: email, redirect_to: '', 'wp-submit': 'Get New Password' }),
			// Mailed: the redirect to `checkemail=confirm` (wp-login.php). Anything else is no success.
			isSuccess: ({ status, headers }) => status >= 300 && LOST_PASSWORD_SENT.test(String(headers.location ?? '')),
		},
		resetPassword: {
			notSupported: "WordPress finishes password resets on its own page: the emailed link (wp-login.php?action=rp) opens it and the user sets the new password there. Use Send Reset Email, or Set Password",
		},
		setPassword: {
			method: 'GET',
			path: '/wp-json/wp/v2/users',
			requires: ['email', 'newPassword'],
			settingsProblem: (settings) =>
				needsField('wordpressUsername', "Set Password needs the credential's Username and Application Password: WordPress's users routes need a user allowed to edit users")(settings) ??
				needsField('wordpressAppPassword', "Set Password needs the credential's Application Password (Users → Profile → Application Passwords)")(settings),
			// The Basic header is a form of the Application Password: redacted everywhere too.
			derivedSecrets: (_input, settings) => [basicAuth(settings).slice('Basic '.length)],
			headers: (_input, settings) => ({ Authorization: basicAuth(settings) }),
			fields: ({ email }) => ({ search: email, context: 'edit', per_page: '50' }),
			isSuccess: ({ body }) => Array.isArray(body),
			// Login cookies end (their hash includes the password's, pluggable.php); Application Passwords stay (Guess): not all sessions.
			effects: { otherSessions: 'unknown' },
			then: setOnFoundAccount({
				service: 'WordPress',
				method: 'POST',
				path: '/wp-json/wp/v2/users/{wordpressUserId}',
				found: (answers) => answers[0],
				fields: ({ newPassword }) => ({ password: newPassword }),
				headers: (_previous, _answers, settings) => ({ Authorization: basicAuth(settings) }),
				isSuccess: objectWhere((body) => body.id !== undefined),
			}),
		},
	},
	errorCodeOf: restCode,
	unknownAccount: [
		{
			operation: 'sendResetEmail',
			status: 200,
			when: (_body, raw) => /There is no account with that username or email address/i.test(pageText(raw)),
			source: 'wp-login.php / user.php retrieve_password: invalid_email "There is no account with that username or email address."',
		},
	],
	errorRules: [
		{ operation: 'sendResetEmail', status: 200, when: (_body, raw) => /could not be sent/i.test(pageText(raw)), code: 'server_error', message: () => 'WordPress could not send the reset email: the site has no working mailer. Set one up in WordPress (an SMTP plugin)' },
		{ operation: 'sendResetEmail', status: 200, when: (_body, raw) => /Password reset is not allowed/i.test(pageText(raw)), code: 'user_disabled' },
		{
			operation: 'setPassword',
			serviceCode: ['rest_not_logged_in', 'incorrect_password', 'invalid_username', 'rest_forbidden_context', 'rest_cannot_edit', 'rest_cannot_list', 'application_passwords_disabled'],
			code: 'auth_failed',
			message: ({ body }) => `WordPress refused the Application Password (${String(body.code)}). Check the credential's Username and Application Password, and that the user may list and edit users`,
		},
		// The reason is the parameter's own (`data.params.password`: 'Passwords cannot contain the "\\" character.').
		{
			operation: 'setPassword',
			serviceCode: 'rest_invalid_param',
			code: 'weak_password',
			message: ({ body, serverMessage }) => `WordPress refused the new password: ${String(((body.data as IDataObject | undefined)?.params as IDataObject | undefined)?.password ?? serverMessage ?? 'invalid')}`,
		},
		{ serviceCode: 'rest_no_route', code: 'endpoint_not_found', message: () => "WordPress has no such REST route here. Check the Base URL, and that the site's permalinks are not Plain (the REST API's /wp-json/ routes need them)" },
	],
};
