import { createHash, createHmac, timingSafeEqual } from 'crypto';

import type { HookScheme } from '../kernel/hooks';

/*
 * Whether a message is the sender's own: each scheme checks the raw body exactly as received,
 * compares in constant time, and fails closed (no secret, no header, a header it cannot read:
 * refused). Nothing here returns or throws the secret, the signature or the body.
 */

/** A request's headers as n8n hands them over (lower-case names). */
export type Headers = Record<string, string | string[] | undefined>;

/** A verified message: the id a replay is recognized by and when its sender says it signed it. */
export interface Verified {
	ok: true;
	/** The message id (Standard Webhooks, Svix); a hash of the body where the scheme has none (Zitadel). Unset for shared headers. */
	messageId?: string;
	/** The signed timestamp, in seconds; unset for shared headers (they carry none). */
	timestamp?: number;
}

/** Why a message was refused; `reason` is what the answer and the log say (never a value from the request). */
export interface Refused {
	ok: false;
	reason: 'no_secret' | 'secret_unreadable' | 'signature_missing' | 'signature_mismatch' | 'timestamp_outside_tolerance';
}

export type Verdict = Verified | Refused;

const refused = (reason: Refused['reason']): Refused => ({ ok: false, reason });

const header = (headers: Headers, name: string): string | undefined => {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
};

/** Equal in constant time whatever the lengths: both sides are hashed first, so no length leaks either. */
export const constantTimeEqual = (a: string | Buffer, b: string | Buffer) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** Standard Webhooks keys are 24 to 64 random bytes (the spec); Supabase's own check allows 32 to 88 base64 characters. */
const KEY_BYTES = { min: 24, max: 66 };
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The keys of a Standard Webhooks secret as its senders show it: `whsec_…` (Svix, Clerk, the
 * spec), Supabase's `v1,whsec_…`, or bare base64; several (rotation) separated by `|`
 * (Supabase's form) or spaces. A string when the secret cannot be read: which part, not its value.
 */
export function standardWebhooksKeys(secret: string): Buffer[] | string {
	const parts = secret.split(/[|\s]+/).filter(Boolean);
	if (parts.length === 0) return 'The secret is empty';
	const keys: Buffer[] = [];
	for (const [index, part] of parts.entries()) {
		const encoded = part.replace(/^v1,/, '').replace(/^whsec_/, '');
		const which = parts.length > 1 ? `Secret ${index + 1} of ${parts.length}` : 'The secret';
		if (part.startsWith('v1a,') || part.startsWith('whpk_') || part.startsWith('whsk_')) return `${which} is an asymmetric (v1a) key: use a symmetric whsec_ secret`;
		if (!BASE64.test(encoded)) return `${which} is not a whsec_ secret: after "whsec_" come base64 characters only`;
		const key = Buffer.from(encoded, 'base64');
		if (key.length < KEY_BYTES.min || key.length > KEY_BYTES.max) return `${which} decodes to ${key.length} bytes; a signing secret has ${KEY_BYTES.min} to ${KEY_BYTES.max}`;
		keys.push(key);
	}
	return keys;
}

const signedAt = (text: string | undefined) => (text !== undefined && /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : undefined);

const withinTolerance = (timestamp: number, nowSeconds: number, toleranceSeconds: number) => Math.abs(nowSeconds - timestamp) <= toleranceSeconds;

export interface VerifyInput {
	scheme: HookScheme;
	secret: string;
	headers: Headers;
	rawBody: Buffer;
	nowSeconds: number;
	toleranceSeconds: number;
	/** For `sharedHeader`: the header that carries the value. */
	sharedHeader?: string;
}

/**
 * Standard Webhooks (and Svix, its twin with `svix-*` headers): HMAC-SHA256 of
 * `id.timestamp.body` under each key, base64; the signature header lists `v1,<sig>` entries
 * separated by spaces (Supabase joins them with ", "): any entry under any key will do.
 */
function verifyStandardWebhooks({ secret, headers, rawBody, nowSeconds, toleranceSeconds }: VerifyInput): Verdict {
	const keys = standardWebhooksKeys(secret);
	if (typeof keys === 'string') return refused('secret_unreadable');
	const prefix = header(headers, 'webhook-id') !== undefined ? 'webhook' : 'svix';
	const id = header(headers, `${prefix}-id`);
	const timestampText = header(headers, `${prefix}-timestamp`);
	const signatures = (header(headers, `${prefix}-signature`) ?? '')
		.split(/\s+/)
		.map((entry) => entry.replace(/,$/, ''))
		.filter((entry) => entry.startsWith('v1,'))
		.map((entry) => entry.slice(3));
	const timestamp = signedAt(timestampText);
	// The spec: ids and timestamps carry no dot, so `id.timestamp.body` has one reading.
	if (!id || id.includes('.') || timestamp === undefined || signatures.length === 0) return refused('signature_missing');
	const signedContent = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), rawBody]);
	const expected = keys.map((key) => createHmac('sha256', key).update(signedContent).digest('base64'));
	if (!signatures.some((signature) => expected.some((candidate) => constantTimeEqual(signature, candidate)))) return refused('signature_mismatch');
	// Checked after the signature: a forged message learns nothing about the clock.
	if (!withinTolerance(timestamp, nowSeconds, toleranceSeconds)) return refused('timestamp_outside_tolerance');
	return { ok: true, messageId: id, timestamp };
}

