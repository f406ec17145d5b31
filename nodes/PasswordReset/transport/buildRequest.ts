import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { isUnsupported, resolveProfile } from '../services';
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
	const contract = resolveProfile(settings)?.operations[readOperation(this)];
	if (!contract || isUnsupported(contract)) return requestOptions;
	let fields;
	try {
		fields = contract.fields(readInput(this), settings);
	} catch {
		return requestOptions;
	}
	const sendInQuery = contract.method === 'GET';
	return {
		...requestOptions,
		method: contract.method,
		url: contract.path,
		qs: sendInQuery ? fields : {},
		body: sendInQuery ? undefined : fields,
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
