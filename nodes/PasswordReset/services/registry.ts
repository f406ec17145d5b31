import type { CredentialSettings, Edition, ServiceOperation, ServiceProfile } from '../kernel/types';
import { CUSTOM_SERVICE, isUnsupported } from './index';

/** An edition's services, as the engine, the credential and the editor read them. */
export interface Registry {
	readonly edition: Edition;
	/** Every service the credential offers: the listed ones, then Custom where the edition has it. */
	readonly credentialServices: readonly ServiceProfile[];
	/** The profile the credential describes (its path overrides applied), or undefined for a service this edition lacks. */
	resolveProfile(settings: CredentialSettings): ServiceProfile | undefined;
}

const registries = new WeakMap<Edition, Registry>();

/** The registry of an edition, built once per edition value. */
export const registryOf = (edition: Edition): Registry => {
	let registry = registries.get(edition);
	if (!registry) {
		const byId = new Map(edition.profiles.map((profile) => [profile.id, profile]));
		const { custom } = edition;
		registry = {
			edition,
			credentialServices: [...edition.profiles, ...(custom ? [custom({ service: CUSTOM_SERVICE, baseUrl: '' })] : [])],
			resolveProfile: (settings) => {
				if (settings.service === CUSTOM_SERVICE && custom) return withPathOverrides(custom(settings), settings);
				const profile = byId.get(settings.service);
				return profile && withPathOverrides(profile, settings);
			},
		};
		registries.set(edition, registry);
	}
	return registry;
};

/** A listed service's contract may be a guess: the credential's path overrides replace its send and reset paths. */
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
