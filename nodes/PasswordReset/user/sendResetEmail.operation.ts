import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { showIn } from './mapping';

export const sendResetEmailOperation: INodePropertyOptions = {
	name: 'Send Reset Email',
	value: 'sendResetEmail',
	action: 'Send a password reset email',
	description: 'Start a password reset: the service emails the user a reset link or code',
};

export const sendResetEmailFields: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email address of the account',
		displayOptions: showIn('defineBelow', ['sendResetEmail', 'createResetLink', 'setPassword']),
	},
];
