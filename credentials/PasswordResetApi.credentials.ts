import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { CUSTOM_SERVICE, SERVICE_PROFILES } from '../nodes/PasswordReset/services';
import { withAuth } from '../nodes/PasswordReset/transport/auth';

const showFor = (...service: string[]) => ({ show: { service } });
const forCustom = showFor(CUSTOM_SERVICE);

const methodOptions = (methods: string[]) => methods.map((method) => ({ name: method, value: method }));

export class PasswordResetApi implements ICredentialType {
	name = 'passwordResetApi';

	displayName = 'Password Reset API';

	icon: Icon = { light: 'file:../icons/password-reset.svg', dark: 'file:../icons/password-reset.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-password-reset/n8n-nodes-password-reset#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Service',
			name: 'service',
			type: 'options',
			options: [
				...SERVICE_PROFILES.map((profile) => ({ name: profile.displayName, value: profile.id })),
				{ name: 'Custom', value: CUSTOM_SERVICE },
			].sort((a, b) => a.name.localeCompare(b.name)),
			default: 'wibiclick',
			description: 'The back end this credential talks to',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://api.example.com',
			description: `The service's API address, without the endpoint path. https only (http:// for localhost). ${SERVICE_PROFILES.map((profile) => `${profile.displayName}: ${profile.baseUrlPlaceholder.replace('e.g. ', '')}`).join('; ')}.`,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Sent on every request, for the services that take one: WibiClick (Authorization: Bearer), Supabase (the anon or publishable key, as apikey), Firebase (the Web API key, as ?key=, Firebase's own contract), Appwrite (optional server key, as X-Appwrite-Key), Custom (the header below). Leave empty for public reset endpoints.",
		},
		{
			displayName: 'Collection',
			name: 'pocketbaseCollection',
			type: 'string',
			default: 'users',
			description: 'The PocketBase auth collection whose records reset their passwords',
			displayOptions: showFor('pocketbase'),
		},
		{
			displayName: 'Project ID',
			name: 'appwriteProjectId',
			type: 'string',
			required: true,
			default: '',
			description: 'The Appwrite project ID (Settings → Project ID), sent as X-Appwrite-Project',
			displayOptions: showFor('appwrite'),
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
			displayOptions: showFor('appwrite'),
		},
		{
			displayName: 'Client ID',
			name: 'auth0ClientId',
			type: 'string',
			required: true,
			default: '',
			description: 'The Client ID of an Auth0 application (public, not the secret)',
			displayOptions: showFor('auth0'),
		},
		{
			displayName: 'Connection',
			name: 'auth0Connection',
			type: 'string',
			default: 'Username-Password-Authentication',
			description: 'The Auth0 database connection the users belong to',
			displayOptions: showFor('auth0'),
		},
		{
			displayName: 'Reset URL',
			name: 'directusResetUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://app.example.com/reset',
			description:
				"Optional page the Directus email links to; must be in Directus's PASSWORD_RESET_URL_ALLOW_LIST. Leave empty for Directus's own page.",
			displayOptions: showFor('directus'),
		},
		{
			displayName: 'Company',
			name: 'company',
			type: 'string',
			default: 'wabotify',
			description: 'The white-label company code Wabotify expects with each reset email request',
			displayOptions: showFor('wabotify'),
		},
		{
			displayName: 'Send Reset Email Path',
			name: 'sendEmailPath',
			type: 'string',
			default: '',
			placeholder: 'e.g. /auth/recover',
			description:
				"Path of the endpoint that emails a reset token. Required for Custom; for the other services, leave empty to use the service's documented path.",
		},
		{
			displayName: 'Reset Password Path',
			name: 'resetPath',
			type: 'string',
			default: '',
			placeholder: 'e.g. /auth/reset',
			description:
				"Path of the endpoint that sets the new password. Required for Custom; for the other services, leave empty to use the service's documented path.",
		},
		{
			displayName: 'Send Reset Email Method',
			name: 'customSendMethod',
			type: 'options',
			options: methodOptions(['GET', 'PATCH', 'POST', 'PUT']),
			default: 'POST',
			description: 'With GET the email goes in the query string; otherwise in a JSON body',
			displayOptions: forCustom,
		},
		{
			displayName: 'Send Reset Email Field',
			name: 'customSendEmailField',
			type: 'string',
			default: 'email',
			description: 'Name of the request field that carries the email',
			displayOptions: forCustom,
		},
		{
			displayName: 'Reset Password Method',
			name: 'customResetMethod',
			type: 'options',
			options: methodOptions(['PATCH', 'POST', 'PUT']),
			default: 'POST',
			description: 'The token and new password always travel in a JSON body, never in a URL',
			displayOptions: forCustom,
		},
		{
			displayName: 'Reset Token Field',
			name: 'customResetCodeField',
			type: 'string',
			default: 'token',
			description: 'Name of the body field that carries the reset token',
			displayOptions: forCustom,
		},
		{
			displayName: 'New Password Field',
			name: 'customNewPassField',
			type: 'string',
			default: 'password',
			description: 'Name of the body field that carries the new password',
			displayOptions: forCustom,
		},
		{
			displayName: 'Reset Email Field',
			name: 'customResetEmailField',
			type: 'string',
			default: '',
			description: 'Name of the body field that carries the email on Reset Password, if the API needs it. Leave empty to send no email.',
			displayOptions: forCustom,
		},
		{
			displayName: 'Auth Header Name',
			name: 'customAuthHeaderName',
			type: 'string',
			default: 'Authorization',
			description: 'Header that carries the API key (sent only when an API key is set)',
			displayOptions: forCustom,
		},
		{
			displayName: 'Auth Header Prefix',
			name: 'customAuthHeaderPrefix',
			type: 'string',
			default: 'Bearer ',
			description: 'Text before the API key in the header, e.g. "Bearer ". Leave empty to send the key alone.',
			displayOptions: forCustom,
		},
		{
			displayName: 'Success Field',
			name: 'customSuccessField',
			type: 'string',
			default: '',
			placeholder: 'e.g. success',
			description: 'A body field that must be true for a 2xx answer to count as success. Leave empty to accept any 2xx.',
			displayOptions: forCustom,
		},
		{
			displayName: 'Unknown Account Message',
			name: 'customUnknownAccountText',
			type: 'string',
			default: '',
			placeholder: 'e.g. User not found',
			description:
				"Text that only your API's error answer (4xx) for an email with no account contains. Such answers are unknown accounts: the neutral success on Send Reset Email. Leave empty if the API answers unknown emails like known ones; any other 404 fails as endpoint_not_found.",
			displayOptions: forCustom,
		},
		{
			displayName: 'Credential Test Path',
			name: 'credentialTestPath',
			type: 'string',
			default: '',
			placeholder: 'e.g. /health',
			description:
				"A path that answers 2xx to a GET without side effects, used by the credential test. Leave empty for the service's default. Never a reset endpoint: testing it would send mail.",
		},
	];

	/** Applies the service's auth (see `withAuth`): the node's requests and its credential test share it. */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => withAuth(credentials, requestOptions);
}
