import type { IDataObject } from 'n8n-workflow';

import type { ServiceProfile } from '../kernel/types';

/**
 * Magento 2 / Adobe Commerce REST (2.4 line), from `Customer/etc/webapi.xml` and
 * `Model/AccountManagement.php` (source). Base URL: the store's REST root, `…/rest/V1` (or
 * `…/rest/<store code>/V1`). Both routes are anonymous: no token. Success is a bare JSON `true`;
 * errors are `{message, parameters}` with `%1`-style placeholders. Not run against a real
 * Magento here (none installs from npm or Debian): the message texts are from source, the
 * 404 body shape and the rate-limit status are guesses.
 */
const messageOf = (body: IDataObject) => String(body.message ?? '');
const says = (pattern: RegExp) => (body: IDataObject) => pattern.test(messageOf(body));

export const magento: ServiceProfile = {
	id: 'magento',
	displayName: 'Magento 2',
	setup: {
		checked: 'Source (Magento 2.4 `Customer` module); the unknown-email 404 body is a guess; the sandbox',
		baseUrl: '`https://<store>/rest/V1` (or `/rest/<store code>/V1`)',
		notes:
			'No token: both routes are anonymous. **Website ID** (default 1). Reset Password needs the **Email**; Reset Token is the `token` in the emailed link. A bare `false` on send means Magento could not send the mail (`server_error`). Not run against a real Magento here: the error texts come from its source, the 404 body for an unknown email is a guess.',
	},
	baseUrl: { placeholder: 'e.g. https://shop.example.com/rest/V1' },
	credentialFields: [
		{
			displayName: 'Website ID',
			name: 'magentoWebsiteId',
			type: 'string',
			default: '1',
			description: 'The Magento website the customers belong to (Stores → All Stores; the default website is 1)',
		},
	],
	// The send route refuses a request without an email with its own validation message (a guess).
	credentialTest: {
		method: 'PUT',
		path: '/customers/password',
		fields: {},
		passes: [400],
		proves: "Magento's reset-email route refused a request without an email, so no email was sent and the Base URL (with /rest/V1) is right",
	},
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'PUT',
			path: '/customers/password',
			requires: ['email'],
			isSuccess: ({ body }) => body === true,
			fields: ({ email }, { magentoWebsiteId }) => ({ email, template: 'email_reset', websiteId: Number(magentoWebsiteId || 1) }),
		},
		resetPassword: {
			method: 'POST',
			path: '/customers/resetPassword',
			requires: ['email', 'resetToken', 'newPassword'],
			isSuccess: ({ body }) => body === true,
			fields: ({ email, resetToken, newPassword }) => ({ email, resetToken, newPassword }),
		},
		// Its check needs the customer's numeric id, which a reset email does not carry.
	},
	unknownAccount: [
		{
			status: 404,
			when: says(/^No such entity with/i),
			source: 'AccountManagement.php: customerRepository->get() throws NoSuchEntityException (the body text is a guess)',
		},
	],
	errorRules: [
		// `false`: Magento could not send the mail (its transport failed and it logged why).
		{ operation: 'sendResetEmail', status: (status) => status >= 200 && status < 300, when: (_body, rawBody) => rawBody === false, code: 'server_error' },
		{ when: says(/password token is (mismatched|expired)|reset password token/i), code: 'invalid_or_expired_token' },
		{ when: says(/password needs at least|classes of characters|begin or end with a space|at most %?\d* ?characters|different from the email/i), code: 'weak_password' },
		{ when: says(/too many requests for password resets/i), code: 'rate_limited' },
	],
};
