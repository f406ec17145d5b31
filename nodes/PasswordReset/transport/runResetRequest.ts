import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { Operation, ResetInput, ServiceResponse } from '../services/types';
import { endpointOf, requestFor, TRANSPORT_RULES } from './buildRequest';
import type { FailureContext } from './errors';
import { ResetFailure, toFailureItem, toInternalError, toNodeError } from './errors';
import type { Exchange } from './exchange';
import { exchange } from './exchange';
import { readInput, readOperation } from './input';
import type { ReadContext } from './readResponse';
import { isObject, readResponse, unknownAccountOutcome } from './readResponse';
import { redactValue } from './redact';
import { retryAfterSeconds } from './retryAfter';
import type { RunContext, SendClaim } from './runContext';
import { runContextFor } from './runContext';
import { PATH_FIELD_NAMES, validateInput } from './validate';

/** Wait before the one retry of a send that provably never reached the server. */
const CONNECT_RETRY_DELAY_MS = 500;

const invalid = (message: string) => new ResetFailure('invalid_input', null, undefined, message);

const breakerFailure = () =>
	new ResetFailure(
		'rate_limited',
		null,
		undefined,
		'Not sent: the service rate limited this run, so Password Reset stopped sending for the rest of it. Run these items again later, or space items out with Batching under Request Options',
	);

/**
 * What a cancelled execution means for an item: nothing sent yet is `cancelled`; a request in
 * flight may have reached the service, which on Reset Password may have changed the password.
 */
const cancelledFailure = (operation: Operation, inFlight: boolean) => {
	if (!inFlight) return new ResetFailure('cancelled', null, undefined);
	if (operation === 'resetPassword') {
		return new ResetFailure(
			'unknown_outcome',
			null,
			undefined,
			'The execution was cancelled while the reset was in flight: the password may have changed. Do not retry with the same token: check whether the new password works, or send a new reset email',
		);
	}
	return new ResetFailure(
		'cancelled',
		null,
		undefined,
		'The execution was cancelled while the request was in flight: the service may or may not have acted on it',
	);
};

/** One item of a run: its own context, request and input, and the run it belongs to. */
interface ItemRun {
	context: IExecutePaginationFunctions;
	requestData: DeclarativeRestApiSettings.ResultOptions;
	run: RunContext;
	input: ResetInput;
	signal: AbortSignal | undefined;
	/** Every secret this item sends or receives, for redaction; grows as the item goes on. */
	secrets: string[];
}

/**
 * Sends one request through the run's queue, as the retry policy allows. Send Reset Email
 * retries once, and only where the request provably never reached the server, or on 429/503
 * with a Retry-After within the cap: the queue is held for that long, and the retry goes first
 * after it. Reset Password never retries: a token may be spent. A 429 the node does not wait
 * out opens the run's breaker: no request starts after it.
 */
async function send(item: ItemRun, requestData: DeclarativeRestApiSettings.ResultOptions): Promise<ServiceResponse> {
	const { context, run, signal } = item;
	const { operation, options, queue } = run;
	const mayRetry = operation === 'sendResetEmail';
	for (let attempt = 0; ; attempt += 1) {
		await queue.acquire(signal, attempt > 0);
		let result: Exchange;
		let retryAfter: number | undefined;
		try {
			if (run.breakerOpen) throw breakerFailure();
			if (signal?.aborted) throw cancelledFailure(operation, false);
			result = await exchange(context, requestData, options.timeout, run.credentials);
			const status = result.response?.statusCode;
			if (status === 429 || status === 503) {
				const wait = retryAfterSeconds(result.response?.headers ?? {});
				if (mayRetry && attempt === 0 && wait !== undefined && wait <= options.maxRetryAfter) retryAfter = wait;
				// Decided before this request's slot is free, so no other request slips out first.
				if (retryAfter !== undefined) queue.hold(Date.now() + retryAfter * 1000);
				else if (status === 429) run.breakerOpen = true;
			}
		} finally {
			queue.release();
		}
		if (retryAfter !== undefined) continue;
		if (!result.failure) return result.response;
		if (signal?.aborted) throw cancelledFailure(operation, true);
		if (mayRetry && attempt === 0 && result.failure.neverSent) {
			await sleep(CONNECT_RETRY_DELAY_MS, signal);
			continue;
		}
		throw result.failure.toResetFailure(operation);
	}
}

