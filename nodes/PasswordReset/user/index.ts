import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS } from '../transport/input';
import { resetPasswordFields, resetPasswordOperation } from './resetPassword.operation';
import { sendResetEmailFields, sendResetEmailOperation } from './sendResetEmail.operation';

const showForUser = { show: { resource: ['user'] } };

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showForUser,
	options: [resetPasswordOperation, sendResetEmailOperation],
	default: 'sendResetEmail',
};

const options: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: showForUser,
	options: [
		{
			displayName: 'Include Raw Response',
			name: 'includeRawResponse',
			type: 'boolean',
			default: false,
			description:
				"Whether to add the service's answer to a successful item as rawResponse, with the token, password and API key redacted",
		},
		{
			displayName: 'Reveal Unknown Accounts',
			name: 'revealUnknownAccounts',
			type: 'boolean',
			default: false,
			description:
				'Whether Send Reset Email reports an unknown email as a user_not_found failure. Off by default, so a workflow cannot be used to find out which emails have accounts.',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_TIMEOUT_MS,
			description: 'Milliseconds to wait for the service before the item fails. Wins over the Timeout in Request Options.',
		},
	],
};

export const userDescription: INodeProperties[] = [
	operation,
	...sendResetEmailFields,
	...resetPasswordFields,
	options,
];
