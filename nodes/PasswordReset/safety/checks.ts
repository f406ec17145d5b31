/**
 * Pure checks of what may go on the wire. Each refuses with an `InputProblem` whose message
 * names the field and what to do; the run turns it into the item's `invalid_input` (or, for a
 * value an answer gave, `unexpected_response`). Nothing here sends, reads or knows a service.
 */

import { percentDecoded, WIRE_ENCODINGS } from './redact';

/** Bad input, in words that name the field: nothing was sent. */
export class InputProblem extends Error {}

/** RFC 5321's limit on a whole address. */
export const MAX_EMAIL_LENGTH = 254;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A C0 control character or DEL: a line break, a NUL, anything that can split a header. */
const hasControlCharacter = (text: string) =>
	[...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

export const isEmailAddress = (value: unknown): value is string =>
	typeof value === 'string' && EMAIL_PATTERN.test(value) && !hasControlCharacter(value) && value.length <= MAX_EMAIL_LENGTH;

const isLoopback = (hostname: string) =>
	hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);

const parseUrl = (text: string): URL | undefined => {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
};

/**
 * A base address as every request uses it (the credential's Base URL, the range API's URL):
 * trimmed, https (http on loopback only), without a trailing slash. One with spaces, line breaks,
 * a query, a fragment or a user name in it is refused: each would send the request somewhere
 * other than what was checked. `label` names the field in messages.
 */
export const normalizeBaseUrl = (raw: string, label = "The credential's Base URL"): string => {
	const typed = raw.trim();
	if (/\s/.test(typed) || hasControlCharacter(typed)) {
		throw new InputProblem(`${label} contains spaces or line breaks. Remove them`);
	}
	const url = parseUrl(typed);
	if (!url) throw new InputProblem(`${label} is not a valid URL. Set it to the service's address, e.g. https://api.example.com`);
	if (!isSecureOrLoopback(url)) {
		throw new InputProblem(
			`${label} must start with https:// (http:// is only allowed for localhost): reset tokens and passwords must not cross the network unencrypted`,
		);
	}
	if (url.search || url.hash || typed.includes('?') || typed.includes('#') || url.username || url.password) {
		throw new InputProblem(`${label} has a query (?), a fragment (#) or a user name in it. Use the bare address, e.g. https://api.example.com/v1`);
	}
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
};

const isSecureOrLoopback = (url: URL) => url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));

/**
 * Why a reset link a service answered may not be handed on, or undefined when it may: it must
 * be an https URL (http on loopback only, as the Base URL) on the Base URL's own host (or one of
 * `otherHosts`, hosts the credential names: Auth0's Tenant Domain), so a
 * tampered or misconfigured answer cannot send users to someone else's page. The message names
 * the host, never the link.
 */
export const resetLinkProblem = (link: unknown, baseUrl: string, otherHosts: readonly string[] = []): string | undefined => {
	if (typeof link !== 'string' || !link) return 'answered without a reset link';
	const url = hasControlCharacter(link) ? undefined : parseUrl(link);
	if (!url || !isSecureOrLoopback(url)) return 'answered a reset link that is not an https URL';
	const expected = new URL(baseUrl).host;
	if (url.username || url.password) return 'answered a reset link with a user name in it';
	if (url.host !== expected && !otherHosts.includes(url.host)) return `answered a reset link on ${url.host || 'no host'}, not on the Base URL's host ${expected}`;
	return undefined;
};

/** RFC 9110 `token`: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * Header text that goes out exactly as given: visible ASCII, spaces and tabs. A line break
 * would split the header, and n8n's HTTP client drops or mangles anything else (a non-ASCII
 * letter), which would send a different value than the one given.
 */
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

/**
 * A header the node is about to send: refused, never changed, when it is not valid header
 * text. `source` says where the value came from ("the Reset Token", "the credential").
 */
export const checkHeader = (name: string, value: string, source: string): void => {
	if (!HEADER_NAME.test(name)) {
		throw new InputProblem(`The header name "${name}" from ${source} is not a valid header name. Use letters, digits and dashes, e.g. X-Api-Key`);
	}
	if (!HEADER_VALUE.test(value)) {
		throw new InputProblem(
			`${capitalized(source)} goes in the ${name} header, but it has a line break, a control character or a character outside ASCII, which a header cannot carry unchanged. Nothing was sent: check the value`,
		);
	}
};

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where `{name}` values come from, for messages: "the credential's Realm", "the Email". */
export type PathValueSource = (name: string) => string;

