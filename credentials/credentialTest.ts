import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import type { WireRequest } from '../nodes/PasswordReset/http/wire';
import { endpointOf, wireRequest } from '../nodes/PasswordReset/http/wire';
import { DEFAULT_TIMEOUT_MS } from '../nodes/PasswordReset/run/input';
import { resolveProfile } from '../nodes/PasswordReset/services';
import { answersOk, isJsonObject } from '../nodes/PasswordReset/services/answers';
import type { CredentialProbe, CredentialSettings } from '../nodes/PasswordReset/services/types';
import { normalizeBaseUrl } from '../nodes/PasswordReset/safety/checks';
import { serverMessageOf } from '../nodes/PasswordReset/safety/redact';
import { withAuth } from './auth';
import { credentialPathValues } from './settings';

/** What a user-set Credential Test Path proves: a GET there answered 2xx, nothing more. */
const customPathProbe = (path: string): CredentialProbe => ({
	method: 'GET',
	path,
	expect: answersOk,
	proves: `GET ${path} answered with success. That path was chosen in the credential: the reset routes themselves were not tried`,
});

const failed = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

/** Why a probe's answer is not the expected one, and what to check. */
const explain = (endpoint: string, status: number, serverMessage: string | undefined, displayName: string) => {
	const said = serverMessage ? `: "${serverMessage}"` : '';
	if (status === 404 || status === 405) {
		return `No ${displayName} endpoint at ${endpoint} (HTTP ${status})${said}. Check the Base URL (its path too, e.g. /api or /v1) and the paths in the credential`;
	}
	if (status === 401 || status === 403) {
		return `The service refused the credential at ${endpoint} (HTTP ${status})${said}. Check the API key and the service's own fields (project, client, collection)`;
	}
	if (status >= 300 && status < 400) {
		return `The service redirected ${endpoint} (HTTP ${status}); Password Reset never follows redirects. Set the Base URL to the final address`;
	}
	return `Unexpected answer from ${endpoint} (HTTP ${status})${said}: this does not look like ${displayName} at this Base URL. Check the Base URL and the service chosen`;
};

/**
 * The credential's test, run by n8n when the credential is saved or tested. It makes the
 * service profile's probe request: a side-effect-free route, or a reset route without an email,
 * which the service must refuse with its own validation error. So a Base URL that reaches some
 * server but not the service's API fails, and no email is ever sent. The result says what the
 * probe proved.
 */
export async function testPasswordResetCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const settings = data as unknown as CredentialSettings;
	const profile = resolveProfile(settings);
	if (!profile) return failed(`The Service "${String(settings.service)}" is not known. Choose a service`);
	const overridePath = typeof data.credentialTestPath === 'string' ? data.credentialTestPath.trim() : '';
	const probe = overridePath ? customPathProbe(overridePath) : profile.credentialTest;
	if (!probe.path) return failed('Set the Send Reset Email Path: the test calls it without an email, so no email is sent');
	const fields = probe.fields ?? {};
	let baseUrl: string;
	let request: WireRequest;
	try {
		baseUrl = normalizeBaseUrl(typeof data.baseUrl === 'string' ? data.baseUrl : '');
		request = wireRequest(
			{ ...probe, fields: () => fields, isSuccess: () => false },
			{
				fields,
				...credentialPathValues(profile, settings),
				where: overridePath ? 'Credential Test Path' : 'path the test calls',
				headers: probe.headers,
				headerSource: () => 'the service profile',
			},
		);
	} catch (error) {
		return failed((error as Error).message);
	}
	const endpoint = endpointOf({ method: request.method, baseURL: baseUrl, url: request.url });
	const apiKey = typeof data.apiKey === 'string' ? data.apiKey : '';
	let response: { statusCode: number; body: unknown };
	try {
		// A credential test function gets only `request` from n8n (ICredentialTestFunctions): there
		// is no httpRequest here. It goes through n8n's own outbound HTTP (proxy, SSRF rules).
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		response = await this.helpers.request(
			withAuth(data, {
				method: request.method,
				uri: `${baseUrl}/${request.url.replace(/^\/+/, '')}`,
				qs: request.qs,
				body: request.body,
				headers: { Accept: 'application/json', ...request.headers },
				json: true,
				simple: false,
				resolveWithFullResponse: true,
				followRedirect: false,
				followAllRedirects: false,
				timeout: DEFAULT_TIMEOUT_MS,
			}),
		);
	} catch (error) {
		const code = (error as { code?: unknown; cause?: { code?: unknown } })?.cause?.code ?? (error as { code?: unknown })?.code;
		return failed(
			`Could not reach ${new URL(baseUrl).origin}${typeof code === 'string' ? ` (${code})` : ''}. Check the Base URL and that the service is online`,
		);
	}
	const { statusCode: status, body } = response;
	if (probe.expect({ status, body: isJsonObject(body) ? body : {}, isJson: isJsonObject(body) })) {
		return { status: 'OK', message: `${probe.proves} (${endpoint}: HTTP ${status}).` };
	}
	return failed(explain(endpoint, status, serverMessageOf(body, apiKey ? [apiKey] : []), profile.displayName));
}
