import type { INodePropertyOptions } from 'n8n-workflow';

export const checkPasswordOperation: INodePropertyOptions = {
	name: 'Check New Password',
	value: 'checkPassword',
	action: 'Check a new password',
	description: 'Check a new password as NIST SP 800-63B-4 asks (length, context words, common and breached passwords) without sending it to the service',
};
