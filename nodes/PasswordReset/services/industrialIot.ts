import type { IDataObject } from 'n8n-workflow';

import { objectWhere } from './answers';
import type { ServiceProfile } from '../kernel/types';

/** The documented (wiki) and coded error strings for a bad token: `invalid token` / `expired token`. */
const isTokenError = (body: IDataObject) =>
	/^(invalid|expired) token$/i.test(String(body.error ?? body.Error ?? ''));

/**
 * industrial-IOT (n1lby73/industrial-IOT, Flask-RESTful), `web-ui/webApp/apiRoute.py`.
 * Reset is `PUT /api/resetouttoken {token, new}`; the wiki spells the success key `succcess`,
 * the code `success`. As deployed, every branch answers `500 {"message": "Internal Server Error"}`,
 * even after changing the password: the generic mapping makes that `unknown_outcome`.
 */
export const industrialIot: ServiceProfile = {
	id: 'industrialIot',
	displayName: 'Industrial IOT',
	setup: {
		checked: 'Its wiki and source; the sandbox',
		baseUrl: '`https://industrialiot.onrender.com`',
		notes:
			'Send Reset Email fails with `not_supported`: the service takes the email as a JSON body on a GET request, and n8n drops the body of every GET, so the mail would never be requested. Start the reset on the service itself, then use Reset Password here.',
	},
	baseUrl: { placeholder: 'e.g. https://industrialiot.onrender.com' },
	// reqparse refuses a missing argument with 400 before any branch runs, as deployed too.
	credentialTest: {
		method: 'PUT',
		path: '/api/resetouttoken',
		fields: {},
		passes: [400],
		proves: "Industrial IOT's reset route refused a request without a token, so nothing changed and the Base URL is right",
	},
	auth: {},
	operations: {
		sendResetEmail: {
			notSupported:
				'Industrial IOT sends the reset token from GET /api/resetpass with a JSON body, and n8n drops the body of every GET request, so the email would never reach the service. Start the reset from the service itself, then use Reset Password with the emailed token',
		},
		resetPassword: {
			method: 'PUT',
			path: '/api/resetouttoken',
			requires: ['resetToken', 'newPassword'],
			isSuccess: objectWhere((body) => Boolean(body.success ?? body.succcess) && !body.error && !body.Error),
			fields: ({ resetToken, newPassword }) => ({ token: resetToken, new: newPassword }),
		},
	},
	// Only its send tells unknown emails apart (400 "incorrect email"), and n8n cannot call it.
	unknownAccount: [],
	errorRules: [
		// Before 2024-01 the same errors came back as HTTP 200 `{"Error": "Invalid Token"}`.
		{ when: isTokenError, status: (status) => status < 500, code: 'invalid_or_expired_token' },
		{ status: 401, when: (body) => body.error === 'user is logged in', code: 'auth_failed' },
		// A reqparse rejection (`{"message": {"token": "Missing required parameter ..."}}`).
		{ status: 400, when: (body) => typeof body.message === 'object', code: 'invalid_input' },
	],
};
