import type { IDataObject } from 'n8n-workflow';

import { objectOrEmpty } from './answers';
import type { ServiceProfile } from '../kernel/types';

/**
 * PocketBase, from `apis/record_auth_password_reset_{request,confirm}.go` (source). Public
 * routes per auth collection (credential field Collection, default `users`); both answer 204.
 * Field errors sit under `data`: `{code: 400, message, data: {token: {code, message}}}`.
 */
const fieldCodes = (body: IDataObject) =>
	Object.values((body.data as IDataObject | undefined) ?? {}).map((field) => String((field as IDataObject)?.code ?? ''));

const hasFieldCode = (pattern: RegExp) => (body: IDataObject) => fieldCodes(body).some((code) => pattern.test(code));

export const pocketbase: ServiceProfile = {
	id: 'pocketbase',
	displayName: 'PocketBase',
	setup: {
		checked: 'Source (`apis/record_auth_password_reset_*.go`); the sandbox',
		baseUrl: '`https://<your-pocketbase>`',
		notes:
			'**Collection**: the auth collection (default `users`). No API key.',
	},
	baseUrl: { placeholder: 'e.g. https://pb.example.com' },
	credentialFields: [
		{
			displayName: 'Collection',
			name: 'pocketbaseCollection',
			type: 'string',
			default: 'users',
			description: 'The PocketBase auth collection whose records reset their passwords',
		},
	],
	// The route looks the collection up (404 when unknown), then validates the body.
	credentialTest: {
		method: 'POST',
		path: '/api/collections/{pocketbaseCollection}/request-password-reset',
		fields: {},
		passes: [400],
		proves:
			"The collection's password-reset route refused a request without an email, so no email was sent, and the Base URL and Collection are right. Its reset routes are public: there is no key to check",
	},
	auth: {},
	operations: {
		sendResetEmail: {
			method: 'POST',
			path: '/api/collections/{pocketbaseCollection}/request-password-reset',
			requires: ['email'],
			isSuccess: objectOrEmpty,
			fields: ({ email }) => ({ email }),
		},
		resetPassword: {
			method: 'POST',
			path: '/api/collections/{pocketbaseCollection}/confirm-password-reset',
			requires: ['resetToken', 'newPassword'],
			isSuccess: objectOrEmpty,
			fields: ({ resetToken, newPassword }) => ({ token: resetToken, password: newPassword, passwordConfirm: newPassword }),
		},
	},
	// The request route answers 204 for every email, before looking the record up (source).
	unknownAccount: [],
	errorRules: [
		{ status: 400, when: hasFieldCode(/invalid_token/), code: 'invalid_or_expired_token' },
		{ status: 400, when: hasFieldCode(/values_mismatch/), code: 'passwords_mismatch' },
		{ operation: 'resetPassword', status: 400, when: hasFieldCode(/length|password/), code: 'weak_password' },
		{ status: 400, when: (body) => /not configured to allow password/i.test(String(body.message ?? '')), code: 'not_supported' },
	],
};
