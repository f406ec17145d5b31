import type { INodePropertyRouting } from 'n8n-workflow';

import { runResetRequest } from './runResetRequest';

/**
 * The routing both operations share; the service profile decides the rest. `paginate` makes
 * RoutingNode hand the request to `runResetRequest` (see there why).
 */
export const resetRouting: INodePropertyRouting = {
	send: { paginate: true },
	operations: { pagination: runResetRequest },
};
