import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { resetRouting } from '../transport/routing';

export const verifyResetTokenOperation: INodePropertyOptions = {
	name: 'Verify Reset Token',
	value: 'verifyResetToken',
	action: 'Check a reset token without using it',
	description: 'Check that a reset token is valid without using it up, where the service can (Firebase)',
	routing: resetRouting,
};

export const verifyResetTokenFields: INodeProperties[] = [
	{
		displayName: 'Reset Token',
		name: 'resetToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The token or code from the reset email',
		displayOptions: { show: { resource: ['user'], operation: ['verifyResetToken'] } },
	},
];
