import type { OperationContract, ServiceOperation } from '../kernel/types';
import { listed } from '../kernel/text';
import { offers } from '../services';
import type { Registry } from '../services/registry';

/* The editor's hints that name this edition's services: each computed from its registry. */

/** This edition's services that offer the operation (Custom included where it has it). */
export const servicesOffering = (registry: Registry, operation: ServiceOperation) =>
	listed(registry.credentialServices.filter((profile) => offers(profile, operation)).map((profile) => profile.displayName));

/** This edition's services whose Reset Password needs the Email. */
export const servicesNeedingEmailToReset = ({ edition }: Registry): string[] => [
	...edition.profiles
		.filter((profile) => offers(profile, 'resetPassword') && (profile.operations.resetPassword as OperationContract).requires.includes('email'))
		.map((profile) => profile.displayName),
	...(edition.custom ? ['Custom with a Reset Email Field'] : []),
];

/** This edition's hints for the Reset Token, each service's own (`setup.resetToken`). */
export const resetTokenHints = ({ edition }: Registry) =>
	edition.profiles
		.filter((profile) => profile.setup.resetToken)
		.map((profile) => `${profile.displayName}: ${profile.setup.resetToken}.`)
		.join(' ');
