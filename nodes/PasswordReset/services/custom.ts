import { ANY_ROUTE_REFUSAL } from './answers';
import { isJsonObject, valueAtPath } from '../kernel/json';
import type { CredentialField, CredentialSettings, HttpMethod, RawAnswer, ServiceProfile } from '../kernel/types';

const methodOptions = (methods: string[]) => methods.map((method) => ({ name: method, value: method }));

/** The credential's Custom fields, grouped by operation: the paths are required here. */
const CUSTOM_CREDENTIAL_FIELDS: CredentialField[] = [
	{
		displayName: 'Send Reset Email Path',
		name: 'sendEmailPath',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. /auth/recover',
		description: 'Path of the endpoint that emails a reset token, under the Base URL',
	},
	{
		displayName: 'Send Reset Email Method',
		name: 'customSendMethod',
		type: 'options',
		options: methodOptions(['GET', 'PATCH', 'POST', 'PUT']),
		default: 'POST',
		description: 'With GET the email goes in the query string; otherwise in a JSON body',
	},
	{
		displayName: 'Send Reset Email Field',
		name: 'customSendEmailField',
		type: 'string',
		default: 'email',
		description: 'Name of the request field that carries the email',
	},
	{
		displayName: 'Reset Password Path',
		name: 'resetPath',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. /auth/reset',
		description: 'Path of the endpoint that sets the new password, under the Base URL',
	},
	{
		displayName: 'Reset Password Method',
		name: 'customResetMethod',
		type: 'options',
		options: methodOptions(['PATCH', 'POST', 'PUT']),
		default: 'POST',
		description: 'The token and new password always travel in a JSON body, never in a URL',
	},
	{
		displayName: 'Reset Token Field',
		name: 'customResetCodeField',
		type: 'string',
		default: 'token',
		description: 'Name of the body field that carries the reset token',
	},
	{
		displayName: 'New Password Field',
		name: 'customNewPassField',
		type: 'string',
		default: 'password',
		description: 'Name of the body field that carries the new password',
	},
	{
		displayName: 'Reset Email Field',
		name: 'customResetEmailField',
		type: 'string',
		default: '',
		description: 'Name of the body field that carries the email on Reset Password, if the API needs it. Leave empty to send no email.',
	},
	{
		displayName: 'Create Reset Link Path',
		name: 'createLinkPath',
		type: 'string',
		default: '',
		placeholder: 'e.g. /admin/reset-links',
		description:
			'Only for Create Reset Link: path of an admin endpoint that answers a reset link for an email (POST, the email in the Send Reset Email Field), under the Base URL',
	},
	{
		displayName: 'Reset Link Field',
		name: 'customResetLinkField',
		type: 'string',
		default: 'link',
		description: "Only for Create Reset Link: the answer's field holding the link, by name or dot path (e.g. data.link)",
	},
	{
		displayName: 'Auth Header Name',
		name: 'customAuthHeaderName',
		type: 'string',
		default: 'Authorization',
		description: 'Header that carries the API key (sent only when an API key is set)',
	},
	{
		displayName: 'Auth Header Prefix',
		name: 'customAuthHeaderPrefix',
		type: 'string',
		default: 'Bearer ',
		description: 'Text before the API key in the header, e.g. "Bearer ". Leave empty to send the key alone.',
	},
	{
		displayName: 'Success Field',
		name: 'customSuccessField',
		type: 'string',
		default: '',
		placeholder: 'e.g. success',
		description: 'A body field that must be true for a 2xx answer to count as success. Leave empty to accept any 2xx.',
	},
	{
		displayName: 'Unknown Account Message',
		name: 'customUnknownAccountText',
		type: 'string',
		default: '',
		placeholder: 'e.g. User not found',
		description:
			"Text that only your API's error answer (4xx) for an email with no account contains. Such answers are unknown accounts: the neutral success on Send Reset Email. Leave empty if the API answers unknown emails like known ones; any other 404 fails as endpoint_not_found.",
	},
];

const bodyMethod = (method: string | undefined): HttpMethod =>
	method === 'PUT' || method === 'PATCH' ? method : 'POST';

const RESET_FIELD_NAMES: Record<string, string> = {
	code: 'Reset Token Field',
	newPassword: 'New Password Field',
	email: 'Reset Email Field',
};

/** Two Custom fields with one name would make one value overwrite the other in the body. */
const collision = (fields: Record<string, string>) => {
	const entries = Object.entries(fields);
	for (const [index, [role, name]] of entries.entries()) {
		const other = entries.slice(index + 1).find(([, otherName]) => otherName === name);
		if (other) {
			return `The credential's ${RESET_FIELD_NAMES[role]} and ${RESET_FIELD_NAMES[other[0]]} are both "${name}": one value would overwrite the other. Give each its own name`;
		}
	}
	return undefined;
};

