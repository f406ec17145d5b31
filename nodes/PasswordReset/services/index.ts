import { EDITION } from '../edition';
import type { CredentialSettings, Operation, OperationContract, ServiceOperation, ServiceProfile, UnsupportedOperation } from '../kernel/types';

/** The services of this edition (see `edition.ts`, the one list). */
export const SERVICE_PROFILES: readonly ServiceProfile[] = EDITION.profiles;

export const CUSTOM_SERVICE = 'custom';

/** Every service the credential offers, Custom last (where the edition has it), as its form shows them. */
export const CREDENTIAL_SERVICES: readonly ServiceProfile[] = [
	...SERVICE_PROFILES,
	...(EDITION.custom ? [EDITION.custom({ service: CUSTOM_SERVICE, baseUrl: '' })] : []),
];

const profileById = new Map(SERVICE_PROFILES.map((profile) => [profile.id, profile]));

export const isUnsupported = (
	contract: OperationContract | UnsupportedOperation,
): contract is UnsupportedOperation => 'notSupported' in contract;

export const OPERATION_NAMES: Record<Operation, string> = {
	sendResetEmail: 'Send Reset Email',
	resetPassword: 'Reset Password',
	verifyResetToken: 'Verify Reset Token',
	createResetLink: 'Create Reset Link',
	checkPassword: 'Check New Password',
};

/** The operations a profile may offer, in the order of a reset; Check New Password calls no service. */
export const SERVICE_OPERATIONS: readonly ServiceOperation[] = ['sendResetEmail', 'resetPassword', 'verifyResetToken', 'createResetLink'];

export const isServiceOperation = (operation: Operation): operation is ServiceOperation => operation !== 'checkPassword';

const OTHER_OPERATION = 'Use another operation';

/** Why an operation a profile leaves out fails, and what to do instead. */
const NOT_OFFERED: Record<ServiceOperation, string> = {
	sendResetEmail: OTHER_OPERATION,
	resetPassword: OTHER_OPERATION,
	verifyResetToken: OTHER_OPERATION,
	createResetLink: 'It has no admin call that returns a reset link: use Send Reset Email, which has it mail its own',
};

/** Whether the profile offers the operation (it names it, and not as `notSupported`). */
export const offers = (profile: ServiceProfile, operation: ServiceOperation): boolean => {
	const contract = profile.operations[operation];
	return contract !== undefined && !isUnsupported(contract);
};

/** Names as a sentence lists them: "A", "A and B", "A, B and C". */
export const listed = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? ''));

/** This edition's services that offer the operation, for the editor's hints (Custom included where it has it). */
export const servicesOffering = (operation: ServiceOperation) => listed(CREDENTIAL_SERVICES.filter((profile) => offers(profile, operation)).map((profile) => profile.displayName));

/** This edition's services whose Reset Password needs the Email, for the editor's hints. */
export const servicesNeedingEmailToReset = (): string[] => [
	...SERVICE_PROFILES.filter((profile) => offers(profile, 'resetPassword') && (profile.operations.resetPassword as OperationContract).requires.includes('email')).map(
		(profile) => profile.displayName,
	),
	...(EDITION.custom ? ['Custom with a Reset Email Field'] : []),
];

/** This edition's hints for the Reset Token, each service's own (`setup.resetToken`). */
export const resetTokenHints = () =>
	SERVICE_PROFILES.filter((profile) => profile.setup.resetToken)
		.map((profile) => `${profile.displayName}: ${profile.setup.resetToken}.`)
		.join(' ');

/** The profile's contract for an operation; an operation it leaves out is not supported. */
export const contractFor = (profile: ServiceProfile, operation: ServiceOperation): OperationContract | UnsupportedOperation =>
	profile.operations[operation] ?? {
		notSupported: `${profile.displayName} cannot ${OPERATION_NAMES[operation]} through its API. ${NOT_OFFERED[operation]}`,
	};

/**
 * The profile the credential describes: a listed service, with the credential's path overrides
 * applied (its contract may be a guess), or the Custom profile built from the credential.
 */
export const resolveProfile = (settings: CredentialSettings): ServiceProfile | undefined => {
	if (settings.service === CUSTOM_SERVICE && EDITION.custom) return withPathOverrides(EDITION.custom(settings), settings);
	const profile = profileById.get(settings.service);
	return profile && withPathOverrides(profile, settings);
};

const withPathOverrides = (profile: ServiceProfile, settings: CredentialSettings): ServiceProfile => {
	const overrides: Partial<Record<ServiceOperation, string | undefined>> = {
		sendResetEmail: settings.sendEmailPath?.trim(),
		resetPassword: settings.resetPath?.trim(),
	};
	if (!overrides.sendResetEmail && !overrides.resetPassword) return profile;
	const operations = { ...profile.operations };
	let { credentialTest } = profile;
	for (const operation of Object.keys(overrides) as ServiceOperation[]) {
		const path = overrides[operation];
		const contract = operations[operation];
		if (!path || !contract || isUnsupported(contract)) continue;
		operations[operation] = { ...contract, path };
		// A probe of this route follows it to its new path.
		if (credentialTest.path && credentialTest.path === contract.path) credentialTest = { ...credentialTest, path };
	}
	return { ...profile, operations, credentialTest };
};
