import type { GenericValue, IDataObject } from 'n8n-workflow';
import { REDACTED } from 'n8n-workflow';

/** What replaces a secret wherever it would appear: n8n's own mark. */
export { REDACTED };

const MAX_SERVER_MESSAGE_LENGTH = 300;
/** Shorter values are not redacted inside text: a 1-2 character secret would mangle every message. */
const MIN_SECRET_LENGTH = 3;

/**
 * How the node itself encodes a value for the wire: the request builder (`http/wire.ts`) uses
 * these and nothing else, so every form a secret is sent in is a form the redactor knows.
 */
export const WIRE_ENCODINGS = {
	/** A header value: as is (checked to be header text first). */
	header: (value: string) => value,
	/** Inside a JSON string (the body, and most echoes). */
	json: (value: string) => JSON.stringify(value).slice(1, -1),
	/** One path segment. */
	pathSegment: encodeURIComponent,
	/** A form body's value (`application/x-www-form-urlencoded`, as URLSearchParams writes it). */
	form: (value: string) => new URLSearchParams({ v: value }).toString().slice(2),
	/** A query value as axios writes it (n8n's HTTP client): `encodeURIComponent`, some kept, space as `+`. */
	query: (value: string) =>
		encodeURIComponent(value)
			.replace(/%3A/gi, ':')
			.replace(/%24/g, '$')
			.replace(/%2C/gi, ',')
			.replace(/%20/g, '+')
			.replace(/%5B/gi, '[')
			.replace(/%5D/gi, ']'),
} satisfies Record<string, (value: string) => string>;

/**
 * Forms a server may echo a value in that the node never sends: `\u`-escaped JSON, JSON with
 * escaped slashes (PHP's json_encode), HTML, `%20` for space, lower-case escapes, encoded twice.
 */
