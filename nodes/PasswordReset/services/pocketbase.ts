import type { IDataObject } from 'n8n-workflow';

import { needsField, objectOrEmpty, objectWhere, setOnFoundAccount } from './answers';
import type { CredentialSettings, ServiceProfile } from '../kernel/types';

/**
 * PocketBase, from `apis/record_auth_password_reset_{request,confirm}.go` (source). Public
 * routes per auth collection (credential field Collection, default `users`); both answer 204.
 * Field errors sit under `data`: `{code: 400, message, data: {token: {code, message}}}`.
 */
const fieldCodes = (body: IDataObject) =>
	Object.values((body.data as IDataObject | undefined) ?? {}).map((field) => String((field as IDataObject)?.code ?? ''));

const hasFieldCode = (pattern: RegExp) => (body: IDataObject) => fieldCodes(body).some((code) => pattern.test(code));

/** The records the search found (its `isSuccess` found a list). */
const recordsFound = (answers: unknown[]) => (answers[0] as IDataObject).items;
/** A superuser's token, as PocketBase reads it (`Authorization`, a `Bearer ` prefix optional: `apis/middlewares.go`). */
const superuserHeaders = ({ pocketbaseSuperuserToken }: CredentialSettings) => ({ Authorization: `Bearer ${pocketbaseSuperuserToken ?? ''}` });
/** The email as a filter string literal: quotes and backslashes escaped (`tools/search`'s fexpr). */
const filterText = (email: string) => `'${email.replace(/[\\']/g, (character) => `\\${character}`)}'`;

export const pocketbase: ServiceProfile = {
	id: 'pocketbase',
	displayName: 'PocketBase',
	setup: {
		checked: 'Source (`apis/record_auth_password_reset_*.go`); the sandbox',
		baseUrl: '`https://<your-pocketbase>`',
		notes:
			'**Collection**: the auth collection (default `users`). No API key. **Superuser Token**: only for Set Password, a superuser\'s token (a long-lived one from `POST /api/collections/_superusers/impersonate/{id}` with a `duration`; PocketBase has no narrower role that may set passwords). Set Password finds the record by email, PocketBase checks the collection\'s password length (`weak_password`) and every token of the record stops working.',
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
		{
			displayName: 'Superuser Token',
			name: 'pocketbaseSuperuserToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for Set Password: a superuser's auth token; a long-lived one comes from the superuser impersonate route (POST /api/collections/_superusers/impersonate/ with the superuser's ID and a duration). Sent to this PocketBase alone.",
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
		// The record by email (`=` is exact: the address as typed and lower-cased), then the update a
		// superuser may make without the old password; it renews the record's tokenKey, ending every
		// session (`forms/record_upsert.go`, `core/record_model_auth.go`).
		setPassword: {
			method: 'GET',
			path: '/api/collections/{pocketbaseCollection}/records',
			requires: ['email', 'newPassword'],
			settingsProblem: needsField('pocketbaseSuperuserToken', "Set Password needs the credential's Superuser Token: only a superuser may set another record's password"),
			headers: (_input, settings) => superuserHeaders(settings),
			fields: ({ email }) => ({ filter: [...new Set([email, email.toLowerCase()])].map((address) => `email=${filterText(address)}`).join('||'), perPage: '2', fields: 'id,email' }),
			isSuccess: objectWhere((body) => Array.isArray(body.items)),
			effects: { otherSessions: 'always' },
			then: setOnFoundAccount({
				service: 'PocketBase',
				method: 'PATCH',
				path: '/api/collections/{pocketbaseCollection}/records/{pocketbaseRecordId}',
				found: recordsFound,
				fields: ({ newPassword }) => ({ password: newPassword, passwordConfirm: newPassword }),
				headers: (_previous, _answers, settings) => superuserHeaders(settings),
				isSuccess: objectWhere((body) => typeof body.id === 'string'),
			}),
		},
	},
	// The request route answers 204 for every email, before looking the record up (source).
	unknownAccount: [],
	errorRules: [
		{ status: 400, when: hasFieldCode(/invalid_token/), code: 'invalid_or_expired_token' },
		{ status: 400, when: hasFieldCode(/values_mismatch/), code: 'passwords_mismatch' },
		{ operation: ['resetPassword', 'setPassword'], status: 400, when: hasFieldCode(/length|password/), code: 'weak_password' },
		{ status: 400, when: (body) => /not configured to allow password/i.test(String(body.message ?? '')), code: 'not_supported' },
	],
};
