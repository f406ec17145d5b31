import type { ICredentialsDecrypted, IExecutePaginationFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { Operation, ServiceResponse } from '../services/types';
import { breakerFailure, cancelledFailure } from '../outcome/errors';
import { retryAfterSeconds } from '../outcome/retryAfter';
import type { Exchange } from './exchange';
import { exchange } from './exchange';
import type { RequestQueue } from './requestQueue';

/** Wait before the one retry of a send that provably never reached the server. */
const CONNECT_RETRY_DELAY_MS = 500;

/** What one request of a run shares with the others: its queue, its breaker, its limits. */
export interface SendPolicy {
	context: IExecutePaginationFunctions;
	operation: Operation;
	/** The run's credential, already read: passed to n8n with each request. */
	credentials: ICredentialsDecrypted;
	queue: RequestQueue;
	/** Open after a 429 the node did not wait out: nothing more starts. */
	breaker: { open: boolean };
	timeout: number;
	maxRetryAfter: number;
	signal: AbortSignal | undefined;
}

/**
 * Sends one request through the run's queue, as the retry policy allows. Send Reset Email
 * retries once, and only where the request provably never reached the server, or on 429/503
 * with a Retry-After within the cap: the queue is held for that long, then one request goes
 * first (the queue's probe, a retry) and the rest wait for its answer. Reset Password never
 * retries: a token may be spent. A 429 the node does not wait out, or any 429 on the probe,
 * opens the run's breaker: no request starts after it.
 */
export async function send(policy: SendPolicy, options: IHttpRequestOptions): Promise<ServiceResponse> {
	const { context, operation, queue, breaker, signal } = policy;
	const mayRetry = operation === 'sendResetEmail';
	for (let attempt = 0; ; attempt += 1) {
		const slot = await queue.acquire(attempt > 0);
		let result: Exchange;
		let retryAfter: number | undefined;
		try {
			if (breaker.open) throw breakerFailure();
			if (signal?.aborted) throw cancelledFailure(operation, false);
			result = await exchange(context, options, policy.timeout, policy.credentials);
			const status = result.response?.statusCode;
			if (status === 429 || status === 503) {
				const wait = retryAfterSeconds(result.response?.headers ?? {});
				if (mayRetry && attempt === 0 && !slot.probe && wait !== undefined && wait <= policy.maxRetryAfter) retryAfter = wait;
				// Decided before this request's slot is free, so no other request slips out first.
				if (retryAfter !== undefined) queue.hold(Date.now() + retryAfter * 1000);
				else if (status === 429) breaker.open = true;
			}
		} finally {
			queue.release(slot);
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
