import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { valueAtPath } from '../kernel/json';
import type { InputField, Operation, OperationContract, ResetInput, SetPasswordChoices } from '../kernel/types';
import { invalidInput } from '../outcome/errors';
import { DEFAULT_RANGE_API_URL } from './breachedPasswords';
import { MULTI_FACTOR_MIN_LENGTH, SINGLE_FACTOR_MIN_LENGTH } from '../safety/newPassword';

export const DEFAULT_TIMEOUT_MS = 15_000;
/** The Mapping Mode parameter's values (see `user/mapping.ts`). */
export const MAPPING_MODES = { defineBelow: 'defineBelow', mapByName: 'autoMapInputData' } as const;
/**
 * Map Input Fields by Name: each input's field-name parameter and its default, what reset flows
 * usually carry (a link's `token`). The parameter names avoid "Token" and "Password", which
 * n8n's lint reads as secrets.
 */
export const MAPPED_FIELDS = {
	email: { parameter: 'emailField', default: 'email' },
	resetToken: { parameter: 'resetCodeField', default: 'token' },
	newPassword: { parameter: 'newPassField', default: 'newPassword' },
} as const;
export const DEFAULT_MAX_SENDS_PER_RUN = 100;
export const DEFAULT_MAX_RETRY_AFTER_SECONDS = 30;
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 10;
/** The longest delay a Node.js timer keeps; a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

/** Check New Password's settings (see `run/checkNewPassword.ts`). */
export interface PasswordCheckOptions {
	/** Reset Password checks first (always on for the Check New Password operation). */
	beforeReset: boolean;
	minLength: number;
	breachCheck: boolean;
	rangeApiUrl: string;
	contextWords: string[];
}

/** Set Password's options off: what every other operation's input carries. */
const NO_CHOICES: SetPasswordChoices = { requireChange: false, signOutOtherSessions: false, generateTemporary: false };

/** Password to Set's values (see `user/setPassword.operation.ts`). */
export const PASSWORD_SOURCES = { given: 'given', generated: 'generated' } as const;

/** The node version from which Reset Password checks the new password unless turned off. */
const CHECKS_BY_DEFAULT_FROM_VERSION = 1.1;

export interface NodeOptions {
	timeout: number;
	revealUnknownAccounts: boolean;
	includeRawResponse: boolean;
	maxSendsPerRun: number;
	maxRetryAfter: number;
	maxConcurrentRequests: number;
	passwordCheck: PasswordCheckOptions;
	/** Set Password's options (both off for the other operations, which do not show them). */
	choices: SetPasswordChoices;
}

const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

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

/** Each input's name, as the node's parameters show it. */
export const FIELD_NAMES: Record<InputField, string> = {
	email: 'Email',
	resetToken: 'Reset Token',
	newPassword: 'New Password',
};

/** Which input fields each operation reads: the ones its contract `requires` must be there. */
const OPERATION_FIELDS: Record<Operation, Array<InputField>> = {
	sendResetEmail: ['email'],
	resetPassword: ['resetToken', 'newPassword', 'email'],
	verifyResetToken: ['resetToken'],
	createResetLink: ['email'],
	setPassword: ['email', 'newPassword'],
	// The email is optional: its name and domain are context words.
	checkPassword: ['newPassword', 'email'],
};

/** Map Input Fields by Name: the item field each input is read from, by name (or dot path). */
export type FieldMapping = Record<InputField, string>;

/** How messages name an input: the parameter, or the item's field it is read from. */
export const inputLabel = (field: InputField, mapping: FieldMapping | undefined) =>
	mapping ? `The input item's "${mapping[field]}" field (${FIELD_NAMES[field]})` : `The ${FIELD_NAMES[field]} parameter`;

/**
 * One input from the item's field. Missing, empty or not text fails where the operation needs
 * it; a number too (a code like 012345 would have lost its leading zero on the way).
 */
const mappedText = (json: IDataObject, field: InputField, mapping: FieldMapping, required: boolean): string => {
	const value = valueAtPath(json, mapping[field]);
	if (value === undefined) {
		if (!required) return '';
		throw invalidInput(
			`The input item has no "${mapping[field]}" field for the ${FIELD_NAMES[field]}. Name the field that holds it in ${FIELD_NAMES[field]} Field, or set Mapping Mode to Define Each Value Below`,
		);
	}
	if (typeof value !== 'string') {
		if (!required && value === null) return '';
		throw invalidInput(`${inputLabel(field, mapping)} is ${kindOf(value)}, not text. Make it text before this node (a Set or Edit Fields node)`);
	}
	const given = field === 'newPassword' ? value : value.trim();
	if (!given && required) throw invalidInput(`${inputLabel(field, mapping)} is empty`);
	return given;
};

