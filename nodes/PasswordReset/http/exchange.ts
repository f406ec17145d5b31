import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { jsonParse, sleep } from 'n8n-workflow';

import type { ServiceResponse } from '../kernel/types';

/** The most of a response body the node reads; reset APIs answer in bytes, not megabytes. */
const MAX_RESPONSE_BYTES = 256 * 1024;

/** Transport codes that prove the request never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/**
 * Node.js's HTTP layer refuses these requests before a byte goes out (a header name or value,
 * or a URL, it cannot send): never sent, and sending again would fail the same way.
 */
const REFUSED_CODES = new Set([
	'ERR_INVALID_HTTP_TOKEN',
	'ERR_INVALID_CHAR',
	'ERR_HTTP_INVALID_HEADER_VALUE',
	'ERR_INVALID_URL',
	'ERR_UNESCAPED_CHARACTERS',
]);
/** Deeper JSON is no reset API's answer; reading it could exhaust the stack. */
const MAX_JSON_DEPTH = 64;
/** Transport codes of a request that ran out of time. */
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'DEADLINE']);

/** A request that failed before a whole answer arrived; `code` is the transport's error code. What it means for an item is the sender's call (outcome/send.ts). */
export class TransportFailure extends Error {
	constructor(readonly code: string) {
		super(code);
	}

	/** The request provably never reached the server, so sending again cannot duplicate it. */
	get neverSent(): boolean {
		return NOT_SENT_CODES.has(this.code);
	}

	/** Node.js's HTTP layer refused to send it: nothing went out, and it would fail the same way again. */
	get refused(): boolean {
		return REFUSED_CODES.has(this.code);
	}

	/** It ran out of time (the deadline, or the socket's). */
	get timedOut(): boolean {
		return TIMEOUT_CODES.has(this.code);
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

/** How deeply `text` nests JSON arrays and objects, counted outside strings. */
const jsonDepth = (text: string) => {
	let depth = 0;
	let deepest = 0;
	let inString = false;
	for (let index = 0; index < text.length; index += 1) {
		const char = text[index];
		if (inString) {
			if (char === '\\') index += 1;
			else if (char === '"') inString = false;
		} else if (char === '"') inString = true;
		else if (char === '{' || char === '[') deepest = Math.max(deepest, ++depth);
		else if (char === '}' || char === ']') depth -= 1;
	}
	return deepest;
};

/** The body as JSON where it is JSON (a UTF-8 BOM before it allowed), else as text. */
export const parseBody = (raw: string | undefined): { body: unknown; unreadable: boolean } => {
	const text = raw?.replace(/^\uFEFF/, '');
	if (text === undefined || text.trim() === '') return { body: undefined, unreadable: false };
	if (jsonDepth(text) > MAX_JSON_DEPTH) return { body: undefined, unreadable: true };
	return { body: jsonParse<unknown>(text, { fallbackValue: text }), unreadable: false };
};

/** The credential a request is sent with: its type's name and its data, already read. */
export interface RequestAuth {
	credentialType: string;
	credentials: ICredentialsDecrypted;
}

export type Exchange = { response: ServiceResponse; failure?: undefined } | { response?: undefined; failure: TransportFailure };

/**
 * A deadline is cancelled once the answer is in: the race is over and nobody reads what it
 * settles with, so both are built once. An Error as the reason, since `sleep` turns any other
 * reason into a new Error (a stack trace per request).
 */
const ANSWERED = new Error('answered');
const DEADLINE_CANCELLED: Exchange = { failure: new TransportFailure('DEADLINE') };

/**
 * One request and its whole answer, under a wall-clock deadline: axios's own timeout stops at
 * the headers, so a server that drips its body would hold the item; here the body is read by
 * the node, capped in size, and the read is raced against the deadline. With `auth` the
 * credential's auth goes on it; without (the breached-password range API), nothing of it does.
 */
export async function exchange(
	context: IExecutePaginationFunctions,
	options: IHttpRequestOptions,
	timeoutMs: number,
	auth: RequestAuth | undefined,
): Promise<Exchange> {
	const deadlineTimer = new AbortController();
	let body: BodyStream | undefined;
	const deadline = sleep(timeoutMs, deadlineTimer.signal).then(
		(): Exchange => {
			body?.destroy?.();
			return { failure: new TransportFailure('DEADLINE') };
		},
		() => DEADLINE_CANCELLED,
	);
	const attempt = (async (): Promise<Exchange> => {
		let envelope: IN8nHttpFullResponse;
		try {
			// The run's credential goes along already read: n8n would otherwise fetch and decrypt it
			// again for every request (a database read each time).
			envelope = (
				auth
					? await context.helpers.httpRequestWithAuthentication.call(context, auth.credentialType, options, { credentialsDecrypted: auth.credentials })
					: await context.helpers.httpRequest(options)
			) as IN8nHttpFullResponse;
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
		const parsed = body ? parseBody(read.text) : { body: raw === '' || raw === null ? undefined : raw, unreadable: false };
		return {
			response: {
				statusCode: envelope.statusCode,
				headers: (envelope.headers ?? {}) as IDataObject,
				body: parsed.body,
				unreadable: read.oversized || parsed.unreadable,
			},
		};
	})();
	try {
		return await Promise.race([attempt, deadline]);
	} finally {
		deadlineTimer.abort(ANSWERED);
	}
}
