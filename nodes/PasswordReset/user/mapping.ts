import type { INodeProperties } from 'n8n-workflow';

import { MAPPING_MODES, PASSWORD_SOURCES } from '../run/input';
import { listed } from '../kernel/text';
import type { Registry } from '../services/registry';
import { servicesNeedingEmailToReset } from './prose';
import type { Operation } from '../kernel/types';

/**
 * How the node gets each item's Email, Reset Token and New Password: from the parameters below
 * (expressions, `$fromAI`), or from the item's own fields by name. The second has no expression
 * at all, which RoutingNode would resolve twice per item (see docs/speed.md).
 */
export const mappingMode: INodeProperties = {
	displayName: 'Mapping Mode',
	name: 'mappingMode',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Define Each Value Below',
			value: MAPPING_MODES.defineBelow,
			description: 'Set Email, Reset Token and New Password below, as fixed values or expressions; the mode for an AI tool ($fromAI)',
		},
		{
			name: 'Map Input Fields by Name',
			value: MAPPING_MODES.mapByName,
			description:
				"Read them from each input item's fields, named below: no expression per item, the fastest for bulk runs, and the token and password never become node parameters",
		},
	],
	default: 'defineBelow',
	description: "Where each item's Email, Reset Token and New Password come from",
	displayOptions: { show: { resource: ['user'] } },
};

/** Show a parameter for these operations in one mapping mode. */
export const showIn = (mode: keyof typeof MAPPING_MODES, operation: Operation[]) => ({
	show: { resource: ['user'], operation, mappingMode: [MAPPING_MODES[mode]] },
});

/**
 * The item fields read by name. n8n's lint wants literal names and defaults here: they are
 * `MAPPED_FIELDS` in run/input.ts, and a test keeps the two equal.
 */
export const mappedFields = (registry: Registry): INodeProperties[] => [
	{
		displayName: 'Email Field',
		name: 'emailField',
		type: 'string',
		noDataExpression: true,
		required: true,
		default: 'email',
		description: "The input item's field holding the account's email address. A nested field by dot path, e.g. user.email.",
		displayOptions: showIn('mapByName', ['sendResetEmail', 'createResetLink', 'setPassword']),
	},
	{
		displayName: 'Reset Token Field',
		name: 'resetCodeField',
		type: 'string',
		noDataExpression: true,
		required: true,
		default: 'token',
		description: "The input item's field holding the token or code from the reset email. A nested field by dot path, e.g. query.token.",
		displayOptions: showIn('mapByName', ['resetPassword', 'verifyResetToken']),
	},
	{
		displayName: 'New Password Field',
		name: 'newPassField',
		type: 'string',
		noDataExpression: true,
		required: true,
		default: 'newPassword',
		description: "The input item's field holding the password to set, sent as it is, never trimmed",
		displayOptions: { ...showIn('mapByName', ['resetPassword', 'setPassword', 'checkPassword']), hide: { passSource: [PASSWORD_SOURCES.generated] } },
	},
	{
		displayName: 'Email Field',
		name: 'emailField',
		type: 'string',
		noDataExpression: true,
		default: 'email',
		description: `The input item's field holding the account's email, for the services that need it to reset (${listed(servicesNeedingEmailToReset(registry)) || 'none here'}), and for the password check's context words. Read when the item has it.`,
		displayOptions: showIn('mapByName', ['resetPassword', 'checkPassword']),
	},
];
