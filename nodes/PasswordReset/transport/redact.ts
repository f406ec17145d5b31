import type { GenericValue, IDataObject } from 'n8n-workflow';

export const REDACTED = '**hidden**';
const MAX_SERVER_MESSAGE_LENGTH = 300;
/** Shorter values are not redacted inside text: a 1-2 character secret would mangle every message. */
const MIN_SECRET_LENGTH = 3;

/** Replaces every occurrence of each secret in `text`. */
export const redactText = (text: string, secrets: readonly string[]): string =>
	secrets
		.filter((secret) => secret.length >= MIN_SECRET_LENGTH)
		.reduce((redacted, secret) => redacted.split(secret).join(REDACTED), text);

/** A deep copy of a JSON value with every secret replaced, in keys and values alike. */
export const redactValue = (value: unknown, secrets: readonly string[]): IDataObject | GenericValue =>
	JSON.parse(redactText(JSON.stringify(value ?? null), secrets.map((secret) => JSON.stringify(secret).slice(1, -1))));

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
