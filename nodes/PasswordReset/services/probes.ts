import type { ProbeAnswer } from './types';

/** A 2xx: the side-effect-free route the probe called exists at this Base URL. */
export const answersOk = ({ status }: ProbeAnswer) => status >= 200 && status < 300;

/** The service's own validation error (4xx, JSON) for a reset request that lacks its email. */
export const rejectsEmptyRequest = ({ status, body }: ProbeAnswer) =>
	(status === 400 || status === 422) && Object.keys(body).length > 0;
