import type { CredentialSettings, HttpMethod, ServiceProfile } from './types';

const bodyMethod = (method: string | undefined): HttpMethod =>
	method === 'PUT' || method === 'PATCH' ? method : 'POST';

/**
 * Any JSON REST reset API, described by the credential's Custom fields. Paths come from the
 * credential's Send Reset Email Path and Reset Password Path, which Custom requires.
 * Reset Password never uses GET: the token and the new password must not travel in a URL.
 */
export const buildCustomProfile = (settings: CredentialSettings): ServiceProfile => {
	const successField = settings.customSuccessField?.trim();
	const resetEmailField = settings.customResetEmailField?.trim();
	const sendMethod: HttpMethod = settings.customSendMethod === 'GET' ? 'GET' : bodyMethod(settings.customSendMethod);
	return {
		id: 'custom',
		displayName: 'Custom',
		baseUrlPlaceholder: 'e.g. https://auth.example.com/api',
		credentialTestPath: '/',
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
				fields: ({ email, resetToken, newPassword }) => ({
					[settings.customResetCodeField?.trim() || 'token']: resetToken,
					[settings.customNewPassField?.trim() || 'password']: newPassword,
					...(resetEmailField ? { [resetEmailField]: email } : {}),
				}),
			},
		},
		isSuccess: (body) => !successField || body[successField] === true,
		errorRules: [],
	};
};