/** The service's request(s) for the item, and the success item's json from their answers. */
async function callService(item: ItemRun): Promise<IDataObject> {
	const { requestData, input, secrets } = item;
	const { operation, settings, profile, contract, baseUrl, options } = item.run;
	secrets.push(...(contract.derivedSecrets?.(input, settings) ?? []));
	const withRequest = ({ contentType, ...request }: ReturnType<typeof requestFor>, headers?: Record<string, string>) => ({
		...requestData,
		// Request Options' timeout, or the node's default when unset (RoutingNode's is 300 s).
		options: {
			...requestData.options,
			...TRANSPORT_RULES,
			...request,
			baseURL: baseUrl,
			timeout: options.timeout,
			headers: { ...requestData.options.headers, ...(contentType ? { 'Content-Type': contentType } : {}), ...headers },
		},
	});
	const readContext = (request: DeclarativeRestApiSettings.ResultOptions): ReadContext => ({ profile, operation, options, secrets, endpoint: endpointOf(request.options) });
	const read = (response: ServiceResponse, request: DeclarativeRestApiSettings.ResultOptions) => readResponse(response, readContext(request));

	const first = withRequest(requestFor(contract, contract.fields(input, settings), settings, PATH_FIELD_NAMES[operation], input), contract.headers?.(input));
	const firstResponse = await send(item, first);
	if (contract.answerSecrets && isObject(firstResponse.body)) secrets.push(...contract.answerSecrets(firstResponse.body));
	let json = read(firstResponse, first);
	// A chain: each next request reads the answers before it (a session, an admin token, an id).
	const answers: unknown[] = [firstResponse.body];
	let last = firstResponse;
	for (let step = contract.then, index = 2; step; step = step.then, index++) {
		const previous = (isObject(last.body) ? last.body : {}) as IDataObject;
		secrets.push(...step.secrets(previous, answers));
		if (step.isUnknownAccount?.(answers)) return unknownAccountOutcome(readContext(first), last.statusCode);
		const headers = step.headers(previous, answers);
		// Nothing of this step is sent: the message says what that leaves (a spent token, no change).
		if (!headers) throw new ResetFailure('unexpected_response', last.statusCode, undefined, step.missingMessage);
		const stepSettings = { ...settings, ...step.pathValues?.(answers) };
		const request = withRequest(requestFor(step, step.fields(input, settings), stepSettings, `${profile.displayName} profile's request ${index} path`, input), headers);
		last = await send(item, request);
		answers.push(last.body);
		json = read(last, request);
	}
	return json;
}

/**
 * Send Reset Email's per-run guards: an email already sent in this run is answered from that
 * send's outcome without a request, and past the run's limit nothing more is sent. The claim is
 * made synchronously when the item starts, so items claim their emails in input order.
 */
async function sendOnce(item: ItemRun, itemIndex: number): Promise<IDataObject> {
	const { run, input } = item;
	const email = input.email.toLowerCase();
	const earlier = run.sends.get(email);
	if (earlier) return await answerDuplicate(earlier, run.operation, run.profile.id);
	if (run.sends.size >= run.options.maxSendsPerRun) {
		throw invalid(
			`More than ${run.options.maxSendsPerRun} reset emails in one run: this item was not sent. If the list is right, raise Max Reset Emails Per Run in the node's options`,
		);
	}
	const outcome = callService(item);
	run.sends.set(email, {
		itemIndex,
		failure: outcome.then(
			() => undefined,
			(error: unknown) => asFailure(error, run.operation, item),
		),
	});
	return await outcome;
}

/** A duplicate reports its first send's outcome: the skip when it succeeded, its failure when not. */
async function answerDuplicate(earlier: SendClaim, operation: Operation, service: string): Promise<IDataObject> {
	const failure = await earlier.failure;
	if (!failure) return { success: true, skipped: 'duplicate', operation, service };
	throw new ResetFailure(
		failure.errorCode,
		failure.httpStatus,
		failure.serverMessage,
		`Not sent: item ${earlier.itemIndex} has the same email, and its send failed (${failure.errorCode}): ${failure.message}`,
		failure.retryAfterSeconds,
	);
}

/**
 * Any error of an item as a typed failure. One the node did not raise itself is a cancellation
 * when n8n cancelled the execution, and otherwise a bug: `internal_error`, never dressed up as
 * bad input or a network problem.
 */
const asFailure = (error: unknown, operation: Operation, item: Pick<ItemRun, 'signal' | 'secrets'>): ResetFailure => {
	if (error instanceof ResetFailure) return error.redacted(item.secrets);
	if (item.signal?.aborted) return cancelledFailure(operation, false);
	return toInternalError(error, item.secrets);
};

/**
 * Runs one item: guard, validate, call, read the answer. Wired as the operation's `pagination`
 * function because it is the one declarative hook that wraps the request itself, so every
 * failure (bad input, transport, service answer, cancellation, a bug) leaves here in one shape:
 * an error item under On Error = Continue, a safe node error under Stop. What does not vary per
 * item is read once, by the run's first item (see `runContext`).
 */
export async function runResetRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const signal = this.getExecutionCancelSignal?.();
	const secrets: string[] = [];
	let run: RunContext | undefined;
	try {
		run = await runContextFor(this);
		secrets.push(...run.credentialSecrets);
		if (signal?.aborted) throw cancelledFailure(run.operation, false);
		if (run.setupFailure) throw run.setupFailure;
		const input = readInput(this, run.operation, run.isToolCall);
		secrets.push(...[input.resetToken, input.newPassword].filter(Boolean));
		validateInput(run.profile, run.contract, input);
		const item: ItemRun = { context: this, requestData, run, input, signal, secrets };
		const json = run.operation === 'sendResetEmail' ? await sendOnce(item, itemIndex) : await callService(item);
		// Whatever the service echoed, in whatever form: no secret leaves in the item.
		return [{ json: redactValue(json, secrets) as IDataObject, pairedItem: { item: itemIndex } }];
	} catch (error) {
		const operation = run?.operation ?? readOperation(this);
		const failure = asFailure(error, operation, { signal, secrets });
		const failureContext: FailureContext = { itemIndex, operation, service: run?.profile?.id ?? run?.settings.service ?? '' };
		if (this.continueOnFail()) return [toFailureItem(failure, failureContext)];
		throw toNodeError(failure, this.getNode(), failureContext);
	}
}
