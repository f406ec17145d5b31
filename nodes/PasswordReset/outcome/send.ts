import type { IExecutePaginationFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { Operation, ServiceResponse } from '../kernel/types';
import { changesPassword } from '../kernel/operations';
import type { Exchange, RequestAuth, TransportFailure } from '../http/exchange';
import { exchange } from '../http/exchange';
import type { RequestQueue, Slot } from '../http/requestQueue';
import { breakerFailure, cancelledFailure, ResetFailure } from './errors';
import { retryAfterSeconds } from './retryAfter';

/** Wait before the one retry of a send that provably never reached the server. */
const CONNECT_RETRY_DELAY_MS = 500;

/** What a request needs to go out in its run's queue. */
export interface QueuedRequest {
	context: IExecutePaginationFunctions;
	/** What the item does: it decides what a cancellation means (see `cancelledFailure`). */
	operation: Operation;
	/** The credential the request goes with; none for the range API. */
	auth?: RequestAuth;
	queue: RequestQueue;
	timeout: number;
	signal: AbortSignal | undefined;
	/** Open after a 429 the node did not wait out: nothing more starts. None for the range API. */
	breaker?: { open: boolean };
}

/** What one service request of a run shares with the others: its queue, its breaker, its limits. */
export interface SendPolicy extends QueuedRequest {
	breaker: { open: boolean };
	maxRetryAfter: number;
}

/**
 * One exchange in the run's queue: nothing starts once the run's breaker is open or the
 * execution is cancelled, and the slot is held only while the request runs. `beforeRelease`
 * sees the result before the next request may start (to hold the queue after a 429).
 */
export async function queuedExchange(
	request: QueuedRequest,
	options: IHttpRequestOptions,
	{ retry = false, beforeRelease }: { retry?: boolean; beforeRelease?: (result: Exchange, slot: Slot) => void } = {},
): Promise<Exchange> {
	const { queue, signal } = request;
	const slot = await queue.acquire(retry);
	try {
		if (request.breaker?.open) throw breakerFailure();
		if (signal?.aborted) throw cancelledFailure(request.operation, false);
		const result = await exchange(request.context, options, request.timeout, request.auth);
		beforeRelease?.(result, slot);
		return result;
	} finally {
		queue.release(slot);
	}
}

/**
 * What a request that failed before a whole answer arrived means for the item. On Reset Password
 * one that may have reached the server (timeout, dropped connection) is `unknown_outcome`: the
 * password may have changed. One the HTTP layer refused to send is no outcome at all: bad input.
 */
const transportOutcome = (failure: TransportFailure, operation: Operation): ResetFailure => {
	if (failure.refused) {
		return new ResetFailure(
			'invalid_input',
			null,
			failure.code,
			`The request was refused before anything was sent (${failure.code}): a header or path in the credential holds a character HTTP does not allow. Check the credential's header and path fields`,
		);
	}
	const errorCode = failure.neverSent ? 'network_error' : changesPassword(operation) ? 'unknown_outcome' : failure.timedOut ? 'timeout' : 'network_error';
	// Only the code is kept: a transport's message may quote the request.
	return new ResetFailure(errorCode, null, failure.code);
};

/**
 * Sends one request through the run's queue, as the retry policy allows. Send Reset Email
 * retries once, and only where the request provably never reached the server, or on 429/503
 * with a Retry-After within the cap: the queue is held for that long, then one request goes
 * first (the queue's probe, a retry) and the rest wait for its answer. Reset Password never
 * retries: a token may be spent. A 429 the node does not wait out, or any 429 on the probe,
 * opens the run's breaker: no request starts after it.
 */
export async function send(policy: SendPolicy, options: IHttpRequestOptions): Promise<ServiceResponse> {
	const { operation, queue, breaker, signal } = policy;
	const mayRetry = operation === 'sendResetEmail';
	for (let attempt = 0; ; attempt += 1) {
		let retryAfter: number | undefined;
		const result = await queuedExchange(policy, options, {
			retry: attempt > 0,
			beforeRelease: ({ response }, slot) => {
				const status = response?.statusCode;
				if (status !== 429 && status !== 503) return;
				const wait = retryAfterSeconds(response?.headers ?? {});
				if (mayRetry && attempt === 0 && !slot.probe && wait !== undefined && wait <= policy.maxRetryAfter) retryAfter = wait;
				// Decided before this request's slot is free, so no other request slips out first.
				if (retryAfter !== undefined) queue.hold(Date.now() + retryAfter * 1000);
				else if (status === 429) breaker.open = true;
			},
		});
		if (retryAfter !== undefined) continue;
		if (!result.failure) return result.response;
		if (signal?.aborted) throw cancelledFailure(operation, true);
		if (mayRetry && attempt === 0 && result.failure.neverSent) {
			await sleep(CONNECT_RETRY_DELAY_MS, signal);
			continue;
		}
		throw transportOutcome(result.failure, operation);
	}
}
