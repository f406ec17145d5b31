import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { RequestContract, SignableRequest, SignedRequest } from '../kernel/types';
import { buildPath, checkHeader, InputProblem, queryOfPath, splitPathQuery } from '../safety/checks';
import { WIRE_ENCODINGS } from '../safety/redact';

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

/** What goes on the wire for one request, relative to the Base URL. */
export interface WireRequest {
	method: RequestContract['method'];
	/** The path under the Base URL, each segment checked and encoded. */
	url: string;
	qs: IDataObject;
	body: IDataObject | string[] | string | undefined;
	headers: Record<string, string>;
}

/** Where a request's values come from, to check and name them. */
export interface WireValues {
	fields: IDataObject | string[];
	/** A `{name}` path value, or undefined. */
	pathValue: (name: string) => string | undefined;
	/** Where a `{name}` value comes from, for messages ("the credential's Realm"). */
	pathSource: (name: string) => string;
	/** The path as the user knows it, for messages ("credential's Send Reset Email Path"). */
	where: string;
	headers?: Record<string, string>;
	/** Where a header's value comes from, for messages ("the Reset Token"). */
	headerSource: (value: string) => string;
}

/**
 * One request as it goes out: fields in the query for a GET, else a JSON body (a form, or a
 * GraphQL document's variables, where the contract says so); the path built segment by segment, so it stays under the Base URL, and
 * the query a typed path carries (`/reset?lang=es`) beside the request's own parameters;
 * every header checked as header text. Anything wrong throws an `InputProblem` before sending.
 * Values are encoded only with `WIRE_ENCODINGS`, the forms the redactor takes out again.
 */
export const wireRequest = (contract: RequestContract, values: WireValues): WireRequest => {
	const typed = splitPathQuery(contract.path);
	const url = buildPath(typed.path, values.pathValue, values.pathSource, values.where);
	const pathQuery = queryOfPath(typed.query, values.pathValue, values.pathSource, values.where);
	const sendInQuery = contract.method === 'GET';
	const ownQuery = { ...contract.query, ...(sendInQuery ? (values.fields as IDataObject) : {}) };
	const taken = Object.keys(pathQuery).find((name) => name in ownQuery);
	if (taken) throw new InputProblem(`The ${values.where} sets the query parameter "${taken}", which the node sends itself. Remove it from the path`);
	const asForm = !sendInQuery && contract.bodyFormat === 'form';
	const headers = { ...values.headers };
	for (const [name, value] of Object.entries(headers)) checkHeader(name, value, values.headerSource(value));
	if (asForm) headers['Content-Type'] = 'application/x-www-form-urlencoded';
	return {
		method: contract.method,
		url,
		qs: { ...pathQuery, ...ownQuery },
		body: sendInQuery ? undefined : asForm ? formBody(values.fields as IDataObject) : contract.graphql ? { query: contract.graphql, variables: values.fields as IDataObject } : values.fields,
		headers,
	};
};

/**
 * The request with the headers that sign it (a contract's `sign`): the body becomes the exact
 * text that goes out, so what was signed is what is sent; the URL is the whole one, query included.
 */
export const signWire = (wire: WireRequest, baseUrl: string, sign: (request: SignableRequest) => SignedRequest) => {
	const body = wire.body === undefined ? '' : typeof wire.body === 'string' ? wire.body : JSON.stringify(wire.body);
	const url = new URL(`${baseUrl.replace(/\/+$/, '')}/${wire.url.replace(/^\/+/, '')}`);
	for (const [name, value] of Object.entries(wire.qs)) url.searchParams.append(name, String(value));
	const signed = sign({ method: wire.method, url, headers: wire.headers, body });
	return { wire: { ...wire, body, headers: { ...wire.headers, ...signed.headers } }, secrets: signed.secrets };
};

const formBody = (fields: IDataObject) =>
	Object.entries(fields)
		.map(([name, value]) => `${WIRE_ENCODINGS.form(name)}=${WIRE_ENCODINGS.form(String(value ?? ''))}`)
		.join('&');

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
