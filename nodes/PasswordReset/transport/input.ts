import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation, ResetInput } from '../services/types';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_SENDS_PER_RUN = 100;
export const DEFAULT_MAX_RETRY_AFTER_SECONDS = 30;

export interface NodeOptions {
	timeout: number;
	revealUnknownAccounts: boolean;
	includeRawResponse: boolean;
	maxSendsPerRun: number;
	maxRetryAfter: number;
}

const positive = (value: unknown, fallback: number) =>
	typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;

const text = (value: unknown) => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));

/** The node's parameters for the current item. The password is kept byte-exact: never trimmed. */
export const readInput = (context: IExecuteSingleFunctions): ResetInput => {
	const operation = readOperation(context);
	return {
		email: text(context.getNodeParameter('email', '')).trim(),
		resetToken: operation === 'sendResetEmail' ? '' : text(context.getNodeParameter('resetToken', '')).trim(),
		newPassword: operation === 'resetPassword' ? text(context.getNodeParameter('newPassword', '')) : '',
	};
};

export const readOperation = (context: IExecuteSingleFunctions) =>
	context.getNodeParameter('operation') as Operation;

export const readOptions = (context: IExecuteSingleFunctions): NodeOptions => {
	const options = context.getNodeParameter('options', {}) as Partial<NodeOptions>;
	return {
		timeout: positive(options.timeout, DEFAULT_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS,
		revealUnknownAccounts: options.revealUnknownAccounts === true,
		includeRawResponse: options.includeRawResponse === true,
		maxSendsPerRun: positive(options.maxSendsPerRun, DEFAULT_MAX_SENDS_PER_RUN),
		maxRetryAfter: positive(options.maxRetryAfter, DEFAULT_MAX_RETRY_AFTER_SECONDS),
	};
};
