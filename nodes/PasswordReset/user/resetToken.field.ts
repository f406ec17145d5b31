import type { INodeProperties } from 'n8n-workflow';

import type { Registry } from '../services/registry';
import { resetTokenHints } from './prose';
import { showIn } from './mapping';

/** The emailed token, for the operations that take one. */
export const resetTokenField = (registry: Registry): INodeProperties => ({
	displayName: 'Reset Token',
	name: 'resetToken',
	type: 'string',
	typeOptions: { password: true },
	required: true,
	default: '',
	description: `The token or code from the reset email. ${resetTokenHints(registry)}`.trim(),
	displayOptions: showIn('defineBelow', ['resetPassword', 'verifyResetToken']),
});
