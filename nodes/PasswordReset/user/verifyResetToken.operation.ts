import type { INodePropertyOptions } from 'n8n-workflow';

import { resetRouting } from '../run/routing';
import { servicesOffering } from '../services';

export const verifyResetTokenOperation: INodePropertyOptions = {
	name: 'Verify Reset Token',
	value: 'verifyResetToken',
	action: 'Check a reset token without using it',
	description: `Check that a reset token is valid without using it up, where the service can (${servicesOffering('verifyResetToken')})`,
	routing: resetRouting,
};
