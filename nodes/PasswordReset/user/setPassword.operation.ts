import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { offers } from '../services';
import type { Registry } from '../services/registry';
import type { OperationContract } from '../kernel/types';
import { listed } from '../kernel/text';
import { servicesOffering } from './prose';
import { PASSWORD_SOURCES } from '../run/input';

export const setPasswordOperation = (registry: Registry): INodePropertyOptions => ({
	name: 'Set Password',
	value: 'setPassword',
	action: "Set a user's password as an admin",
	description: `Find the account by email and set its password with the service's admin API, without a reset email (${servicesOffering(registry, 'setPassword')})`,
});

const forSet = { show: { '/operation': ['setPassword'] } };

/** This edition's services whose Set Password can do what `has` asks of its effects. */
const servicesWhere = (registry: Registry, has: (contract: OperationContract) => boolean) =>
	listed(
		registry.edition.profiles
			.filter((profile) => offers(profile, 'setPassword') && has(profile.operations.setPassword as OperationContract))
			.map((profile) => profile.displayName),
	) || 'none of this package\'s services';

export const setPasswordFields: INodeProperties[] = [
	{
		displayName: 'Password to Set',
		name: 'passSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Use the New Password', value: PASSWORD_SOURCES.given, description: 'The password you give below (or map from the item)' },
			{
				name: 'Generate a Temporary Password',
				value: PASSWORD_SOURCES.generated,
				description:
					'The node makes a strong one that the service makes the user change at the next sign-in, and outputs it once as temporaryPassword. Only where the service can force that change.',
			},
		],
		default: 'given',
		description: 'Whether to set the password you give, or one the node generates for a temporary sign-in',
		displayOptions: { show: { resource: ['user'], operation: ['setPassword'] } },
	},
	{
		displayName:
			"Set Password changes the account's password at once, without the user: check who is asking first. The credential needs the service's admin key (see the credential's fields)",
		name: 'setPasswordNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['user'], operation: ['setPassword'] } },
	},
];

/** Set Password's options, for the node's Options collection. */
export const setPasswordOptions = (registry: Registry): INodeProperties[] => [
	{
		displayName: 'Require Change at Next Sign-In',
		name: 'requireChange',
		type: 'boolean',
		default: false,
		description: `Whether the user must choose a new password at the next sign-in (a temporary password). Offered by ${servicesWhere(registry, (contract) => Boolean(contract.effects?.requireChange))}; elsewhere it fails before anything is sent.`,
		displayOptions: forSet,
	},
	{
		displayName: 'Sign Out Other Sessions',
		name: 'signOutOthers',
		type: 'boolean',
		default: false,
		description: `Whether to end the user's existing sessions. ${servicesWhere(registry, (contract) => contract.effects?.otherSessions === 'always')} always do it on a set; ${servicesWhere(registry, (contract) => contract.effects?.otherSessions === 'onRequest')} with this on; elsewhere it fails before anything is sent.`,
		displayOptions: forSet,
	},
];
