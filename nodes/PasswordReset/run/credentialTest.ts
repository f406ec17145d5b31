import type { ICredentialDataDecryptedObject, ICredentialTestRequest, IHttpRequestOptions } from 'n8n-workflow';

import { wireRequest } from '../http/wire';
import type { CredentialProbe, CredentialSettings } from '../kernel/types';
import { normalizeBaseUrl } from '../safety/checks';
import { SUCCESS_STATUSES } from '../services/answers';
import type { Registry } from '../services/registry';
import { withAuth } from './auth';
import { DEFAULT_TIMEOUT_MS } from './input';
import { credentialPathValues, pathHoldsSecret } from './settings';

/*
 * The credential's test is n8n's declarative one (`ICredentialType.test`): n8n makes one request
 * with the credential and fails on an error status. The request it names is only a marker:
 * the credential's `authenticate` sees it and puts the service profile's probe in its place
 * (method, path, fields, headers, auth), with every status but the probe's `passes` made an
 * error. So a Base URL that reaches some server but not the service's API fails, no email is
 * ever sent, and no deprecated helper is needed.
 */

/** The marker path of the credential test's request: a `#` no path the node builds can hold. */
export const CREDENTIAL_TEST_URL = '/#password-reset-credential-test';

/** A user-set Credential Test Path: a GET there must answer 2xx; the reset routes are not tried. */
const customPathProbe = (path: string): Omit<CredentialProbe, 'proves'> => ({ method: 'GET', path, passes: SUCCESS_STATUSES });

const ALL_STATUSES = Array.from({ length: 500 }, (_, index) => 100 + index);

/**
 * The probe request for this credential, in place of the marker: the service's own probe (or
 * the Credential Test Path), at the checked Base URL, with the service's auth. A probe that
 * cannot be built (a bad Base URL, a dot segment) throws, and n8n shows the message.
 */
export const credentialTestRequest = (registry: Registry, credentials: ICredentialDataDecryptedObject, marker: IHttpRequestOptions): IHttpRequestOptions => {
	const settings = credentials as unknown as CredentialSettings;
	const profile = registry.resolveProfile(settings);
	if (!profile) throw new Error(`The Service "${String(settings.service)}" is not known. Choose a service`);
	const overridePath = typeof credentials.credentialTestPath === 'string' ? credentials.credentialTestPath.trim() : '';
	const probe = overridePath ? customPathProbe(overridePath) : profile.credentialTest;
	if (!probe.path) throw new Error('Set the Send Reset Email Path: the test calls it without an email, so no email is sent');
	if (pathHoldsSecret(probe.path, settings, profile)) {
		throw new Error("The path the test calls contains one of the credential's secrets: secrets never go into a URL. Remove it from the path");
	}
	const fields = probe.fields ?? {};
	const wire = wireRequest(
		{ ...probe, fields: () => fields, isSuccess: () => false },
		{
			fields,
			...credentialPathValues(profile, settings),
			where: overridePath ? 'Credential Test Path' : 'path the test calls',
			headers: probe.headers,
			headerSource: () => 'the service profile',
		},
	);
	return withAuth(profile, credentials, {
		...marker,
		baseURL: normalizeBaseUrl(settings.baseUrl ?? ''),
		url: wire.url,
		method: wire.method,
		qs: wire.qs,
		body: wire.body,
		headers: { ...marker.headers, Accept: 'application/json', ...wire.headers },
		json: true,
		timeout: DEFAULT_TIMEOUT_MS,
		disableFollowRedirect: true,
		// Every status but the ones the service gives when the address is right is an error.
		ignoreHttpStatusErrors: { ignore: true, except: ALL_STATUSES.filter((status) => !probe.passes.includes(status)) },
	});
};

const rule = (statuses: number[], message: (status: number) => string) =>
	statuses.map((status) => ({ type: 'responseCode' as const, properties: { value: status, message: message(status) } }));

/** The declarative test of an edition's credential: the marker request, and what each failing status means. */
export const credentialTestOf = ({ edition }: Registry): ICredentialTestRequest => ({
	request: { method: 'GET', url: CREDENTIAL_TEST_URL },
	rules: [
		...rule([404, 405], (status) => `No endpoint of the chosen service at this Base URL (HTTP ${status}). Check the Base URL (its path too, e.g. /api or /v1) and the paths in the credential`),
		...rule([401, 403], (status) => `The service refused the credential (HTTP ${status}). Check the API key and the service's own fields (project, client, collection)`),
		...rule([301, 302, 303, 307, 308], (status) => `The service answered with a redirect (HTTP ${status}), which ${edition.node.displayName} never follows. Set the Base URL to the final address`),
		...rule([500, 502, 503, 504], (status) => `The server failed (HTTP ${status}): this is not the answer the chosen service gives at this Base URL. Check the Base URL and that the service is online`),
		...rule([200, 201, 204, 400, 422, 429], (status) => `Unexpected answer (HTTP ${status}): this does not look like the chosen service at this Base URL. Check the Base URL and the service chosen`),
		// A passing status whose body says the address is wrong after all (each profile's `failsOn`).
		...edition.profiles.flatMap((profile) => profile.credentialTest.failsOn ?? []).map(({ key, value, message }) => ({
			type: 'responseSuccessBody' as const,
			properties: { key, value, message },
		})),
		// n8n's type allows one kind of rule per list; its tester reads each rule by its `type`
		// (packages/cli, credentials-tester.service.ts: response codes on an error, bodies on a pass).
	] as unknown as ICredentialTestRequest['rules'],
});
