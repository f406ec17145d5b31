import { contractFor, isUnsupported } from '../services';
import type { Operation, ResetInput, ServiceProfile } from '../services/types';
import { ResetFailure } from './errors';
import type { RequestSettings } from './settings';

const FIELD_NAMES: Record<keyof ResetInput, string> = {
	email: 'Email',
	resetToken: 'Reset Token',
	newPassword: 'New Password',
};

const PATH_FIELD_NAMES: Record<Operation, string> = {
	sendResetEmail: 'Send Reset Email Path',
	resetPassword: 'Reset Password Path',
	verifyResetToken: 'path',
};

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const invalid = (message: string) => new ResetFailure('invalid_input', null, undefined, message);

const isLoopback = (hostname: string) =>
	hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);

export const checkBaseUrl = (baseUrl: string) => {
	let url: URL;
	try {
		url = new URL(baseUrl);
	} catch {
		throw invalid('The credential\'s Base URL is not a valid URL. Set it to the service\'s address, e.g. https://api.example.com');
	}
	if (url.protocol === 'https:') return;
	if (url.protocol === 'http:' && isLoopback(url.hostname)) return;
	throw invalid(
		"The credential's Base URL must start with https:// (http:// is only allowed for localhost): reset tokens and passwords must not cross the network unencrypted",
	);
};

/**
 * Everything that can be known wrong before the request: the item fails here, its request is
 * never sent. Returns the profile, now known to exist.
 */
export const validateItem = (
	profile: ServiceProfile | undefined,
	settings: RequestSettings,
	operation: Operation,
	input: ResetInput,
	ignoreSslIssues: boolean,
): ServiceProfile => {
	if (!profile) {
		throw invalid(`The credential's Service "${settings.service}" is not known. Choose a service in the Password Reset API credential`);
	}
	const contract = contractFor(profile, operation);
	if (isUnsupported(contract)) throw new ResetFailure('not_supported', null, undefined, contract.notSupported);
	checkBaseUrl(settings.baseUrl);
	if (ignoreSslIssues) {
		throw invalid(
			'Ignore SSL Issues is on in Request Options, but Password Reset always verifies TLS certificates: reset tokens and passwords must only reach the real server. Turn the setting off',
		);
	}
	if (!contract.path) {
		throw invalid(`The credential's ${PATH_FIELD_NAMES[operation]} is empty. Set the path of the service's endpoint, e.g. /auth/recover`);
	}
	for (const field of contract.requires) {
		if (!input[field]) {
			throw invalid(`The ${FIELD_NAMES[field]} parameter is empty. ${profile.displayName} needs it for this operation`);
		}
	}
	if (input.email && !EMAIL_PATTERN.test(input.email)) {
		throw invalid('The Email parameter is not a valid email address. Use an address like name@example.com');
	}
	const problem = contract.checkInput?.(input);
	if (problem) throw invalid(problem);
	return profile;
};
