import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { CredentialSettings, RequestContract, ResetInput } from '../services/types';
import { ResetFailure } from './errors';
import { hasControlCharacter } from './validate';

/** The transport rules every request follows, whatever the service. */
export const TRANSPORT_RULES = {
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
} satisfies Partial<IHttpRequestOptions>;

/**
 * Method, URL and fields of one request: fields in the query for a GET, else a JSON body (or a
 * form, where the contract says so). The URL is only ever a path under the Base URL:
 * `pathField` names where a path that is not one (a full or protocol-relative address) was
 * set, and it fails before anything is sent.
 */
export const requestFor = (contract: RequestContract, fields: IDataObject | string[], settings: CredentialSettings, pathField: string, input?: ResetInput) => {
	const sendInQuery = contract.method === 'GET';
	const asForm = !sendInQuery && contract.bodyFormat === 'form';
	return {
		method: contract.method,
		url: expandPath(relativePath(contract.path, pathField), settings, input),
		qs: sendInQuery ? (fields as IDataObject) : {},
		body: sendInQuery ? undefined : asForm ? new URLSearchParams(fields as Record<string, string>).toString() : fields,
		contentType: asForm ? 'application/x-www-form-urlencoded' : undefined,
	};
};

const invalid = (message: string) => new ResetFailure('invalid_input', null, undefined, message);

/** A path under the Base URL, or a failure: never a scheme, `//host`, a backslash, space or `#`. */
const relativePath = (path: string, pathField: string) => {
	if (/^[a-z][a-z\d+.-]*:/i.test(path) || /^[\\/]{2}/.test(path) || /[\s\\#]/.test(path) || hasControlCharacter(path)) {
		throw invalid(
			`The ${pathField} must be a path under the Base URL, like /auth/recover: not a full address, and without spaces, backslashes or #`,
		);
	}
	return path.startsWith('/') ? path : `/${path}`;
};

/** Settings that never go into a URL, even by a `{placeholder}`. */
const SECRET_SETTINGS: ReadonlySet<string> = new Set(['apiKey']);

/**
 * `{field}` in a path → that credential field, URL-encoded; `{email}` → the item's email (Okta
 * names the user in the path). A reset token or a password never goes into a URL.
 */
const expandPath = (path: string, settings: CredentialSettings, input?: ResetInput) =>
	path.replace(/\{(\w+)\}/g, (_match, field: string) => {
		if (SECRET_SETTINGS.has(field)) throw invalid(`A path may not contain {${field}}: the API key never goes into a URL`);
		return encodeURIComponent((field === 'email' ? input?.email : settings[field]) ?? '');
	});

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
