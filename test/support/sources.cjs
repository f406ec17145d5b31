'use strict';
/**
 * The node's pure functions, from the TypeScript sources (the unit tier): the profiles, the
 * wire request, the answer reader, the checks and the redactor, with helpers that call them as
 * the engine does for one item, without n8n and without HTTP.
 */
const path = require('node:path');

const src = (file) => require(path.resolve(__dirname, '../../nodes/PasswordReset', file));
const services = src('services/index.ts');
/** The all-services edition and its registry: the profiles as the engine reads them. */
const { EDITION } = src('edition.ts');
const registry = src('services/registry.ts').registryOf(EDITION);
const { wireRequest, endpointOf } = src('http/wire.ts');
const { parseBody } = src('http/exchange.ts');
const { readResponse } = src('outcome/readResponse.ts');
const { ResetFailure, toFailureItem } = src('outcome/errors.ts');
const checks = src('safety/checks.ts');
const redact = src('safety/redact.ts');
const { itemWireValues } = src('run/runResetRequest.ts');

/** Every request a profile's operation can send: its first, then each chain step. */
const requestsOf = (contract) => {
	const requests = [];
	for (let step = contract; step; step = step.then) requests.push(step);
	return requests;
};

/** Each profile with each operation it supports, as [profile, operation, contract]. */
const supportedOperations = (profiles = EDITION.profiles) =>
	profiles.flatMap((profile) =>
		Object.keys(profile.operations)
			.map((operation) => [profile, operation, services.contractFor(profile, operation)])
			.filter(([, , contract]) => !services.isUnsupported(contract)),
	);

const SAMPLE_INPUT = { email: 'ada@example.com', resetToken: 'token-1', newPassword: 'password-1', choices: { requireChange: false, signOutOtherSessions: false } };

/** The body as the engine reads it off the wire: a JSON value, the text, or undefined when empty. */
const asReceived = (body) => parseBody(typeof body === 'string' ? body : JSON.stringify(body)).body;

/**
 * One answer read as the engine reads it for item 0: the success item's json, or the failure
 * item's json (`{ error, details }`).
 */
const readAnswer = ({ credential, operation, status, body, headers = {}, options = {}, secrets = [], input = SAMPLE_INPUT }) => {
	const profile = registry.resolveProfile(credential);
	const request = services.contractFor(profile, operation);
	const { url } = wireFor(profile, request, { input: { ...SAMPLE_INPUT, ...input }, settings: credential });
	const context = {
		profile,
		operation,
		request,
		options: { revealUnknownAccounts: false, includeRawResponse: false, ...options },
		secrets,
		endpoint: endpointOf({ method: request.method, baseURL: credential.baseUrl, url }),
	};
	try {
		return readResponse({ statusCode: status, headers, body: asReceived(body) }, context);
	} catch (error) {
		if (!(error instanceof ResetFailure)) throw error;
		return toFailureItem(error.redacted(secrets), { itemIndex: 0, operation, service: profile.id, credentialName: 'Password Reset API', nodeName: 'Password Reset' }, 1).json;
	}
};

/** A request's wire form for an item, as the engine builds it; `pathValues` stand for earlier answers. */
const wireFor = (profile, request, { input, settings, headers, pathValues = {} }) => {
	const values = itemWireValues(profile, settings, input, request, 'path', headers);
	return wireRequest(request, { ...values, pathValue: (name) => pathValues[name] ?? values.pathValue(name) });
};


/** A credential for the profile with every field it reads set to something valid. */
/** Sample values of credential fields that must have a form (a domain): the others get their default or a name. */
const SAMPLE_VALUES = {
	auth0TenantDomain: 'tenant.eu.auth0.com',
	cognitoUserPoolId: 'eu-west-1_Sample1',
	workosResetUrl: 'https://app.example.test/reset-password',
	zitadelResetUrl: 'https://app.example.test/reset?userID={{.UserID}}&code={{.Code}}',
};

const sampleSettings = (profile, extra = {}) => {
	const settings = { service: profile.id, baseUrl: 'https://service.example.test/api', apiKey: 'SENTINEL-APIKEY-44b0d2' };
	for (const field of profile.credentialFields ?? []) {
		const value = field.default || field.options?.[0]?.value || SAMPLE_VALUES[field.name] || `${field.name}-1`;
		settings[field.name] = field.typeOptions?.password ? `SENTINEL-${field.name}-5e1f` : String(value);
	}
	if (profile.id === services.CUSTOM_SERVICE) Object.assign(settings, { sendEmailPath: '/send', resetPath: '/reset' });
	return { ...settings, ...extra };
};

module.exports = { EDITION, registry, services, checks, redact, readAnswer, wireFor, requestsOf, supportedOperations, asReceived, sampleSettings };
