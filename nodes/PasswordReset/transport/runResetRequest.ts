import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { contractFor, resolveProfile } from '../services';
import type { Operation, OperationContract, ResetInput, ServiceProfile, ServiceResponse } from '../services/types';
import { endpointOf, requestFor } from './buildRequest';
import type { FailureContext } from './errors';
import { ResetFailure, toFailureItem, toInternalError, toNodeError } from './errors';
import { exchange } from './exchange';
import type { NodeOptions } from './input';
import { readInput, readOperation, readOptions } from './input';
import { readResponse } from './readResponse';
import { redactValue } from './redact';
import { retryAfterSeconds } from './retryAfter';
import type { RunState, SendClaim } from './runState';
import { runStateFor } from './runState';
import type { RequestSettings } from './settings';
import { takeSettings } from './settings';
import { PATH_FIELD_NAMES, validateItem } from './validate';

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

/** What one item's run needs to know, read once at its start. */
interface ItemRun {
	context: IExecutePaginationFunctions;
	requestData: DeclarativeRestApiSettings.ResultOptions;
	operation: Operation;
	settings: RequestSettings;
	profile: ServiceProfile;
	/** The validated Base URL every request of the item goes to. */
	baseUrl: string;
	input: ResetInput;
	options: NodeOptions;
	state: RunState;
	signal: AbortSignal | undefined;
	/** Every secret this item sends or receives, for redaction; grows as the item goes on. */
	secrets: string[];
}

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
async function send(run: ItemRun, requestData: DeclarativeRestApiSettings.ResultOptions): Promise<ServiceResponse> {
	const { context, operation, options, state, signal } = run;
	const mayRetry = operation === 'sendResetEmail';
	for (let attempt = 0; ; attempt += 1) {
		if (state.breakerOpen) throw breakerFailure();
		if (signal?.aborted) throw cancelledFailure(operation, false);
		const result = await exchange(context, requestData, options.timeout);
		if (result.failure) {
			if (signal?.aborted) throw cancelledFailure(operation, true);
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

/** The service's request(s) for the item, and the success item's json from their answers. */
async function callService(run: ItemRun): Promise<IDataObject> {
	const { requestData, operation, settings, profile, baseUrl, input, options } = run;
	const contract = contractFor(profile, operation) as OperationContract;
	run.secrets.push(...(contract.derivedSecrets?.(input) ?? []));
	const withRequest = (
		base: DeclarativeRestApiSettings.ResultOptions,
		request: ReturnType<typeof requestFor>,
		headers?: Record<string, string>,
	) => ({
		...base,
		// Our own timeout wins over Request Options' one (which RoutingNode defaults to 300 s).
		options: { ...base.options, ...request, baseURL: baseUrl, timeout: options.timeout, headers: { ...base.options.headers, ...headers } },
	});
	const read = (response: ServiceResponse, request: DeclarativeRestApiSettings.ResultOptions) =>
		readResponse(response, { profile, operation, options, secrets: run.secrets, endpoint: endpointOf(request.options) });

	const first = withRequest(requestData, requestFor(contract, contract.fields(input, settings), settings, PATH_FIELD_NAMES[operation]));
	const firstResponse = await send(run, first);
	const json = read(firstResponse, first);
	const { then } = contract;
	if (!then) return json;
	// Two requests, one item: the second uses what the first answered (a session).
	const answer = (firstResponse.body ?? {}) as IDataObject;
	run.secrets.push(...then.secrets(answer));
	const headers = then.headers(answer);
	if (!headers) {
		// Nothing of the second step was sent: the password is unchanged, though the token may be spent.
		throw new ResetFailure(
			'unexpected_response',
			firstResponse.statusCode,
			undefined,
			`${profile.displayName} accepted the token but answered without the session the second step needs, so the new password was not sent. The token may be used up: send a new reset email`,
		);
	}
	const secondPath = `${profile.displayName} profile's second path`;
	const followUp = withRequest(requestData, requestFor(then, then.fields(input, settings), settings, secondPath), headers);
	return read(await send(run, followUp), followUp);
}

/**
 * Send Reset Email's per-run guards: an email already sent in this run is answered from that
 * send's outcome without a request, and past the run's limit nothing more is sent. The claim is
 * made synchronously when the item starts, so items claim their emails in input order.
 */
async function sendOnce(run: ItemRun, itemIndex: number): Promise<IDataObject> {
	const { state, input, options, operation, profile } = run;
	const email = input.email.toLowerCase();
	const earlier = state.sends.get(email);
	if (earlier) return await answerDuplicate(earlier, operation, profile.id);
	if (state.sends.size >= options.maxSendsPerRun) {
		throw invalid(
			`More than ${options.maxSendsPerRun} reset emails in one run: this item was not sent. If the list is right, raise Max Reset Emails Per Run in the node's options`,
		);
	}
	const outcome = callService(run);
	state.sends.set(email, {
		itemIndex,
		failure: outcome.then(
			() => undefined,
			(error: unknown) => asFailure(error, run),
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
const asFailure = (error: unknown, run: Pick<ItemRun, 'operation' | 'signal' | 'secrets'>): ResetFailure => {
	if (error instanceof ResetFailure) return error.redacted(run.secrets);
	if (run.signal?.aborted) return cancelledFailure(run.operation, false);
	return toInternalError(error, run.secrets);
};

/**
 * Runs one item: guard, validate, call, read the answer. Wired as the operation's `pagination`
 * function because it is the one declarative hook that wraps the request itself, so every
 * failure (bad input, transport, service answer, cancellation, a bug) leaves here in one shape:
 * an error item under On Error = Continue, a safe node error under Stop.
 */
export async function runResetRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const operation = readOperation(this);
	const settings = takeSettings(requestData.options);
	const profile = resolveProfile(settings);
	const failureContext: FailureContext = { itemIndex, operation, service: profile?.id ?? settings.service };
	const signal = this.getExecutionCancelSignal?.();
	const secrets: string[] = settings.apiKey ? [settings.apiKey] : [];
	try {
		if (signal?.aborted) throw cancelledFailure(operation, false);
		if (this.getNode().retryOnFail) {
			throw invalid(
				"Retry On Fail is on in this node's settings. n8n would run every item again, sending reset emails twice and reusing one-time tokens. Turn it off: the node retries safely by itself",
			);
		}
		const input = readInput(this);
		secrets.push(...[input.resetToken, input.newPassword].filter(Boolean));
		const options = readOptions(this);
		const ignoreSslIssues = this.getNodeParameter('requestOptions.allowUnauthorizedCerts', false) === true;
		const valid = validateItem(profile, settings, operation, input, ignoreSslIssues);
		const run: ItemRun = {
			context: this,
			requestData,
			operation,
			settings,
			profile: valid.profile,
			baseUrl: valid.baseUrl,
			input,
			options,
			state: runStateFor(this),
			signal,
			secrets,
		};
		const json = operation === 'sendResetEmail' ? await sendOnce(run, itemIndex) : await callService(run);
		// Whatever the service echoed, in whatever form: no secret leaves in the item.
		return [{ json: redactValue(json, secrets) as IDataObject, pairedItem: { item: itemIndex } }];
	} catch (error) {
		const failure = asFailure(error, { operation, signal, secrets });
		if (this.continueOnFail()) return [toFailureItem(failure, failureContext)];
		throw toNodeError(failure, this.getNode(), failureContext);
	}
}
