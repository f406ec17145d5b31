import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { CredentialSettings, ServiceProfile } from '../kernel/types';
import { InputProblem } from '../safety/checks';
import { basicAuthValue } from './auth';

export interface RequestSettings extends CredentialSettings {
	/** Only to redact it from anything the server echoes; the credential's `authenticate` sends it. */
	apiKey?: string;
}

/**
 * The credential's fields as the profiles read them: its text fields, nothing else. Read once per
 * run (see `runContext`), never per item.
 */
export const settingsFrom = (credentials: ICredentialDataDecryptedObject): RequestSettings => {
	const settings = Object.fromEntries(
		Object.entries(credentials).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
	) as Partial<RequestSettings>;
	return { ...settings, service: settings.service ?? '', baseUrl: settings.baseUrl ?? '' };
};

/** The credential's fields that hold secrets: the API key and every password field of the service's own. */
const secretFieldNames = (profile: ServiceProfile | undefined) => [
	'apiKey',
	...(profile?.credentialFields ?? []).filter((field) => field.typeOptions?.password).map((field) => field.name),
];

/** The credential's secrets (Cognito's client secret, say), to redact from anything that leaves the node. */
export const credentialSecrets = (settings: RequestSettings, profile: ServiceProfile | undefined): string[] =>
	[...secretFieldNames(profile).map((name) => settings[name]), basicAuthValue(profile, settings, settings.apiKey)?.slice('Basic '.length)].filter(
		(value): value is string => Boolean(value),
	);

/**
 * The credential's fields as `{name}` path values, and how messages name them. A secret field
 * (the API key, a client secret) is refused: no secret ever goes into a URL.
 */
export const credentialPathValues = (profile: ServiceProfile, settings: CredentialSettings) => ({
	pathValue: (name: string) => {
		if (secretFieldNames(profile).includes(name)) throw new InputProblem(`A path may not contain {${name}}: the credential's secrets never go into a URL`);
		return settings[name];
	},
	pathSource: (name: string) => `the credential's ${profile.credentialFields?.find((field) => field.name === name)?.displayName ?? name}`,
});

/** Whether a typed path holds one of the credential's secrets, as typed or percent-encoded: it would travel in the URL. */
export const pathHoldsSecret = (path: string, settings: RequestSettings, profile: ServiceProfile | undefined): boolean =>
	credentialSecrets(settings, profile).some((secret) => path.includes(secret) || path.includes(encodeURIComponent(secret)));
