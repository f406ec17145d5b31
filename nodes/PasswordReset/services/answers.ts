import type { IDataObject } from 'n8n-workflow';

import type { ProbeAnswer, RawAnswer } from './types';

/** Shared readings of answers, for the profiles' `isSuccess` and credential probes. */

export const isJsonObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** A JSON object or an empty body: what most reset routes answer on success. */
export const objectOrEmpty = ({ body }: RawAnswer) => body === undefined || isJsonObject(body);

/** A JSON object for which `test` holds. */
export const objectWhere =
	(test: (body: IDataObject) => boolean) =>
	({ body }: RawAnswer) =>
		isJsonObject(body) && test(body);

/** A JSON object whose `success` is `true`: the seed services' envelope. */
export const successFlag = objectWhere((body) => body.success === true);

/** A 2xx: the side-effect-free route the probe called exists at this Base URL. */
export const answersOk = ({ status }: ProbeAnswer) => status >= 200 && status < 300;

/** The service's own validation error (4xx, JSON) for a reset request that lacks its email. */
export const rejectsEmptyRequest = ({ status, body }: ProbeAnswer) =>
	(status === 400 || status === 422) && Object.keys(body).length > 0;
