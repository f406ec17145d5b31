import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Registry } from '../services/registry';
import { servicesOffering } from './prose';

export const createResetLinkOperation = (registry: Registry): INodePropertyOptions => ({
	name: 'Create Reset Link',
	value: 'createResetLink',
	action: 'Create a password reset link',
	description: `Have the service create a reset link, without its email, to send through your own channel (${servicesOffering(registry, 'createResetLink')})`,
});

export const createResetLinkFields: INodeProperties[] = [
	{
		displayName:
			'The output\'s resetLink opens this account to whoever holds it: send it only to the account\'s own address, and keep it out of saved executions (Workflow Settings → Save Successful Production Executions: Do Not Save)',
		name: 'resetLinkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['user'], operation: ['createResetLink'] } },
	},
];
