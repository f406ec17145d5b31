import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { contractFor, isUnsupported } from '../services';
import type { Operation, OperationContract, ResetInput, ServiceProfile } from '../services/types';
import { withAuth } from './auth';
import { ResetFailure } from './errors';
import type { RequestSettings } from './settings';

const FIELD_NAMES: Record<keyof ResetInput, string> = {
	email: 'Email',
	resetToken: 'Reset Token',
	newPassword: 'New Password',
};

export const PATH_FIELD_NAMES: Record<Operation, string> = {
	sendResetEmail: "credential's Send Reset Email Path",
	resetPassword: "credential's Reset Password Path",
	verifyResetToken: "service profile's Verify Reset Token path",
};

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** RFC 5321's limit on a whole address. */
const MAX_EMAIL_LENGTH = 254;
/** A C0 control character or DEL: a line break, a NUL, anything that can split a header. */
export const hasControlCharacter = (text: string) =>
	[...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
export const isEmailAddress = (value: unknown): value is string =>
	typeof value === 'string' && EMAIL_PATTERN.test(value) && !hasControlCharacter(value) && value.length <= MAX_EMAIL_LENGTH;

/** RFC 9110 `token`: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const invalid = (message: string) => new ResetFailure('invalid_input', null, undefined, message);

const isLoopback = (hostname: string) =>
	hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);

/**
 * The credential's Base URL as every request uses it: trimmed, https (http on loopback only),
 * without a trailing slash. One with spaces, line breaks, a query, a fragment or a user name in
 * it is refused: each would send the request somewhere other than what was checked.
 */
export const normalizeBaseUrl = (raw: string): string => {
	const typed = raw.trim();
	if (/\s/.test(typed) || hasControlCharacter(typed)) {
		throw invalid("The credential's Base URL contains spaces or line breaks. Remove them");
	}
	let url: URL;
	try {
		url = new URL(typed);
	} catch {
		throw invalid('The credential\'s Base URL is not a valid URL. Set it to the service\'s address, e.g. https://api.example.com');
	}
	if (!(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname)))) {
		throw invalid(
			"The credential's Base URL must start with https:// (http:// is only allowed for localhost): reset tokens and passwords must not cross the network unencrypted",
		);
	}
	if (url.search || url.hash || typed.includes('?') || typed.includes('#') || url.username || url.password) {
		throw invalid(
			"The credential's Base URL has a query (?), a fragment (#) or a user name in it. Use the bare address, e.g. https://api.example.com/v1",
		);
	}
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
};

/** Header names must be tokens and values free of line breaks: else the HTTP layer refuses them. */
const checkHeaders = (headers: Record<string, string>) => {
	for (const [name, value] of Object.entries(headers)) {
		if (!HEADER_NAME.test(name)) {
			throw invalid(`The header name "${name}" from the credential is not a valid header name. Use letters, digits and dashes, e.g. X-Api-Key`);
		}
		if (hasControlCharacter(value)) {
			throw invalid(`The credential's value for the ${name} header has a line break or control character. Remove it`);
		}
	}
};

/**
 * What can be known wrong about the whole run before any request (the service, the operation,
 * the Base URL, headers, TLS, an empty path): checked once per run, every item fails with it.
 * Returns the profile, now known to exist, its contract for the operation, and the Base URL
 * every request uses.
 */
export const validateRun = (
	profile: ServiceProfile | undefined,
	settings: RequestSettings,
	operation: Operation,
	ignoreSslIssues: boolean,
): { profile: ServiceProfile; contract: OperationContract; baseUrl: string } => {
	if (!profile) {
		throw invalid(`The credential's Service "${settings.service}" is not known. Choose a service in the Password Reset API credential`);
	}
	const contract = contractFor(profile, operation);
	if (isUnsupported(contract)) throw new ResetFailure('not_supported', null, undefined, contract.notSupported);
	const baseUrl = normalizeBaseUrl(settings.baseUrl);
	checkHeaders(withAuth(settings as unknown as ICredentialDataDecryptedObject, { headers: {} }).headers as Record<string, string>);
	if (ignoreSslIssues) {
		throw invalid(
			'Ignore SSL Issues is on in Request Options, but Password Reset always verifies TLS certificates: reset tokens and passwords must only reach the real server. Turn the setting off',
		);
	}
	if (!contract.path) {
		throw invalid(`The ${PATH_FIELD_NAMES[operation]} is empty. Set the path of the service's endpoint, e.g. /auth/recover`);
	}
	if (contract.settingsProblem) throw invalid(contract.settingsProblem);
	return { profile, contract, baseUrl };
};

/** What can be known wrong about one item's input: it fails here, its request is never sent. */
export const validateInput = (profile: ServiceProfile, contract: OperationContract, input: ResetInput): void => {
	for (const field of contract.requires) {
		if (!input[field]) {
			throw invalid(`The ${FIELD_NAMES[field]} parameter is empty. ${profile.displayName} needs it for this operation`);
		}
	}
	if (input.email.length > MAX_EMAIL_LENGTH) {
		throw invalid(`The Email parameter is longer than an email address can be (${MAX_EMAIL_LENGTH} characters). Check what is mapped to it`);
	}
	if (input.email && !isEmailAddress(input.email)) {
		throw invalid('The Email parameter is not a valid email address. Use an address like name@example.com');
	}
	const problem = contract.checkInput?.(input);
	if (problem) throw invalid(problem);
};
