import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { contractFor, resolveProfile } from '../services';
import type { Operation, OperationContract, ResetInput, ServiceResponse } from '../services/types';
import { requestFor } from './buildRequest';
import { ResetFailure, toFailureItem, toNodeError } from './errors';
import { exchange } from './exchange';
import type { NodeOptions } from './input';
import { readInput, readOperation, readOptions } from './input';
import { readResponse } from './readResponse';
import { redactText } from './redact';
import { retryAfterSeconds } from './retryAfter';
import type { RunState } from './runState';
import { runStateFor } from './runState';
import { takeSettings } from './settings';
import { validateItem } from './validate';

/** Wait before the one retry of a send that provably never reached the server. */
const CONNECT_RETRY_DELAY_MS = 500;
/** Retries waiting on the same Retry-After go out this far apart, not all at once. */
const RETRY_SPACING_MS = 200;

const invalid = (message: string) => new ResetFailure('invalid_input', null, undefined, message);

const breakerFailure = () =>
	new ResetFailure(
		'rate_limited',
		null,
		undefined,
		'Not sent: the service rate limited this run, so Password Reset stopped sending for the rest of it. Run these items again later, or space items out with Batching under Request Options',
	);

/**
 * Per-run guards for Send Reset Email: a repeated email is answered without a request, and past
 * the run's limit nothing more is sent. Returns the duplicate's item, or undefined to go on.
 * Runs synchronously at the start of the item, so items claim their emails in input order.
 */
const claimSend = (state: RunState, input: ResetInput, options: NodeOptions): 'duplicate' | undefined => {
	const email = input.email.toLowerCase();
	if (state.sentEmails.has(email)) return 'duplicate';
	if (state.sendCount >= options.maxSendsPerRun) {
		throw invalid(
			`More than ${options.maxSendsPerRun} reset emails in one run: this item was not sent. If the list is right, raise Max Reset Emails Per Run in the node's options`,
		);
	}
	state.sentEmails.add(email);
	state.sendCount += 1;
	return undefined;
};

/** Waits until this item's turn after `seconds`, one retry after another. */
const waitForRetry = async (state: RunState, seconds: number, signal: AbortSignal | undefined) => {
	const at = Math.max(Date.now() + seconds * 1000, state.lastRetryAt + RETRY_SPACING_MS);
	state.lastRetryAt = at;
	await sleep(at - Date.now(), signal);
};

/**
 * Sends the request as the retry policy allows. Send Reset Email retries once, and only where
 * the request provably never reached the server, or on 429/503 with a Retry-After within the
 * cap. Reset Password never retries: a token may be spent. A 429 the node does not wait out
 * opens the run's breaker.
 */
async function send(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	operation: Operation,
	options: NodeOptions,
	state: RunState,
): Promise<ServiceResponse> {
	const signal = context.getExecutionCancelSignal?.();
	const mayRetry = operation === 'sendResetEmail';
	for (let attempt = 0; ; attempt += 1) {
		if (state.breakerOpen) throw breakerFailure();
		const result = await exchange(context, requestData, options.timeout);
		if (result.failure) {
			if (mayRetry && attempt === 0 && result.failure.neverSent) {
				await sleep(CONNECT_RETRY_DELAY_MS, signal);
				continue;
			}
			throw result.failure.toResetFailure(operation);
		}
		const { response } = result;
		const { statusCode } = response;
		if (statusCode !== 429 && statusCode !== 503) return response;
		const wait = retryAfterSeconds(response.headers);
		if (mayRetry && attempt === 0 && wait !== undefined && wait <= options.maxRetryAfter) {
			await waitForRetry(state, wait, signal);
			continue;
		}
		if (statusCode === 429) state.breakerOpen = true;
		return response;
	}
}

/**
 * Runs one item: guard, validate, call, read the answer. Wired as the operation's `pagination`
 * function because it is the one declarative hook that wraps the request itself, so every
 * failure (bad input, transport, service answer) leaves here in one shape: an error item
 * under On Error = Continue, a safe node error under Stop.
 */
export async function runResetRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const operation = readOperation(this);
	const settings = takeSettings(requestData.options);
	const profile = resolveProfile(settings);
	const context = { itemIndex, operation, service: profile?.id ?? settings.service };
	const state = runStateFor(this);
	let secrets: string[] = settings.apiKey ? [settings.apiKey] : [];
	try {
		if (this.getNode().retryOnFail) {
			throw invalid(
				"Retry On Fail is on in this node's settings. n8n would run every item again, sending reset emails twice and reusing one-time tokens. Turn it off: the node retries safely by itself",
			);
		}
		const input = readInput(this);
		secrets = [...secrets, input.resetToken, input.newPassword].filter(Boolean);
		const options = readOptions(this);
		const ignoreSslIssues = this.getNodeParameter('requestOptions.allowUnauthorizedCerts', false) === true;
		const validProfile = validateItem(profile, settings, operation, input, ignoreSslIssues);
		if (operation === 'sendResetEmail' && claimSend(state, input, options) === 'duplicate') {
			return [
				{ json: { success: true, skipped: 'duplicate', operation, service: validProfile.id }, pairedItem: { item: itemIndex } },
			];
		}
		const read = (response: ServiceResponse) => readResponse(response, { profile: validProfile, operation, options, secrets });
		const first = await send(this, requestData, operation, options, state);
		let json = read(first);
		const { then } = contractFor(validProfile, operation) as OperationContract;
		if (then) {
			// Two requests, one item: the second uses what the first answered (a session).
			const answer = (first.body ?? {}) as IDataObject;
			secrets = [...secrets, ...then.secrets(answer)];
			const followUp = {
				...requestData,
				options: {
					...requestData.options,
					...requestFor(then, then.fields(input, settings), settings),
					headers: { ...requestData.options.headers, ...then.headers(answer) },
				},
			};
			json = read(await send(this, followUp, operation, options, state));
		}
		return [{ json, pairedItem: { item: itemIndex } }];
	} catch (error) {
		const failure =
			error instanceof ResetFailure
				? error
				: new ResetFailure(
						'invalid_input',
						null,
						undefined,
						`A parameter could not be read: ${redactText(error instanceof Error ? error.message : String(error), secrets)}`,
					);
		if (this.continueOnFail()) return [toFailureItem(failure, context)];
		throw toNodeError(failure, this.getNode(), context);
	}
}
