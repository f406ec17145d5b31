import type { IExecutePaginationFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { createHash } from 'crypto';

import type { RequestQueue } from '../http/requestQueue';
import { TRANSPORT_RULES } from '../http/wire';
import { ResetFailure } from '../outcome/errors';
import { queuedExchange } from '../outcome/send';

/** Have I Been Pwned's Pwned Passwords range API: no key, k-anonymity. */
export const DEFAULT_RANGE_API_URL = 'https://api.pwnedpasswords.com';

/** One line of a range answer: the rest of a SHA-1 hash, and how often it was seen (0 for padding). */
const RANGE_LINE = /^([0-9A-F]{35}):(\d+)$/;

/** What one run shares between its items' checks: the queue, and each prefix's answer once. */
export interface RangeCheckRun {
	context: IExecutePaginationFunctions;
	apiUrl: string;
	timeout: number;
	queue: RequestQueue;
	signal: AbortSignal | undefined;
	/** A prefix's answer (the suffix → count table), asked once per run. */
	answers: Map<string, Promise<Map<string, number>>>;
}

/** The password's SHA-1 as the range API hashes it: upper-case hex of its UTF-8 bytes, as typed. */
export const rangeHash = (password: string) => createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();

/**
 * How often the range API has seen this password in breaches (0: never). Only the first five hex
 * digits of its hash leave the machine, with `Add-Padding` so the answer's size says nothing of
 * the prefix; the suffix is matched here. A check that cannot run is `password_check_unavailable`:
 * never a pass, so an unchecked password is never sent on.
 */
export async function breachCount(run: RangeCheckRun, password: string): Promise<number> {
	const hash = rangeHash(password);
	const prefix = hash.slice(0, 5);
	let answer = run.answers.get(prefix);
	if (!answer) {
		answer = askRange(run, prefix);
		run.answers.set(prefix, answer);
	}
	return (await answer).get(hash.slice(5)) ?? 0;
}

const unavailable = (apiUrl: string, why: string, status: number | null = null) =>
	new ResetFailure(
		'password_check_unavailable',
		status,
		undefined,
		`The breached-password check could not run: ${new URL(apiUrl).host} ${why}. The new password was not sent. Try again later, or turn off Check Breached Passwords`,
	);

async function askRange(run: RangeCheckRun, prefix: string): Promise<Map<string, number>> {
	const options = {
		...TRANSPORT_RULES,
		method: 'GET',
		baseURL: run.apiUrl,
		url: `/range/${prefix}`,
		headers: { 'Add-Padding': 'true', Accept: 'text/plain' },
		timeout: run.timeout,
	} as IHttpRequestOptions;
	// Nothing of the item has been sent yet: a cancellation before this is `cancelled`, as for any request that never started.
	const result = await queuedExchange({ context: run.context, operation: 'checkPassword', queue: run.queue, timeout: run.timeout, signal: run.signal }, options);
	if (result.failure) {
		const { code, timedOut } = result.failure;
		throw unavailable(run.apiUrl, timedOut ? 'did not answer in time' : `could not be reached (${code})`);
	}
	const { statusCode, body } = result.response;
	if (statusCode !== 200) throw unavailable(run.apiUrl, `answered HTTP ${statusCode}`, statusCode);
	const counts = new Map<string, number>();
	for (const line of (typeof body === 'string' ? body : '').split(/\r?\n/)) {
		const match = RANGE_LINE.exec(line.trim());
		if (match) counts.set(match[1], Number(match[2]));
	}
	if (!counts.size) throw unavailable(run.apiUrl, 'answered something that is not a range list', statusCode);
	return counts;
}
