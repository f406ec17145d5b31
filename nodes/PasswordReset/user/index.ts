import type { INodeProperties } from 'n8n-workflow';

import {
	DEFAULT_MAX_CONCURRENT_REQUESTS,
	DEFAULT_MAX_RETRY_AFTER_SECONDS,
	DEFAULT_MAX_SENDS_PER_RUN,
} from '../run/input';
import { resetPasswordFields, resetPasswordOperation } from './resetPassword.operation';
import { sendResetEmailFields, sendResetEmailOperation } from './sendResetEmail.operation';
import { mappedFields, mappingMode } from './mapping';
import { resetTokenField } from './resetToken.field';
import { verifyResetTokenOperation } from './verifyResetToken.operation';

const showForUser = { show: { resource: ['user'] } };
/** Options that only Send Reset Email reads (`/` reaches the node's top-level parameters). */
const onlyForSend = { show: { '/operation': ['sendResetEmail'] } };

/** In the order of a reset: the email, then the new password, then the optional check. */
const OPERATIONS = [sendResetEmailOperation, resetPasswordOperation, verifyResetTokenOperation];

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showForUser,
	options: OPERATIONS,
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
			displayName: 'Reveal Unknown Accounts',
			name: 'revealUnknownAccounts',
			type: 'boolean',
			default: false,
			description:
				'Whether an unknown email is reported as a user_not_found failure. Off by default, so a workflow cannot be used to find out which emails have accounts.',
			displayOptions: onlyForSend,
		},
	],
};

export const userDescription: INodeProperties[] = [
	operation,
	mappingMode,
	...mappedFields,
	...sendResetEmailFields,
	resetTokenField,
	...resetPasswordFields,
	options,
];
