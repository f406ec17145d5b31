import type { CredentialSettings, HttpMethod, ServiceProfile } from './types';

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
		const sendMethod: HttpMethod = settings.customSendMethod === 'GET' ? 'GET' : bodyMethod(settings.customSendMethod);
	return {
		id: 'custom',
		displayName: 'Custom',
		baseUrlPlaceholder: 'e.g. https://auth.example.com/api',
		// Any route's own answer (not a 404 or 405) to a request without an email.
		credentialTest: {
			method: sendMethod,
			path: settings.sendEmailPath?.trim() ?? '',
			fields: {},
			expect: ({ status, isJson }) => isJson && status < 500 && ![401, 403, 404, 405].includes(status),
			proves:
				'Your send route answered a request without an email with its own answer, not a 404, so the Base URL and Send Reset Email Path lead to a route. Whether it is the right one, and the API key, show when an email is sent',
		},
		auth: {
			apiKey: {
				in: 'header',
				name: settings.customAuthHeaderName?.trim() || 'Authorization',
				prefix: settings.customAuthHeaderPrefix ?? 'Bearer ',
			},
		},
		operations: {
			sendResetEmail: {
				method: sendMethod,
				path: '',
				requires: ['email'],
				fields: ({ email }) => ({ [settings.customSendEmailField?.trim() || 'email']: email }),
			},
			resetPassword: {
				method: bodyMethod(settings.customResetMethod),
				path: '',
				requires: resetEmailField ? ['email', 'resetToken', 'newPassword'] : ['resetToken', 'newPassword'],
				settingsProblem: collision(resetFields),
				fields: ({ email, resetToken, newPassword }) => ({
					[resetFields.code]: resetToken,
					[resetFields.newPassword]: newPassword,
					...(resetFields.email ? { [resetFields.email]: email } : {}),
				}),
			},
		},
		isSuccess: (body) => !successField || body[successField] === true,
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
