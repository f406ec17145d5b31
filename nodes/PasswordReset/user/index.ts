import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	DEFAULT_MAX_CONCURRENT_REQUESTS,
	DEFAULT_MAX_RETRY_AFTER_SECONDS,
	DEFAULT_MAX_SENDS_PER_RUN,
} from '../run/input';
import { DEFAULT_RANGE_API_URL } from '../run/breachedPasswords';
import { resetRoutingFor } from '../run/routing';
import { isServiceOperation, offers } from '../services';
import type { Registry } from '../services/registry';
import type { Operation, ServiceOperation } from '../kernel/types';
import { MULTI_FACTOR_MIN_LENGTH, SINGLE_FACTOR_MIN_LENGTH } from '../safety/newPassword';
import { checkPasswordOperation } from './checkPassword.operation';
import { createResetLinkFields, createResetLinkOperation } from './createResetLink.operation';
import { resetPasswordFields, resetPasswordOperation } from './resetPassword.operation';
import { sendResetEmailFields, sendResetEmailOperation } from './sendResetEmail.operation';
import { mappedFields, mappingMode } from './mapping';
import { resetTokenField } from './resetToken.field';
import { verifyResetTokenOperation } from './verifyResetToken.operation';
import { setPasswordFields, setPasswordOperation, setPasswordOptions } from './setPassword.operation';

const showForUser = { show: { resource: ['user'] } };
/** Options that only Send Reset Email reads (`/` reaches the node's top-level parameters). */
const onlyForSend = { show: { '/operation': ['sendResetEmail'] } };
/** Options of the new-password check: Reset Password runs it first, Check New Password is it. */
const forPasswordCheck = { show: { '/operation': ['resetPassword', 'setPassword', 'checkPassword'] } };

/**
 * This edition's operations, in the order of a reset: the email, then the new password, then the
 * optional checks; the link last. A service's own package lists only what its service offers
 * (Check New Password calls none). Each runs through the edition's routing (see run/routing.ts).
 */
export const operationsOf = (registry: Registry): INodePropertyOptions[] => {
	const routing = resetRoutingFor(registry);
	const isOffered = ({ value }: INodePropertyOptions) =>
		!isServiceOperation(value as Operation) || registry.credentialServices.some((profile) => offers(profile, value as ServiceOperation));
	return [
		sendResetEmailOperation,
		resetPasswordOperation,
		verifyResetTokenOperation(registry),
		checkPasswordOperation,
		createResetLinkOperation(registry),
		setPasswordOperation(registry),
	]
		.filter(isOffered)
		.map((option) => ({ ...option, routing }));
};

/** The Operation field; its default is the first operation this edition offers (Send Reset Email, except where a service has none). */
const operationField = (operations: INodePropertyOptions[]): INodeProperties => {
	const firstOperation = operations[0].value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showForUser,
		options: operations,
		default: firstOperation,
	};
};

const options = (registry: Registry): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: showForUser,
	options: [
		{
			displayName: 'Breached Password API URL',
			name: 'breachApiUrl',
			type: 'string',
			default: DEFAULT_RANGE_API_URL,
			description:
				"Have I Been Pwned's Pwned Passwords range API, or a company mirror of it. Only the first 5 characters of the password's SHA-1 hash are sent.",
			displayOptions: forPasswordCheck,
		},
		{
			displayName: 'Check Breached Passwords',
			name: 'checkBreached',
			type: 'boolean',
			default: false,
			description:
				"Whether to refuse a new password found in data breaches, through the range API (k-anonymity: the password never leaves n8n). Off by default: it needs internet access, and once on, an item whose check cannot run fails rather than passing unchecked.",
			displayOptions: forPasswordCheck,
		},
		{
			displayName: 'Check New Password',
			name: 'checkNewPass',
			type: 'boolean',
			default: true,
			description:
				'Whether to check the new password before sending it (length, context words, common passwords, and breached passwords where that is on), refusing it with weak_password and the reason. On by default from node version 1.1.',
			displayOptions: { show: { '/operation': ['resetPassword', 'setPassword'] } },
		},
		{
			displayName: 'Context Words',
			name: 'contextWords',
			type: 'string',
			default: '',
			placeholder: 'e.g. acme, rocket',
			description:
				"Comma-separated words a new password may not contain (your company or product names). The email's name and domain and the service's name are always checked.",
			displayOptions: forPasswordCheck,
		},
		{
			displayName: 'Include Raw Response',
			name: 'includeRawResponse',
			type: 'boolean',
			default: false,
			description:
				"Whether to add the service's answer to a successful item as rawResponse, with the token, password and API key redacted. Never for Create Reset Link, whose answer holds the link.",
			displayOptions: { hide: { '/operation': ['createResetLink', 'checkPassword'] } },
		},
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrentRequests',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_MAX_CONCURRENT_REQUESTS,
			description:
				'At most this many requests to the service at once; the other items wait their turn, in input order. Raise it for a fast service, lower it for one that rate limits.',
		},
		{
			displayName: 'Max Reset Emails Per Run',
			name: 'maxSendsPerRun',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_MAX_SENDS_PER_RUN,
			description:
				'At most this many emails in one run; further items fail with invalid_input. A guard against a mis-wired list mailing thousands of people.',
			displayOptions: onlyForSend,
		},
		{
			displayName: 'Max Retry-After Wait (Seconds)',
			name: 'maxRetryAfter',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_MAX_RETRY_AFTER_SECONDS,
			description:
				'How long to wait, once, when the service answers 429 or 503 with Retry-After. A longer wait, or a second 429, stops the run from sending more.',
			displayOptions: onlyForSend,
		},
		{
			displayName: 'Minimum Password Length',
			name: 'minPassLength',
			type: 'number',
			typeOptions: { minValue: MULTI_FACTOR_MIN_LENGTH },
			default: SINGLE_FACTOR_MIN_LENGTH,
			description:
				'The shortest new password accepted, in characters. 15 is NIST SP 800-63B-4\'s minimum where the password is the only factor; 8, the lowest allowed, where the account also has multi-factor authentication. No maximum: long passwords are never refused or cut.',
			displayOptions: forPasswordCheck,
		},
		{
			displayName: 'Reveal Unknown Accounts',
			name: 'revealUnknownAccounts',
			type: 'boolean',
			default: false,
			description:
				'Whether an unknown email is reported as a user_not_found failure. Off by default, so a workflow cannot be used to find out which emails have accounts.',
			displayOptions: onlyForSend,
		},
		...setPasswordOptions(registry),
	],
});

/** The User resource's fields for this edition, with its operations (`operationsOf`). */
export const userDescription = (registry: Registry, operations: INodePropertyOptions[]): INodeProperties[] => [
	operationField(operations),
	mappingMode,
	...mappedFields(registry),
	...createResetLinkFields,
	...sendResetEmailFields,
	resetTokenField(registry),
	...setPasswordFields,
	...resetPasswordFields(registry),
	options(registry),
];