const ECHO_ENCODINGS: ReadonlyArray<(value: string) => string> = [
	(value) => WIRE_ENCODINGS.json(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
	(value) => WIRE_ENCODINGS.json(value).replace(/\//g, '\\/'),
	(value) => encodeURIComponent(encodeURIComponent(value)),
	(value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
	(value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#x27;'),
	(value) => WIRE_ENCODINGS.form(value).replace(/\+/g, '%20'),
	(value) => encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
	(value) => WIRE_ENCODINGS.form(value).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
];

const ENCODINGS = [...Object.values(WIRE_ENCODINGS), ...ECHO_ENCODINGS];

/** Shorter parts of a link are not taken for its token: `recovery`, `en`, a user id. */
const MIN_LINK_TOKEN_LENGTH = 16;

/** Text with its `%xx` escapes decoded, or as given where one is not valid. */
export const percentDecoded = (text: string) => {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
};

/**
 * What a created link gives away besides itself: the link encoded as a whole (`encodeURI`) and
 * percent-decoded, and each long part of it (a path segment, a query or fragment value, as sent
 * and decoded) that is not in the Base URL, an address or a URL: the token it carries, which
 * opens the account alone. Each is then redacted in every form, as any secret is.
 */
export const linkSecrets = (link: string, baseUrl: string): string[] => {
	const wholes = [link, percentDecoded(link)];
	try {
		wholes.push(encodeURI(link));
	} catch {
		// A lone surrogate: then no service encoded it that way either.
	}
	const [beforeFragment, fragment = ''] = link.split('#', 2);
	const [address, query = ''] = beforeFragment.split('?', 2);
	const pathSegments = address.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split('/');
	const values = [...query.split('&'), ...fragment.split('&')].map((pair) => pair.slice(pair.indexOf('=') + 1));
	const isToken = (part: string) => !part.includes('@') && !/^[a-z][a-z0-9+.-]*:/i.test(part) && !baseUrl.includes(part);
	const tokens = [...pathSegments, ...values]
		.filter((part) => part.length >= MIN_LINK_TOKEN_LENGTH && isToken(percentDecoded(part)))
		.flatMap((part) => [part, percentDecoded(part)]);
	return [...new Set([...wholes, ...tokens])];
};

/**
 * Every form in which a secret may come back from a service or a library: each encoding the
 * node sends it in, each a server may echo it in, of the value as given and trimmed. Longest
 * first, so a form is replaced before a shorter one inside it could break it up.
 */
const secretForms = (secrets: readonly string[]): string[] => {
	const forms = new Set<string>();
	for (const secret of secrets) {
		for (const value of new Set([secret, secret.trim()])) {
			for (const encode of ENCODINGS) {
				let form: string;
				try {
					form = encode(value);
				} catch {
					// A lone surrogate cannot be URL-encoded: then it was not sent that way either.
					continue;
				}
				if (form.length >= MIN_SECRET_LENGTH) forms.add(form);
			}
		}
	}
	return [...forms].sort((a, b) => b.length - a.length);
};

const replaceForms = (text: string, forms: readonly string[]) =>
	forms.reduce((redacted, form) => redacted.split(form).join(REDACTED), text);

/** Replaces every form of each secret in `text`. */
export const redactText = (text: string, secrets: readonly string[]): string => replaceForms(text, secretForms(secrets));

/** A deep copy of a JSON value with every form of every secret replaced, in keys and values alike. */
export const redactValue = (value: unknown, secrets: readonly string[]): IDataObject | GenericValue => {
	const forms = secretForms(secrets);
	const text = (entry: string) => replaceForms(entry, forms);
	const walk = (entry: unknown): IDataObject | GenericValue => {
		if (typeof entry === 'string') return text(entry);
		if (Array.isArray(entry)) return entry.map(walk) as IDataObject[];
		if (entry === null || typeof entry !== 'object') return (entry ?? null) as GenericValue;
		return Object.fromEntries(Object.entries(entry).map(([key, item]) => [text(key), walk(item)]));
	};
	return walk(value);
};

/** Keys whose values are credentials whatever they hold (a session JWT, an Appwrite secret). */
const SECRET_KEY = /token|secret|jwt|password|session|oobcode/i;

/** A copy with the values of secret-looking keys replaced, for a raw response shown to users. */
export const redactSecretFields = (value: IDataObject | GenericValue): IDataObject | GenericValue => {
	if (Array.isArray(value)) return value.map((entry) => redactSecretFields(entry as IDataObject)) as IDataObject[];
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [
			key,
			SECRET_KEY.test(key) && entry !== null && entry !== '' ? REDACTED : redactSecretFields(entry as IDataObject),
		]),
	);
};

const looksLikeHtml = (text: string) => /^\s*<(!doctype|html|head|body)/i.test(text);

/**
 * The server's own explanation, redacted and length-capped, for an error description.
 * Reads the keys the supported services use; an HTML page is summarised, never copied.
 */
export const serverMessageOf = (body: unknown, secrets: readonly string[]): string | undefined => {
	let message: unknown;
	if (typeof body === 'string') {
		message = looksLikeHtml(body) ? 'The server answered with an HTML page instead of JSON' : body;
	} else if (body && typeof body === 'object') {
		const data = body as IDataObject;
		// `success` / `succcess` carry industrial-IOT's message; a boolean flag is no message.
		const firstError = Array.isArray(data.errors) ? (data.errors[0] as IDataObject | undefined) : undefined;
		message = [
			data.message,
			data.error_description,
			data.msg,
			data.error,
			data.Error,
			firstError?.message,
			data.success,
			data.succcess,
		].find(
			(value) => typeof value === 'string' || (value !== null && typeof value === 'object'),
		);
		if (message && typeof message === 'object') {
			message = (message as IDataObject).message ?? JSON.stringify(message);
		}
	}
	if (message === undefined || message === null || message === '') return undefined;
	const text = redactText(String(message), secrets).trim();
	return text.length > MAX_SERVER_MESSAGE_LENGTH ? `${text.slice(0, MAX_SERVER_MESSAGE_LENGTH)}…` : text;
};
