import type { IDataObject } from 'n8n-workflow';

/**
 * Seconds to wait from a `Retry-After` header: delay-seconds or an HTTP date (RFC 9110).
 * `undefined` when missing or unreadable.
 */
export const retryAfterSeconds = (headers: IDataObject, now = Date.now()): number | undefined => {
	const value = headers['retry-after'];
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim());
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
};
