import { appwrite } from './appwrite';
import { auth0 } from './auth0';
import { betterAuth, betterAuthEmailOtp } from './betterAuth';
import { cognito } from './cognito';
import { buildCustomProfile } from './custom';
import { directus } from './directus';
import { firebase } from './firebase';
import { industrialIot } from './industrialIot';
import { keycloak } from './keycloak';
import { magento } from './magento';
import { medusa } from './medusa';
import { okta } from './okta';
import { parse } from './parse';
import { payload } from './payload';
import { pocketbase } from './pocketbase';
import { strapi } from './strapi';
import { supabase } from './supabase';
import type { CredentialSettings, Operation, OperationContract, ServiceOperation, ServiceProfile, UnsupportedOperation } from './types';
import { wabotify } from './wabotify';
import { wibiclick } from './wibiclick';
import { xano } from './xano';

/** The only place that lists the services. Add a profile file, then one line here. */
export const SERVICE_PROFILES: readonly ServiceProfile[] = [
	wibiclick,
	wabotify,
	xano,
	industrialIot,
	supabase,
	firebase,
	pocketbase,
	directus,
	strapi,
	appwrite,
	auth0,
	betterAuth,
	betterAuthEmailOtp,
	magento,
	payload,
	medusa,
	okta,
	cognito,
	parse,
	keycloak,
];

export const CUSTOM_SERVICE = 'custom';

/** Every service the credential offers, Custom last, as its form shows them. */
export const CREDENTIAL_SERVICES: readonly ServiceProfile[] = [
	...SERVICE_PROFILES,
	buildCustomProfile({ service: CUSTOM_SERVICE, baseUrl: '' }),
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
	if (settings.service === CUSTOM_SERVICE) return withPathOverrides(buildCustomProfile(settings), settings);
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
