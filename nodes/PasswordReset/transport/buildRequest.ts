import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { CredentialSettings, RequestContract } from '../services/types';

/**
 * preSend: the transport rules every request follows, whatever the service. The service's own
 * request (method, path, fields) is built from its profile in `runResetRequest`, where a
 * failure to build it is reported like any other failure of the item.
 */
export async function secureTransport(requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return {
		...requestOptions,
		json: true,
		// A redirect could carry the token and the new password to another host: never follow one.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
		skipSslCertificateValidation: false,
		// Every status reaches the response mapper, which knows what each means for this service.
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
		// The node reads the body itself: capped in size and under the item's deadline.
		encoding: 'stream',
	};
}

/** Method, URL and fields of one request: fields in the query for a GET, else a JSON body. */
export const requestFor = (contract: RequestContract, fields: IDataObject, settings: CredentialSettings) => {
	const sendInQuery = contract.method === 'GET';
	return {
		method: contract.method,
		url: expandPath(contract.path, settings),
		qs: sendInQuery ? fields : {},
		body: sendInQuery ? undefined : fields,
	};
};

/** `{field}` in a path → that credential field, URL-encoded. */
const expandPath = (path: string, settings: CredentialSettings) =>
	path.replace(/\{(\w+)\}/g, (_match, field: keyof CredentialSettings) => encodeURIComponent(settings[field] ?? ''));

/** `METHOD /path` of a request, as the service sees it, for messages about a wrong address. */
export const endpointOf = (options: { method?: string; baseURL?: string; url?: string }): string => {
	const joined = `${(options.baseURL ?? '').replace(/\/+$/, '')}/${(options.url ?? '').replace(/^\/+/, '')}`;
	let path: string;
	try {
		path = new URL(joined).pathname;
	} catch {
		path = options.url ?? '';
	}
	return `${options.method ?? 'GET'} ${path}`;
};
