import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import type { CredentialSettings, Edition, ServiceProfile } from '../kernel/types';
import { withAuth } from '../run/auth';
import { CREDENTIAL_TEST_URL, credentialTestOf, credentialTestRequest } from '../run/credentialTest';
import { CUSTOM_SERVICE, OPERATION_NAMES, SERVICE_OPERATIONS, isUnsupported, offers } from '../services';
import { registryOf } from '../services/registry';

/*
 * The form is built from the service profiles, the one list of services and of the fields each
 * reads: a field shows only for the services that use it, with that service's own hint.
 */

const showFor = (profile: ServiceProfile) => ({ show: { service: [profile.id] } });

const supportedOperations = (profile: ServiceProfile) => SERVICE_OPERATIONS.filter((operation) => offers(profile, operation));

const serviceOption = (profile: ServiceProfile) => {
	const key = profile.auth.apiKey ? (profile.auth.apiKey.required ? 'API key required' : 'API key optional') : 'no API key';
	const operations = supportedOperations(profile).map((operation) => OPERATION_NAMES[operation]);
	return { name: profile.displayName, value: profile.id, description: `${operations.join(', ')} · ${key}` };
};

const baseUrlField = (profile: ServiceProfile): INodeProperties => {
	const servicesOwnUrl = profile.baseUrl.default ?? '';
	return {
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		required: true,
		default: servicesOwnUrl,
		placeholder: profile.baseUrl.placeholder,
		description: `The ${profile.displayName} API address, without the endpoint path. https only (http:// for localhost).`,
		displayOptions: showFor(profile),
	};
};

const apiKeyField = (profile: ServiceProfile): INodeProperties[] =>
	profile.auth.apiKey
		? [
				{
					displayName: 'API Key',
					name: 'apiKey',
					type: 'string',
					typeOptions: { password: true },
					required: profile.auth.apiKey.required,
					default: '',
					description: profile.auth.apiKey.description,
					displayOptions: showFor(profile),
				},
			]
		: [];

const PATH_OVERRIDES = [
	{ operation: 'sendResetEmail', name: 'sendEmailPath', label: 'Send Reset Email Path' },
	{ operation: 'resetPassword', name: 'resetPath', label: 'Reset Password Path' },
] as const;

/** A listed service's documented path may be a guess: each path it calls can be overridden. */
const pathOverrides = (profile: ServiceProfile): INodeProperties[] =>
	profile.id === CUSTOM_SERVICE
		? []
		: PATH_OVERRIDES.flatMap(({ operation, name, label }) => {
				const contract = profile.operations[operation];
				if (!contract || isUnsupported(contract)) return [];
				return [
					{
						displayName: label,
						name,
						type: 'string',
						default: '',
						placeholder: contract.path,
						description: `Leave empty for ${profile.displayName}'s documented path, ${contract.method} ${contract.path}. Set it when your server serves the route elsewhere.`,
						displayOptions: showFor(profile),
					} satisfies INodeProperties,
				];
			});

/** The Service field: a choice of the edition's services, or, where it has one, that one, not shown. */
const serviceField = (services: readonly ServiceProfile[]): INodeProperties => {
	const firstService = services[0].id;
	return services.length === 1
		? { displayName: 'Service', name: 'service', type: 'hidden', default: firstService }
		: {
				displayName: 'Service',
				name: 'service',
				type: 'options',
				options: services.map(serviceOption).sort((a, b) => a.name.localeCompare(b.name)),
				default: firstService,
				description: 'The back end this credential talks to',
			};
};

const CREDENTIAL_TEST_PATH_FIELD: INodeProperties = {
	displayName: 'Credential Test Path',
	name: 'credentialTestPath',
	type: 'string',
	default: '',
	placeholder: 'e.g. /health',
	description:
		"A path that answers 2xx to a GET without side effects, used by the credential test. Leave empty for the service's default. Never a reset endpoint: testing it would send mail.",
};

/** What an edition's credential class holds: its names, its form (one field set per service), its auth and its test. */
export type CredentialTypeParts = Pick<ICredentialType, 'name' | 'displayName' | 'documentationUrl' | 'properties' | 'test'> &
	Required<Pick<ICredentialType, 'authenticate'>>;

/**
 * The credential of an edition. `authenticate` applies the service's auth (see run/auth.ts) to
 * every request; the credential test's marker request becomes the service's probe first (see
 * run/credentialTest.ts).
 */
export const credentialTypeOf = (edition: Edition): CredentialTypeParts => {
	const registry = registryOf(edition);
	const services = registry.credentialServices;
	return {
		name: edition.credential.name,
		displayName: edition.credential.displayName,
		documentationUrl: edition.documentationUrl.credential,
		properties: [
			serviceField(services),
			...services.flatMap((profile) => [
				baseUrlField(profile),
				...apiKeyField(profile),
				...(profile.credentialFields ?? []).map((field) => ({ ...field, displayOptions: showFor(profile) })),
				...pathOverrides(profile),
			]),
			CREDENTIAL_TEST_PATH_FIELD,
		],
		authenticate: async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> =>
			requestOptions.url === CREDENTIAL_TEST_URL
				? credentialTestRequest(registry, credentials, requestOptions)
				: withAuth(registry.resolveProfile(credentials as unknown as CredentialSettings), credentials, requestOptions),
		test: credentialTestOf(registry),
	};
};
