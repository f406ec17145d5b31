import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { CredentialSettings, ServiceProfile } from '../kernel/types';

/** The parts of a request the credential's auth touches, in both n8n request shapes. */
interface AuthTarget {
	headers?: IDataObject;
	qs?: IDataObject;
}

/**
 * Puts the credential's auth on a request, as its service's profile (the one the credential describes) says: the API key in a
 * header (or, for Firebase, its documented `?key=`), headers from other credential fields, or
 * nothing for public endpoints. The key's header is left alone on a request that already sets it.
 */
export const withAuth = <T extends AuthTarget>(profile: ServiceProfile | undefined, credentials: ICredentialDataDecryptedObject, request: T): T => {
	const settings = credentials as unknown as CredentialSettings;
	const auth = profile?.auth;
	if (!auth) return request;
	const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
	const headers: IDataObject = { ...request.headers, ...auth.headers?.(settings) };
	const qs: IDataObject = { ...request.qs };
	// A request that sends its own value in the key's header keeps it (Supabase's admin route sends its secret key there).
	const keyHeader = auth.apiKey?.in === 'basic' ? 'authorization' : auth.apiKey?.name.toLowerCase();
	const ownsKeyHeader = Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === keyHeader);
	if (apiKey && auth.apiKey?.in === 'header' && !ownsKeyHeader) headers[auth.apiKey.name] = `${auth.apiKey.prefix}${apiKey}`;
	if (apiKey && auth.apiKey?.in === 'query') qs[auth.apiKey.name] = apiKey;
	const basic = basicAuthValue(profile, settings, apiKey);
	if (basic && !ownsKeyHeader) headers.Authorization = basic;
	return { ...request, headers, qs };
};

/** HTTP Basic's header value where the profile sends its key so (`user:key`, base64), else undefined. */
export const basicAuthValue = (profile: ServiceProfile | undefined, settings: CredentialSettings, apiKey: string | undefined): string | undefined => {
	const key = profile?.auth.apiKey;
	if (!apiKey || key?.in !== 'basic') return undefined;
	return `Basic ${Buffer.from(`${settings[key.userField] ?? ''}:${apiKey}`, 'utf8').toString('base64')}`;
};
