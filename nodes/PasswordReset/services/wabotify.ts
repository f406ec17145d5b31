import { VALIDATION_REFUSALS, successFlag } from './answers';
import type { ServiceProfile } from '../kernel/types';

/**
 * Wabotify (a white label of Plazbot), docs.wabotify.com "Reset Password" and "Update Password".
 * Both endpoints are public: no API key is sent. `company` is the white-label code.
 * `verificationId` is single use: 401 on reset means invalid or already used.
 */
export const wabotify: ServiceProfile = {
	id: 'wabotify',
	displayName: 'Wabotify',
	setup: {
		checked: 'Its documentation (docs.wabotify.com); the sandbox',
		baseUrl: '`https://api.wabotify.com`',
		notes:
			'**Company**: the white-label code (default `wabotify`). Reset Password needs the **Email** too.',
	},
	baseUrl: { placeholder: 'e.g. https://api.wabotify.com' },
	credentialFields: [
		{
			displayName: 'Company',
			name: 'company',
			type: 'string',
			default: 'wabotify',
			description: 'The white-label company code Wabotify expects with each reset email request',
		},
	],
	// Documented: 400 when the email or company is missing. The route is public: no key to check.
	credentialTest: {
		method: 'POST',
		path: '/api/user/sendEmailToResetPassword',
		fields: {},
		passes: VALIDATION_REFUSALS,
		proves: "Wabotify's send route refused a request without an email, so no email was sent and the Base URL is right. Its reset routes are public: there is no key to check",
	},
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/api/user/sendEmailToResetPassword',
			requires: ['email'],
			isSuccess: successFlag,
			fields: ({ email }, { company }) => ({ email, company: company || 'wabotify' }),
		},
		resetPassword: {
			method: 'POST',
			path: '/api/user/resetPassword',
			requires: ['email', 'resetToken', 'newPassword'],
			isSuccess: successFlag,
			fields: ({ email, resetToken, newPassword }) => ({
				email,
				newPassword,
				verificationId: resetToken,
			}),
		},
	},
	unknownAccount: [
		{
			status: 404,
			// The envelope alone is not enough: the app could wrap its route 404 in it too.
			when: (body) => body.success === false && body.code === 404 && /user|usuario/i.test(String(body.message ?? '')),
			source:
				'Docs (docs.wabotify.com "Reset Password", "Update Password"): 404 when no user has that email in the company; the envelope is Plazbot\'s, its message a guess',
		},
	],
	errorRules: [
		{ status: 400, code: 'invalid_input' },
		{ operation: 'resetPassword', status: 401, code: 'invalid_or_expired_token' },
		{ operation: 'resetPassword', status: 422, code: 'weak_password' },
	],
};
