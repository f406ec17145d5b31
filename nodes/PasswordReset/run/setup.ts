import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { withAuth } from '../../../credentials/auth';
import type { RequestSettings } from '../../../credentials/settings';
import { invalidInput, ResetFailure } from '../outcome/errors';
import { contractFor, isUnsupported } from '../services';
import type { Operation, OperationContract, ResetInput, ServiceProfile } from '../services/types';
import type { FieldMapping } from './input';
import { inputLabel } from './input';
import { checkHeader, isEmailAddress, MAX_EMAIL_LENGTH, normalizeBaseUrl } from '../safety/checks';

export const PATH_FIELD_NAMES: Record<Operation, string> = {
	sendResetEmail: "credential's Send Reset Email Path",
	resetPassword: "credential's Reset Password Path",
	verifyResetToken: "service profile's Verify Reset Token path",
};

/**
 * What can be known wrong about the whole run before any request (the service, the operation,
 * the Base URL, the credential's headers, TLS, an empty path): checked once per run, every item
 * fails with it. Returns the profile, now known to exist, its contract for the operation, and
 * the Base URL every request uses.
 */
export const validateRun = (
	profile: ServiceProfile | undefined,
	settings: RequestSettings,
	operation: Operation,
	ignoreSslIssues: boolean,
): { profile: ServiceProfile; contract: OperationContract; baseUrl: string } => {
	if (!profile) {
		throw invalidInput(`The credential's Service "${settings.service}" is not known. Choose a service in the Password Reset API credential`);
	}
	const contract = contractFor(profile, operation);
	if (isUnsupported(contract)) throw new ResetFailure('not_supported', null, undefined, contract.notSupported);
	const baseUrl = normalizeBaseUrl(settings.baseUrl);
	const authHeaders = withAuth(settings as unknown as ICredentialDataDecryptedObject, { headers: {} }).headers as Record<string, string>;
	for (const [name, value] of Object.entries(authHeaders)) checkHeader(name, value, "the credential's value");
	if (ignoreSslIssues) {
		throw invalidInput(
			'Ignore SSL Issues is on in Request Options, but Password Reset always verifies TLS certificates: reset tokens and passwords must only reach the real server. Turn the setting off',
		);
	}
	if (!contract.path) {
		throw invalidInput(`The ${PATH_FIELD_NAMES[operation]} is empty. Set the path of the service's endpoint, e.g. /auth/recover`);
	}
	if (contract.settingsProblem) throw invalidInput(contract.settingsProblem);
	return { profile, contract, baseUrl };
};

/** What can be known wrong about one item's input: it fails here, its request is never sent. */
export const validateInput = (profile: ServiceProfile, contract: OperationContract, input: ResetInput, mapping: FieldMapping | undefined): void => {
	for (const field of contract.requires) {
		if (!input[field]) throw invalidInput(`${inputLabel(field, mapping)} is empty. ${profile.displayName} needs it for this operation`);
	}
	if (input.email.length > MAX_EMAIL_LENGTH) {
		throw invalidInput(`${inputLabel('email', mapping)} is longer than an email address can be (${MAX_EMAIL_LENGTH} characters). Check what is mapped to it`);
	}
	if (input.email && !isEmailAddress(input.email)) {
		throw invalidInput(`${inputLabel('email', mapping)} is not a valid email address. Use an address like name@example.com`);
	}
	const problem = contract.checkInput?.(input);
	if (problem) throw invalidInput(problem);
};
