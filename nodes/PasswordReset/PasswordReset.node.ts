import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testPasswordResetCredential } from './transport/credentialTest';
import { userDescription } from './user';

export class PasswordReset implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Password Reset',
		name: 'passwordReset',
		icon: { light: 'file:../../icons/password-reset.svg', dark: 'file:../../icons/password-reset.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send password reset emails and reset passwords through WibiClick, Wabotify, Xano, Industrial IOT or any REST reset API',
		defaults: { name: 'Password Reset' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Tested by a probe the service's profile describes (see transport/credentialTest.ts).
		credentials: [{ name: 'passwordResetApi', required: true, testedBy: 'passwordResetApiTest' }],
		// No expressions here: RoutingNode would resolve each for every item. The credential is
		// read once per run instead, and the Base URL set from it (see transport/runContext.ts).
		requestDefaults: {
			headers: { Accept: 'application/json' },
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'User', value: 'user' }],
				default: 'user',
			},
			...userDescription,
		],
	};

	methods = {
		credentialTest: { passwordResetApiTest: testPasswordResetCredential },
	};
}
