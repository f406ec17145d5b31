import type { ServiceProfile } from './types';

/**
 * Wabotify (a white label of Plazbot), docs.wabotify.com "Reset Password" and "Update Password".
 * Both endpoints are public: no API key is sent. `company` is the white-label code.
 * `verificationId` is single use: 401 on reset means invalid or already used.
 */
export const wabotify: ServiceProfile = {
	id: 'wabotify',
	displayName: 'Wabotify',
	baseUrlPlaceholder: 'e.g. https://api.wabotify.com',
	// Guess: the API host root; Wabotify documents no side-effect-free public endpoint.
	credentialTestPath: '/',
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/api/user/sendEmailToResetPassword',
			requires: ['email'],
			fields: ({ email }, { company }) => ({ email, company: company || 'wabotify' }),
		},
		resetPassword: {
			method: 'POST',
			path: '/api/user/resetPassword',
			requires: ['email', 'resetToken', 'newPassword'],
			fields: ({ email, resetToken, newPassword }) => ({
				email,
				newPassword,
				verificationId: resetToken,
			}),
		},
	},
	isSuccess: (body) => body.success === true,
	errorRules: [
		{ status: 400, code: 'invalid_input' },
		{ operation: 'resetPassword', status: 401, code: 'invalid_or_expired_token' },
		{ operation: 'resetPassword', status: 422, code: 'weak_password' },
	],
};
