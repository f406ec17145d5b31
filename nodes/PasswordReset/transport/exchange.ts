import type { DeclarativeRestApiSettings, IDataObject, IExecutePaginationFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { Operation, ServiceResponse } from '../services/types';
import { ResetFailure } from './errors';

/** The most of a response body the node reads; reset APIs answer in bytes, not megabytes. */
export const MAX_RESPONSE_BYTES = 256 * 1024;

/** Transport codes that prove the request never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'DEADLINE']);

/** A request that failed before a whole answer arrived; `code` is the transport's error code. */
export class TransportFailure extends Error {
	constructor(readonly code: string) {
		super(code);
	}

	/** The request provably never reached the server, so sending again cannot duplicate it. */
	get neverSent(): boolean {
		return NOT_SENT_CODES.has(this.code);
	}

	/**
	 * As a typed failure. On Reset Password a request that may have reached the server (timeout,
	 * dropped connection) is `unknown_outcome`: the password may have changed.
	 */
	toResetFailure(operation: Operation): ResetFailure {
		const errorCode = this.neverSent
			? 'network_error'
			: operation === 'resetPassword'
				? 'unknown_outcome'
				: TIMEOUT_CODES.has(this.code)
					? 'timeout'
					: 'network_error';
		// Only the code is kept: a transport's message may quote the request.
		return new ResetFailure(errorCode, null, this.code);
	}
}

const transportCodeOf = (error: unknown): string => {
	const candidate = error as { httpCode?: unknown; code?: unknown; cause?: { code?: unknown }; message?: unknown };
	const code = candidate?.cause?.code ?? candidate?.code ?? candidate?.httpCode;
	if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
	return /timeout|timed out/i.test(String(candidate?.message ?? '')) ? 'ETIMEDOUT' : 'ECONNRESET';
};

type BodyStream = AsyncIterable<Buffer | string> & { destroy?: (error?: Error) => void };

const isStream = (value: unknown): value is BodyStream =>
	value !== null && typeof value === 'object' && Symbol.asyncIterator in value;

/** Reads at most MAX_RESPONSE_BYTES; past that the rest is dropped and the body is `undefined`. */
const readCapped = async (stream: BodyStream): Promise<{ text?: string; oversized: boolean }> => {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		size += buffer.length;
		if (size > MAX_RESPONSE_BYTES) {
			stream.destroy?.();
			return { oversized: true };
		}
		chunks.push(buffer);
	}
	return { text: Buffer.concat(chunks).toString('utf8'), oversized: false };
};

const parseBody = (text: string | undefined): unknown => {
	if (text === undefined || text.trim() === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
};

export type Exchange = { response: ServiceResponse; failure?: undefined } | { response?: undefined; failure: TransportFailure };

/**
 * One request and its whole answer, under a wall-clock deadline: axios's own timeout stops at
 * the headers, so a server that drips its body would hold the item; here the body is read by
 * the node, capped in size, and the read is raced against the deadline.
 */
export async function exchange(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	timeoutMs: number,
): Promise<Exchange> {
	const deadlineTimer = new AbortController();
	let body: BodyStream | undefined;
	const deadline = sleep(timeoutMs, deadlineTimer.signal).then(
		(): Exchange => {
			body?.destroy?.();
			return { failure: new TransportFailure('DEADLINE') };
		},
		(): Exchange => ({ failure: new TransportFailure('DEADLINE') }),
	);
	const attempt = (async (): Promise<Exchange> => {
		let envelope: IDataObject;
		try {
			[{ json: envelope }] = await context.makeRoutingRequest(requestData);
		} catch (error) {
			return { failure: new TransportFailure(transportCodeOf(error)) };
		}
		const raw = envelope.body;
		body = isStream(raw) ? raw : undefined;
		let read: { text?: string; oversized: boolean };
		try {
			read = body ? await readCapped(body) : { text: typeof raw === 'string' ? raw : undefined, oversized: false };
		} catch (error) {
			return { failure: new TransportFailure(transportCodeOf(error)) };
		}
		return {
			response: {
				statusCode: envelope.statusCode as number,
				headers: (envelope.headers ?? {}) as IDataObject,
				body: body ? parseBody(read.text) : raw,
				oversized: read.oversized,
			},
		};
	})();
	try {
		return await Promise.race([attempt, deadline]);
	} finally {
		deadlineTimer.abort();
	}
}
