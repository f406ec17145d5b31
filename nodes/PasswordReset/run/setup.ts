import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { withAuth } from './auth';
import type { RequestSettings } from './settings';
import { pathHoldsSecret } from './settings';
import { invalidInput, NODE, ResetFailure } from '../outcome/errors';
import { contractFor, isServiceOperation, isUnsupported } from '../services';
import { changesPassword } from '../kernel/operations';
import type { Operation, OperationContract, ResetInput, ServiceOperation, ServiceProfile, SetPasswordChoices } from '../kernel/types';
import type { FieldMapping, PasswordCheckOptions } from './input';
import { inputLabel } from './input';
import { checkHeader, isEmailAddress, MAX_EMAIL_LENGTH, normalizeBaseUrl } from '../safety/checks';

export const PATH_FIELD_NAMES: Record<ServiceOperation, string> = {
	sendResetEmail: "credential's Send Reset Email Path",
	resetPassword: "credential's Reset Password Path",
	verifyResetToken: "service profile's Verify Reset Token path",
	createResetLink: "credential's Create Reset Link Path",
	setPassword: "service profile's Set Password path",
};

/**
 * Check New Password's contract: what it reads, and nothing to send (it calls no service, only
 * the range API where that check is on).
 */
const CHECK_PASSWORD: OperationContract = {
	method: 'POST',
	path: '',
	requires: ['newPassword'],
	fields: () => ({}),
	isSuccess: () => false,
};

/** What a run's checks establish: every item of the run reads it. */
export interface ValidRun {
	profile: ServiceProfile;
	/** The operation's contract in the profile (one the service supports: checked once). */
	contract: OperationContract;
	/** The validated Base URL every request to the service goes to (none for Check New Password). */
	baseUrl: string;
	/** Each item's new password is checked before anything is sent (see `checkNewPassword`). */
	checksPassword: boolean;
	/** The range API's address when the breached-password check is on. */
	rangeApiUrl: string | undefined;
}

/**
 * What can be known wrong about the whole run before any request (the service, the operation,
 * the Base URL, the credential's headers, TLS, an empty path): checked once per run, every item
 * fails with it, and the password check's settings.
 */
export const validateRun = (
	profile: ServiceProfile | undefined,
	settings: RequestSettings,
	operation: Operation,
	ignoreSslIssues: boolean,
	passwordCheck: PasswordCheckOptions,
	choices: SetPasswordChoices,
	{ credentialName, nodeName }: { credentialName: string; nodeName: string },
): ValidRun => {
	if (!profile) {
		throw invalidInput(`The credential's Service "${settings.service}" is not known. Choose a service in the ${credentialName} credential`);
	}
	const checksPassword = operation === 'checkPassword' || (changesPassword(operation) && passwordCheck.beforeReset);
	const rangeApiUrl = checksPassword && passwordCheck.breachCheck ? normalizeBaseUrl(passwordCheck.rangeApiUrl, 'The Breached Password API URL option') : undefined;
	if (!isServiceOperation(operation)) return { profile, contract: CHECK_PASSWORD, baseUrl: '', checksPassword, rangeApiUrl };
	const contract = contractFor(profile, operation);
	if (isUnsupported(contract)) throw new ResetFailure('not_supported', null, undefined, contract.notSupported);
	const baseUrl = normalizeBaseUrl(settings.baseUrl);
	const authHeaders = withAuth(profile, settings as unknown as ICredentialDataDecryptedObject, { headers: {} }).headers as Record<string, string>;
	for (const [name, value] of Object.entries(authHeaders)) checkHeader(name, value, "the credential's value");
	if (ignoreSslIssues) {
		throw invalidInput(
			`Ignore SSL Issues is on in Request Options, but ${nodeName} always verifies TLS certificates: reset tokens and passwords must only reach the real server. Turn the setting off`,
		);
	}
	if (!contract.path) {
		throw invalidInput(`The ${PATH_FIELD_NAMES[operation]} is empty. Set the path of the service's endpoint, e.g. /auth/recover`);
	}
	// A key typed into a path would travel in the URL (and every proxy's log): refused, never shown.
	if (pathHoldsSecret(contract.path, settings, profile)) {
		throw invalidInput(`The ${PATH_FIELD_NAMES[operation]} contains one of the credential's secrets: secrets never go into a URL. Remove it from the path`);
	}
	const settingsProblem = contract.settingsProblem?.(settings);
	if (settingsProblem) throw invalidInput(settingsProblem);
	const unoffered = unofferedChoice(profile, contract, choices);
	if (unoffered) throw new ResetFailure('not_supported', null, undefined, unoffered);
	return { profile, contract, baseUrl, checksPassword, rangeApiUrl };
};

/** A Set Password option the service cannot honour, named with what it lacks; undefined when it can. */
const unofferedChoice = ({ displayName }: ServiceProfile, { effects }: OperationContract, choices: SetPasswordChoices): string | undefined => {
	if (choices.generateTemporary && !effects?.requireChange) {
		return `${displayName} has no way to make a user change an admin-set password at the next sign-in, so ${NODE} does not generate one: a generated password that never expires would be a standing secret. Nothing was sent. Set Password to Set to Use the New Password, or use Create Reset Link`;
	}
	if (choices.requireChange && !effects?.requireChange) {
		return `${displayName} has no way to make a user change an admin-set password at the next sign-in, so Require Change at Next Sign-In cannot be honoured: nothing was sent. Turn the option off, or use Create Reset Link or Send Reset Email`;
	}
	if (choices.signOutOtherSessions && effects?.otherSessions !== 'always' && effects?.otherSessions !== 'onRequest') {
		const why = effects?.otherSessions === 'never' ? 'has no call that signs a user out of their sessions' : "does not say what happens to the user's sessions";
		return `${displayName} ${why}, so Sign Out Other Sessions cannot be honoured: nothing was sent. Turn the option off and sign the user out in ${displayName} itself`;
	}
	return undefined;
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
