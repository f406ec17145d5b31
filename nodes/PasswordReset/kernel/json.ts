import type { IDataObject } from 'n8n-workflow';

/** A JSON object: not null, not a list. */
export const isJsonObject = (value: unknown): value is IDataObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A value inside JSON by its exact key, else by dot path (`data.url`, `items.0.email`), through
 * own keys only (never a prototype's): undefined where the path leads nowhere.
 */
export const valueAtPath = (value: unknown, path: string): unknown => {
	if (isJsonObject(value) && Object.hasOwn(value, path)) return value[path];
	let current = value;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
};

/** Text at a dot path (`errors.0.code`) of a JSON value, or undefined (absent, empty, or not text; a number is read as text). */
export const textAt = (body: unknown, path: string): string | undefined => {
	const value = valueAtPath(body, path);
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};

/** The object at a dot path of a JSON value, or an empty one. */
export const objectAt = (body: unknown, path: string): IDataObject => {
	const value = valueAtPath(body, path);
	return isJsonObject(value) ? value : {};
};
