import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { resetRouting } from '../run/routing';
import { servicesOffering } from '../services';

export const createResetLinkOperation: INodePropertyOptions = {
	name: 'Create Reset Link',
	value: 'createResetLink',
	action: 'Create a password reset link',
	description: `Have the service create a reset link, without its email, to send through your own channel (${servicesOffering('createResetLink')})`,
	routing: resetRouting,
};

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