/**
 * The current item's input: from its fields by name (`mapping`), or from the node's parameters.
 * The password is kept byte-exact: never trimmed.
 */
export const readInput = (
	context: IExecuteSingleFunctions,
	operation: Operation,
	contract: OperationContract,
	mapping: FieldMapping | undefined,
	isToolCall: boolean,
	choices: SetPasswordChoices,
): ResetInput => {
	const input: ResetInput = { email: '', resetToken: '', newPassword: '', choices };
	// A generated password is not read: the node makes it (see `runResetRequest`).
	const fields = OPERATION_FIELDS[operation].filter((field) => !(field === 'newPassword' && choices.generateTemporary));
	if (mapping) {
		const { json } = context.getInputData();
		for (const field of fields) input[field] = mappedText(json, field, mapping, contract.requires.includes(field));
		return input;
	}
	for (const field of fields) {
		const value = text(parameter(context, field, isToolCall), FIELD_NAMES[field]);
		input[field] = field === 'newPassword' ? value : value.trim();
	}
	return input;
};

/**
 * Map Input Fields by Name's field names, read once per run; undefined in Define Each Value
 * Below. An AI tool call has no input item to read, so it needs the other mode.
 */
export const readMapping = (context: IExecuteSingleFunctions, isToolCall: boolean): FieldMapping | undefined => {
	if (context.getNodeParameter('mappingMode', MAPPING_MODES.defineBelow) !== MAPPING_MODES.mapByName) return undefined;
	if (isToolCall) {
		throw invalidInput(
			"Mapping Mode is Map Input Fields by Name, but an AI tool call has no input item to read fields from. Set it to Define Each Value Below and fill the Email with $fromAI",
		);
	}
	const name = (field: InputField) => {
		const value = context.getNodeParameter(MAPPED_FIELDS[field].parameter, MAPPED_FIELDS[field].default);
		if (typeof value !== 'string' || !value.trim()) throw invalidInput(`${FIELD_NAMES[field]} Field is empty. Name the input item's field that holds the ${FIELD_NAMES[field]}`);
		return value.trim();
	};
	return { email: name('email'), resetToken: name('resetToken'), newPassword: name('newPassword') };
};

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

const textOption = (options: IDataObject, name: string, label: string, fallback: string) => {
	const value = options[name];
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value !== 'string') throw invalidInput(`The ${label} option must be text, but it is ${kindOf(value)}`);
	return value;
};

/**
 * Check New Password's options. Reset Password checks by default from node version 1.1: a
 * workflow saved with version 1 keeps sending what it sent. The breached-password check is off
 * until turned on, so an n8n without internet access still resets passwords (with the local
 * checks), and no hash prefix goes to a third party unless the workflow's owner chose it.
 */
const readPasswordCheck = (options: IDataObject, typeVersion: number): PasswordCheckOptions => {
	const beforeReset = options.checkNewPass === undefined ? typeVersion >= CHECKS_BY_DEFAULT_FROM_VERSION : booleanOption(options, 'checkNewPass', 'Check New Password');
	return {
		beforeReset,
		minLength: Math.floor(numberOption(options, 'minPassLength', 'Minimum Password Length', SINGLE_FACTOR_MIN_LENGTH, MULTI_FACTOR_MIN_LENGTH)),
		breachCheck: booleanOption(options, 'checkBreached', 'Check Breached Passwords'),
		rangeApiUrl: textOption(options, 'breachApiUrl', 'Breached Password API URL', DEFAULT_RANGE_API_URL),
		contextWords: textOption(options, 'contextWords', 'Context Words', '')
			.split(',')
			.map((word) => word.trim())
			.filter(Boolean),
	};
};

/**
 * Set Password's choices. A generated password is a temporary one: the service must make the user
 * change it at the next sign-in, so Require Change is on with it (see `unofferedChoice`).
 */
const readSetPasswordChoices = (context: IExecuteSingleFunctions, options: IDataObject): SetPasswordChoices => {
	const generateTemporary = context.getNodeParameter('passSource', PASSWORD_SOURCES.given) === PASSWORD_SOURCES.generated;
	return {
		requireChange: generateTemporary || booleanOption(options, 'requireChange', 'Require Change at Next Sign-In'),
		signOutOtherSessions: booleanOption(options, 'signOutOthers', 'Sign Out Other Sessions'),
		generateTemporary,
	};
};

/**
 * The node's options. They apply to the whole run and are read once, with the first item: an
 * expression in them is resolved for that item.
 */
export const readOptions = (context: IExecuteSingleFunctions, operation: Operation): NodeOptions => {
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
		passwordCheck: readPasswordCheck(options, context.getNode().typeVersion),
		choices: operation === 'setPassword' ? readSetPasswordChoices(context, options) : NO_CHOICES,
	};
};