/**
 * Zitadel (pkg/actions/signing.go): `ZITADEL-Signature: t=<seconds>,v1=<hex>[,v1=<hex>…]`,
 * HMAC-SHA256 of `t.body` keyed by the signing key's text as is. Its docs also name the header
 * `X-ZITADEL-Signature`: both are read. No message id: the body's hash stands for one.
 */
function verifyZitadel({ secret, headers, rawBody, nowSeconds, toleranceSeconds }: VerifyInput): Verdict {
	const fields = (header(headers, 'zitadel-signature') ?? header(headers, 'x-zitadel-signature') ?? '').split(',').map((field) => field.trim().split('='));
	const timestamp = signedAt(fields.find(([name]) => name === 't')?.[1]);
	const signatures = fields.filter(([name, value]) => name === 'v1' && value).map(([, value]) => value);
	if (timestamp === undefined || signatures.length === 0) return refused('signature_missing');
	const expected = createHmac('sha256', secret)
		.update(Buffer.concat([Buffer.from(`${timestamp}.`), rawBody]))
		.digest('hex');
	if (!signatures.some((signature) => constantTimeEqual(signature.toLowerCase(), expected))) return refused('signature_mismatch');
	if (!withinTolerance(timestamp, nowSeconds, toleranceSeconds)) return refused('timestamp_outside_tolerance');
	return {
		ok: true,
		messageId: createHash('sha256').update(rawBody).digest('hex'),
		timestamp,
	};
}

/** A header that carries the shared value exactly (Logto's Authorization, Kratos's API key or Basic auth). */
function verifySharedHeader({ secret, headers, sharedHeader }: VerifyInput): Verdict {
	const value = header(headers, sharedHeader ?? 'authorization');
	if (!value) return refused('signature_missing');
	return constantTimeEqual(value, secret) ? { ok: true } : refused('signature_mismatch');
}

const VERIFIERS: Record<HookScheme, (input: VerifyInput) => Verdict> = {
	standardWebhooks: verifyStandardWebhooks,
	zitadel: verifyZitadel,
	sharedHeader: verifySharedHeader,
};

/** Checks a message under its sender's scheme; the secret is read without the blanks a paste adds around it (no secret: refused here, for every scheme). */
export const verifySignature = (input: VerifyInput): Verdict => {
	const secret = input.secret.trim();
	return secret === '' ? refused('no_secret') : VERIFIERS[input.scheme]({ ...input, secret });
};
