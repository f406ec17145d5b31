import type { IDataObject } from 'n8n-workflow';

import { isJsonObject, textAt } from '../kernel/json';
import type { ChainStep, CredentialSettings, RawAnswer } from '../kernel/types';

/** Shared readings of answers, for the profiles' `isSuccess` and credential probes. */

/** A JSON object or an empty body: what most reset routes answer on success. */
export const objectOrEmpty = ({ body }: RawAnswer) => body === undefined || isJsonObject(body);

/** A JSON object for which `test` holds. */
export const objectWhere =
	(test: (body: IDataObject) => boolean) =>
	({ body }: RawAnswer) =>
		isJsonObject(body) && test(body);

/** A JSON object whose `success` is `true`: the seed services' envelope. */
export const successFlag = objectWhere((body) => body.success === true);

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** A probe of a side-effect-free route: any 2xx. */
export const SUCCESS_STATUSES: readonly number[] = range(200, 299);

/** A probe of a reset route without an email: the service's validation refusal. */
export const VALIDATION_REFUSALS: readonly number[] = [400, 422];

/**
 * Custom: a route's refusal of a send without an email, any 4xx but 401, 403, 404 and 405. Not a
 * 2xx: a single-page app or a catch-all at a wrong Base URL answers 200 to anything.
 */
export const ANY_ROUTE_REFUSAL: readonly number[] = range(400, 499).filter((status) => ![401, 403, 404, 405].includes(status));

/** The access token the chain's first request answered (an OAuth client-credentials grant), or undefined. */
const grantedToken = (answers: unknown[]) => {
	const token = (answers[0] as IDataObject | undefined)?.access_token;
	return typeof token === 'string' && token ? token : undefined;
};

/** A chain step's headers: that token as its Bearer, or none, so nothing is sent without it. */
export const grantedBearer = (_previous: IDataObject, answers: unknown[]): Record<string, string> | undefined => {
	const token = grantedToken(answers);
	return token ? { Authorization: `Bearer ${token}` } : undefined;
};

/** A chain step's secrets: that token. */
export const grantedTokenSecrets = (_previous: IDataObject, answers: unknown[]) => [grantedToken(answers) ?? ''];

/**
 * The accounts in a search's list whose email is the item's, in any case: a search that matches
 * loosely (a substring, Supabase's and WordPress's) narrowed to the account meant. Two accounts
 * that differ only in case both match: which one is meant cannot be told.
 */
export const accountsWithEmail = (list: unknown, email: string): IDataObject[] =>
	(Array.isArray(list) ? list : []).filter(
		(account): account is IDataObject => isJsonObject(account) && typeof account.email === 'string' && account.email.toLowerCase() === email.toLowerCase(),
	);

/** The one account `accountsWithEmail` found (a chain step's `accounts` has made sure there is one), or an empty object. */
export const theAccount = (list: unknown, email: string): IDataObject => accountsWithEmail(list, email)[0] ?? {};

/** A chain step's headers from a credential field: that value as a Bearer token. */
export const bearerFrom =
	(field: string) =>
	(_previous: IDataObject, _answers: unknown[], settings: CredentialSettings): Record<string, string> => ({ Authorization: `Bearer ${settings[field] ?? ''}` });

/** A run problem (`settingsProblem`) naming an empty credential field an admin operation needs. */
export const needsField =
	(field: string, problem: string) =>
	(settings: CredentialSettings): string | undefined =>
		settings[field] ? undefined : problem;

/**
 * Set Password's last request where a service sets it on the account its search found, the id as
 * the path's last `{placeholder}`: none found is the unknown account, two `multiple_accounts`,
 * before anything is sent (see `ChainStep.accounts`).
 */
export const setOnFoundAccount = ({
	service,
	method,
	path,
	found,
	idOf = (account) => account.id,
	fields,
	headers,
	isSuccess,
}: Pick<ChainStep, 'method' | 'path' | 'fields' | 'headers' | 'isSuccess'> & {
	/** The service's name, for the message when the search's answer lacks what the set needs. */
	service: string;
	/** The search's list of accounts, from the answers so far. */
	found: (answers: unknown[]) => unknown;
	idOf?: (account: IDataObject) => unknown;
}): ChainStep => {
	const placeholder = [...path.matchAll(/\{(\w+)\}/g)].at(-1)?.[1] ?? '';
	return {
		method,
		path,
		fields,
		accounts: (answers, { email }) => accountsWithEmail(found(answers), email),
		pathValues: (answers, { email }) => ({ [placeholder]: String(idOf(theAccount(found(answers), email)) ?? '') }),
		headers,
		secrets: () => [],
		isSuccess,
		missingMessage: `${service} answered the user search without what the set needs: nothing was changed`,
	};
};

/** A GraphQL mutation's success: its result union (`data.<field>`) is one of `typenames` (Vendure's `Success`), never merely HTTP 200. */
export const graphqlSuccess =
	(field: string, ...typenames: string[]) =>
	({ body }: RawAnswer) =>
		typenames.includes(textAt(body, `data.${field}.__typename`) ?? '');

/** A text field of the answer's GraphQL result, whichever mutation it answers (Vendure's `validationErrorMessage`). */
export const graphqlResultField = (body: IDataObject, name: string): string | undefined =>
	(isJsonObject(body.data) ? Object.values(body.data) : []).map((result) => textAt(result, name)).find((found) => found !== undefined);

/**
 * The error code of a GraphQL answer, for the error rules: its result union's `errorCode` (an
 * `ErrorResult`, which comes as HTTP 200), else its first error's `extensions.code`.
 */
export const graphqlErrorCode = (body: IDataObject): string | undefined => graphqlResultField(body, 'errorCode') ?? textAt(body, 'errors.0.extensions.code');

/** The host (and port) of a URL the credential names (a reset page), as a link host, or none when it is not a URL. */
export const urlHost = (url: string | undefined): string[] => {
	try {
		return [new URL((url ?? '').trim()).host];
	} catch {
		return [];
	}
};
