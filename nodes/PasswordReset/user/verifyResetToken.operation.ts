import type { INodePropertyOptions } from 'n8n-workflow';

import type { Registry } from '../services/registry';
import { servicesOffering } from './prose';

export const verifyResetTokenOperation = (registry: Registry): INodePropertyOptions => ({
	name: 'Verify Reset Token',
	value: 'verifyResetToken',
	action: 'Check a reset token without using it',
	description: `Check that a reset token is valid without using it up, where the service can (${servicesOffering(registry, 'verifyResetToken')})`,
});
