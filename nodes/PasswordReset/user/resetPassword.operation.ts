import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { resetRouting } from '../run/routing';
import { showIn } from './mapping';

export const resetPasswordOperation: INodePropertyOptions = {
	name: 'Reset Password',
	value: 'resetPassword',
	action: 'Reset a password with a reset token',
	description: 'Finish a password reset with the emailed token or code and a new password',
	routing: resetRouting,
};

const showFor = showIn('defineBelow', ['resetPassword', 'checkPassword']);

export const resetPasswordFields: INodeProperties[] = [
	{
		displayName: 'New Password',
		name: 'newPassword',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The password to set. Sent as typed, never trimmed.',
		displayOptions: showFor,
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description:
			"Email address of the account. Some services need it to reset (Wabotify, Supabase, or Custom with a Reset Email Field); the others ignore it. Check New Password refuses a password containing the email's name or domain.",
		displayOptions: showFor,
	},
];
