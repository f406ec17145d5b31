import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation, ResetInput } from '../services/types';
import { invalidInput } from '../outcome/errors';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_SENDS_PER_RUN = 100;
export const DEFAULT_MAX_RETRY_AFTER_SECONDS = 30;
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 10;
/** The longest delay a Node.js timer keeps; a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

export interface NodeOptions {
	timeout: number;
	revealUnknownAccounts: boolean;
	includeRawResponse: boolean;
	maxSendsPerRun: number;
	maxRetryAfter: number;
	maxConcurrentRequests: number;
}

const kindOf = (value: unknown) => (Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

/**
 * A text parameter's value. A number is taken as its digits (a numeric code from an
 * expression); anything else that is not text (an object, a list, a boolean) fails naming the
 * parameter, rather than being sent as "[object Object]".
 */
const text = (value: unknown, label: string): string => {
	if (typeof value === 'string') return value;
	if (value === undefined || value === null || value === '') return '';
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	throw invalidInput(`The ${label} parameter must be text, but its expression gave ${kindOf(value)}. Map it to a text field`);
};

/** The usual mapping, a whole parameter that is `{{ $json.field }}` and nothing else. */
const JSON_FIELD_EXPRESSION = /^=\{\{\s*\$json\.([A-Za-z_$][\w$]*)\s*\}\}$/;

/**
 * One parameter's value for the current item. The usual mapping, `{{ $json.field }}`, is read
 * straight off the item, which is what it means: RoutingNode has already resolved every
 * parameter twice for this item, and a third trip through n8n's expression sandbox cost about
 * 0.6 ms per item (measured with --cpu-prof, `npm run bench`). Any other value goes to n8n.
 * Not for an AI tool's call, whose item is not on the main input.
 */
const parameter = (context: IExecuteSingleFunctions, name: string, isToolCall: boolean): unknown => {
	const raw = context.getNode().parameters[name];
	const field = !isToolCall && typeof raw === 'string' ? JSON_FIELD_EXPRESSION.exec(raw)?.[1] : undefined;
	return field === undefined ? context.getNodeParameter(name, '') : context.getInputData().json[field];
};

/** The node's parameters for the current item. The password is kept byte-exact: never trimmed. */
export const readInput = (context: IExecuteSingleFunctions, operation: Operation, isToolCall: boolean): ResetInput => ({
	email: text(parameter(context, 'email', isToolCall), 'Email').trim(),
	resetToken: operation === 'sendResetEmail' ? '' : text(parameter(context, 'resetToken', isToolCall), 'Reset Token').trim(),
	newPassword: operation === 'resetPassword' ? text(parameter(context, 'newPassword', isToolCall), 'New Password') : '',
});

export const readOperation = (context: IExecuteSingleFunctions) =>
	context.getNodeParameter('operation') as Operation;

/** A number option: its default when unset, else a number ≥ `min` or a failure naming the option. */
const numberOption = (options: IDataObject, name: string, label: string, fallback: number, min = 0) => {
	const value = options[name];
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
		const given = typeof value === 'string' ? `the text "${value}"` : typeof value === 'number' ? String(value) : kindOf(value);
		throw invalidInput(`The ${label} option must be a number of at least ${min}, but it is ${given}`);
	}
	return value;
};

const booleanOption = (options: IDataObject, name: string, label: string) => {
	const value = options[name];
	if (value === undefined || typeof value === 'boolean') return value === true;
	throw invalidInput(`The ${label} option must be on or off, but it is ${kindOf(value)}`);
};

/**
 * The node's options. They apply to the whole run and are read once, with the first item: an
 * expression in them is resolved for that item.
 */
export const readOptions = (context: IExecuteSingleFunctions): NodeOptions => {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	// The one timeout is n8n's own, in Request Options (which n8n adds to every declarative node).
	const requestOptions = context.getNodeParameter('requestOptions', {}) as IDataObject;
	return {
		timeout: Math.min(numberOption(requestOptions, 'timeout', 'Request Options → Timeout', DEFAULT_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS, MAX_TIMER_MS),
		revealUnknownAccounts: booleanOption(options, 'revealUnknownAccounts', 'Reveal Unknown Accounts'),
		includeRawResponse: booleanOption(options, 'includeRawResponse', 'Include Raw Response'),
		maxSendsPerRun: numberOption(options, 'maxSendsPerRun', 'Max Reset Emails Per Run', DEFAULT_MAX_SENDS_PER_RUN),
		maxRetryAfter: Math.min(numberOption(options, 'maxRetryAfter', 'Max Retry-After Wait', DEFAULT_MAX_RETRY_AFTER_SECONDS), MAX_TIMER_MS / 1000),
		maxConcurrentRequests: Math.floor(numberOption(options, 'maxConcurrentRequests', 'Max Concurrent Requests', DEFAULT_MAX_CONCURRENT_REQUESTS, 1)),
	};
};