/**
 * Any JSON REST reset API, described by the credential's Custom fields. Paths come from the
 * credential's Send Reset Email Path and Reset Password Path, which Custom requires.
 * Reset Password never uses GET: the token and the new password must not travel in a URL.
 * Nothing tells an unknown account from a wrong route unless the credential's Unknown Account
 * Message names the text the API answers for one: without it, every 404 is `endpoint_not_found`.
 */
export const buildCustomProfile = (settings: CredentialSettings): ServiceProfile => {
	const successField = settings.customSuccessField?.trim();
	const resetEmailField = settings.customResetEmailField?.trim();
	const unknownAccountText = settings.customUnknownAccountText?.trim().toLowerCase();
	const resetFields = {
		code: settings.customResetCodeField?.trim() || 'token',
		newPassword: settings.customNewPassField?.trim() || 'password',
		...(resetEmailField ? { email: resetEmailField } : {}),
	};
	// Any 2xx JSON object (or empty body), with the Success Field true where one is set.
	const isSuccess = ({ body }: RawAnswer) =>
		successField ? isJsonObject(body) && body[successField] === true : body === undefined || isJsonObject(body);
	const sendMethod: HttpMethod = settings.customSendMethod === 'GET' ? 'GET' : bodyMethod(settings.customSendMethod);
	const sendEmailField = settings.customSendEmailField?.trim() || 'email';
	return {
		id: 'custom',
		displayName: 'Custom',
		setup: {
			checked: 'Your API: the node checks what you configure',
			baseUrl: 'your API',
			notes:
				'Method and path per operation, the field names for email, token, new password (and email on reset, if needed), the auth header and its prefix, an optional **Success Field** that must be `true` in a 2xx answer, and an optional **Unknown Account Message**: text only your API\'s error answer (4xx) for an unknown email contains, e.g. `User not found`. Without it every 404 is `endpoint_not_found`, never "sent". Reset Password never uses GET: secrets do not travel in URLs. Create Reset Link: an optional **Create Reset Link Path** (POST, the email in the Send Reset Email Field) and the answer\'s **Reset Link Field**.',
		},
		baseUrl: { placeholder: 'e.g. https://auth.example.com/api' },
		credentialFields: CUSTOM_CREDENTIAL_FIELDS,
		// Any route's own refusal (a 4xx, not a 404 or 405) of a request without an email.
		credentialTest: {
			method: sendMethod,
			path: settings.sendEmailPath?.trim() ?? '',
			fields: {},
			passes: ANY_ROUTE_REFUSAL,
			proves:
				'Your send route answered a request without an email with its own answer, not a 404, so the Base URL and Send Reset Email Path lead to a route. Whether it is the right one, and the API key, show when an email is sent',
		},
		auth: {
			apiKey: {
				in: 'header',
				name: settings.customAuthHeaderName?.trim() || 'Authorization',
				prefix: settings.customAuthHeaderPrefix ?? 'Bearer ',
				required: false,
				description: 'Optional: sent in the Auth Header Name below, after the Auth Header Prefix. Leave empty for public reset endpoints',
			},
		},
		operations: {
			sendResetEmail: {
				method: sendMethod,
				path: '',
				requires: ['email'],
				isSuccess,
				fields: ({ email }) => ({ [sendEmailField]: email }),
			},
			resetPassword: {
				method: bodyMethod(settings.customResetMethod),
				path: '',
				requires: resetEmailField ? ['email', 'resetToken', 'newPassword'] : ['resetToken', 'newPassword'],
				settingsProblem: () => collision(resetFields),
				isSuccess,
				fields: ({ email, resetToken, newPassword }) => ({
					[resetFields.code]: resetToken,
					[resetFields.newPassword]: newPassword,
					...(resetFields.email ? { [resetFields.email]: email } : {}),
				}),
			},
			createResetLink: {
				method: 'POST',
				path: settings.createLinkPath?.trim() ?? '',
				requires: ['email'],
				isSuccess,
				fields: ({ email }) => ({ [sendEmailField]: email }),
				resetLink: (answer) => valueAtPath(answer, settings.customResetLinkField?.trim() || 'link'),
			},
		},
		unknownAccount: unknownAccountText
			? [
					{
						status: (status) => status >= 400 && status < 500,
						when: (_body, rawBody) => JSON.stringify(rawBody ?? '').toLowerCase().includes(unknownAccountText),
						source: "The credential's Unknown Account Message",
					},
				]
			: [],
		errorRules: [],
	};
};
