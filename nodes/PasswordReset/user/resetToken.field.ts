import type { INodeProperties } from 'n8n-workflow';

import { resetTokenHints } from '../services';
import { showIn } from './mapping';

/** The emailed token, for the operations that take one. */
export const resetTokenField: INodeProperties = {
	displayName: 'Reset Token',
	name: 'resetToken',
	type: 'string',
	typeOptions: { password: true },
	required: true,
	default: '',
	description: `The token or code from the reset email. ${resetTokenHints()}`.trim(),
	displayOptions: showIn('defineBelow', ['resetPassword', 'verifyResetToken']),
};
