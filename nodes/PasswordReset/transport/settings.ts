import type { IDataObject } from 'n8n-workflow';

import type { CredentialSettings } from '../services/types';

/**
 * RoutingNode fetches the credential once per run and resolves `requestDefaults` against it; this option
 * carries the credential fields a profile reads from there to the node's hooks, so no item
 * fetches the credential again. It is removed before the request goes out (and axios would
 * ignore it anyway).
 */
const SETTINGS_OPTION = 'passwordResetSettings';

export interface RequestSettings extends CredentialSettings {
	/** Only to redact it from anything the server echoes; the credential's `authenticate` sends it. */
	apiKey?: string;
}

const SETTINGS_FIELDS: Array<keyof RequestSettings> = [
	'service',
	'baseUrl',
	'apiKey',
	'company',
	'sendEmailPath',
	'resetPath',
	'customSendMethod',
	'customSendEmailField',
	'customResetMethod',
	'customResetCodeField',
	'customNewPassField',
	'customResetEmailField',
	'customAuthHeaderName',
	'customAuthHeaderPrefix',
	'customSuccessField',
	'customUnknownAccountText',
	'pocketbaseCollection',
	'appwriteProjectId',
	'appwriteRecoveryUrl',
	'auth0ClientId',
	'auth0Connection',
	'directusResetUrl',
];

/** For the node's `requestDefaults`: each field as an expression over `$credentials`. */
export const settingsRequestDefault = {
	[SETTINGS_OPTION]: Object.fromEntries(
		SETTINGS_FIELDS.map((field) => [field, `={{$credentials.${field}}}`]),
	),
};

/** Any request options object: RoutingNode's and the request's own types differ slightly. */
type RequestOptions = object;
type OptionsWithSettings = { [SETTINGS_OPTION]?: IDataObject };

const readSettings = (options: RequestOptions): RequestSettings => {
	const raw = (options as OptionsWithSettings)[SETTINGS_OPTION] ?? {};
	const settings = Object.fromEntries(
		Object.entries(raw).map(([key, value]) => [key, typeof value === 'string' ? value : undefined]),
	) as Partial<RequestSettings>;
	return { ...settings, service: settings.service ?? '', baseUrl: settings.baseUrl ?? '' };
};

/** Reads the settings and strips them from the request. */
export const takeSettings = (options: RequestOptions): RequestSettings => {
	const settings = readSettings(options);
	delete (options as OptionsWithSettings)[SETTINGS_OPTION];
	return settings;
};