/**
 * A path template as what follows the Base URL, each segment checked: `{name}` becomes that
 * value, URL-encoded as one segment, and is refused when empty, `.` or `..`; a literal segment
 * (a profile's, or a path typed in the credential) must be plain path text and no dot segment,
 * even percent-encoded (`%2e%2e`), which URL parsers resolve. So a path never leaves the Base
 * URL's path, whatever its source. `where` names the path for messages.
 */
export const buildPath = (
	template: string,
	valueOf: (name: string) => string | undefined,
	sourceOf: PathValueSource,
	where: string,
): string => {
	// One leading slash is optional; a second (`//host`) is an empty segment, refused.
	const segments = template.replace(/^\//, '').split('/');
	return `/${segments
		.map((segment, index) => {
			const placeholder = /^\{(\w+)\}$/.exec(segment)?.[1];
			if (placeholder !== undefined) {
				const value = valueOf(placeholder) ?? '';
				if (!isSegmentValue(value)) {
					throw new InputProblem(
						`${capitalized(sourceOf(placeholder))} is ${value === '' ? 'empty' : `"${value}"`}, but it is one segment of the ${where}: it must be a name, not empty, "." or "..". Nothing was sent`,
					);
				}
				return WIRE_ENCODINGS.pathSegment(value);
			}
			const isLast = index === segments.length - 1;
			if (!isPlainSegment(segment, isLast)) {
				throw new InputProblem(
					`The ${where} must be a path under the Base URL, like /auth/recover (a query after ? may follow): not a full address, and without spaces, backslashes, #, empty segments or "." and ".." segments`,
				);
			}
			return segment;
		})
		.join('/')}`;
};

/**
 * A path as typed with an optional query: `/reset?lang=es` → the path and the query text after
 * the first `?` (empty when there is none).
 */
export const splitPathQuery = (template: string): { path: string; query: string } => {
	const at = template.indexOf('?');
	return at === -1 ? { path: template, query: '' } : { path: template.slice(0, at), query: template.slice(at + 1) };
};

/** One `name=value` of a typed query: RFC 3986 query text (percent escapes included), or a whole `{name}` value. */
const QUERY_PAIR = /^([A-Za-z0-9\-._~!$'()*+,;:@/?]|%[0-9A-Fa-f]{2})+(=(([A-Za-z0-9\-._~!$'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*|\{\w+\}))?$/;

/**
 * The query a path carries (`lang=es&tenant={realm}`) as the parameters to send, decoded (`+` a
 * space, `%xx` its character): the HTTP client encodes them again as the wire does. A `{name}`
 * value is that value, as in a path (a secret field is refused by `valueOf`). Anything but plain
 * `name=value` pairs joined by `&` is refused, naming the path; so is a name twice.
 */
export const queryOfPath = (
	query: string,
	valueOf: (name: string) => string | undefined,
	sourceOf: PathValueSource,
	where: string,
): Record<string, string> => {
	const parameters: Record<string, string> = {};
	if (query === '') return parameters;
	for (const pair of query.split('&')) {
		if (!QUERY_PAIR.test(pair)) {
			throw new InputProblem(
				`The ${where} has a query that is not plain name=value pairs joined by &, like /reset?lang=es: no spaces, #, line breaks or empty names`,
			);
		}
		const at = pair.indexOf('=');
		const [rawName, rawValue] = at === -1 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
		const name = formDecoded(rawName);
		const placeholder = /^\{(\w+)\}$/.exec(rawValue)?.[1];
		const value = placeholder === undefined ? formDecoded(rawValue) : valueOf(placeholder);
		if (placeholder !== undefined && !value) {
			throw new InputProblem(`${capitalized(sourceOf(placeholder))} is empty, but it is the value of "${name}" in the query of the ${where}. Nothing was sent`);
		}
		if (name in parameters) throw new InputProblem(`The ${where} sets the query parameter "${name}" twice. Keep one`);
		parameters[name] = value ?? '';
	}
	return parameters;
};

/** A query's name or value as a form decodes it: `+` is a space, `%xx` its character (a bad escape kept as typed). */
const formDecoded = (text: string) => percentDecoded(text.replace(/\+/g, ' '));

/** RFC 3986 `pchar`s (percent escapes included), not a dot segment; empty only at the end (a trailing slash). */
const isPlainSegment = (segment: string, isLast: boolean) => {
	if (segment === '') return isLast;
	if (!/^([A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+$/.test(segment)) return false;
	const decoded = segment.replace(/%2e/gi, '.');
	return decoded !== '.' && decoded !== '..';
};

/** Whether a value can be one path segment as it is: not empty, `.` or `..`. */
export const isSegmentValue = (value: string) => value !== '' && value !== '.' && value !== '..';

/** Whether a value can go in a header unchanged. */
export const isHeaderText = (value: string) => HEADER_VALUE.test(value);
