import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation, ResetInput } from '../services/types';

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface NodeOptions {
	timeout: number;
	revealUnknownAccounts: boolean;
	includeRawResponse: boolean;
}

const text = (value: unknown) => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));

/** The node's parameters for the current item. The password is kept byte-exact: never trimmed. */
export const readInput = (context: IExecuteSingleFunctions): ResetInput => {
	const operation = readOperation(context);
	return {
		email: text(context.getNodeParameter('email', '')).trim(),
		resetToken: operation === 'resetPassword' ? text(context.getNodeParameter('resetToken', '')).trim() : '',
		newPassword: operation === 'resetPassword' ? text(context.getNodeParameter('newPassword', '')) : '',
	};
};

export const readOperation = (context: IExecuteSingleFunctions) =>
	context.getNodeParameter('operation') as Operation;

export const readOptions = (context: IExecuteSingleFunctions): NodeOptions => {
	const options = context.getNodeParameter('options', {}) as Partial<NodeOptions>;
	return {
		timeout: options.timeout && options.timeout > 0 ? options.timeout : DEFAULT_TIMEOUT_MS,
		revealUnknownAccounts: options.revealUnknownAccounts === true,
		includeRawResponse: options.includeRawResponse === true,
	};
};
