import type { GenericValue, IDataObject } from 'n8n-workflow';

export const REDACTED = '**hidden**';
const MAX_SERVER_MESSAGE_LENGTH = 300;
/** Shorter values are not redacted inside text: a 1-2 character secret would mangle every message. */
const MIN_SECRET_LENGTH = 3;

const jsonEscaped = (value: string) => JSON.stringify(value).slice(1, -1);

/**
 * Every form in which a secret may come back from a service or a library: as sent, trimmed,
 * JSON-escaped, URL-encoded (`%20` and form `+`). Longest first, so a form is replaced before
 * a shorter one inside it could break it up.
 */
const secretForms = (secrets: readonly string[]): string[] => {
	const forms = new Set<string>();
	for (const secret of secrets) {
		for (const value of [secret, secret.trim()]) {
			const encoded = encodeURIComponent(value);
			for (const form of [value, jsonEscaped(value), encoded, encoded.replace(/%20/g, '+')]) {
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
