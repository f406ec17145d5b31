import type { IDataObject } from 'n8n-workflow';

/**
 * Seconds to wait from a `Retry-After` header: delay-seconds or an HTTP date (RFC 9110).
 * `undefined` when missing or unreadable: a negative or fractional number is neither form,
 * though `Date.parse` would read `-1` as a year.
 */
export const retryAfterSeconds = (headers: IDataObject, now = Date.now()): number | undefined => {
	const value = typeof headers['retry-after'] === 'string' ? headers['retry-after'].trim() : '';
	if (/^\d+$/.test(value)) return Number(value);
	// An HTTP date names its day or month in letters; anything else is not one.
	if (!/[A-Za-z]{3}/.test(value)) return undefined;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
};
