import type { INodeProperties } from 'n8n-workflow';

import { showIn } from './mapping';

/** The emailed token, for the operations that take one. */
export const resetTokenField: INodeProperties = {
	displayName: 'Reset Token',
	name: 'resetToken',
	type: 'string',
	typeOptions: { password: true },
	required: true,
	default: '',
	description:
		'The token or code from the reset email. Supabase: the 6-digit code, with the Email. Appwrite: userId:secret, or the whole recovery link from the email.',
	displayOptions: showIn('defineBelow', ['resetPassword', 'verifyResetToken']),
};
