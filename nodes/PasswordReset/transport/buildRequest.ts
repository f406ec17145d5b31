import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { contractFor, isUnsupported, resolveProfile } from '../services';
import type { CredentialSettings, RequestContract } from '../services/types';
import { readInput, readOperation, readOptions } from './input';
import { readSettings } from './settings';

/**
 * preSend: turns the item's parameters into the service's request, as its profile says.
 * It never throws: an item it cannot build fails in validation with a typed error instead
 * (RoutingNode would turn a preSend error into a bare `{ error }` item).
 */
export async function buildRequestFromProfile(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const settings = readSettings(requestOptions);
	const profile = resolveProfile(settings);
	const contract = profile && contractFor(profile, readOperation(this));
	if (!contract || isUnsupported(contract)) return requestOptions;
	let fields;
	try {
		fields = contract.fields(readInput(this), settings);
	} catch {
		return requestOptions;
	}
	return {
		...requestOptions,
		...requestFor(contract, fields, settings),
		json: true,
		// Our own timeout wins over Request Options' one (which RoutingNode defaults to 300 s).
		timeout: readOptions(this).timeout,
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
