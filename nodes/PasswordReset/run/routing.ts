import type { DeclarativeRestApiSettings, IExecutePaginationFunctions, INodePropertyRouting } from 'n8n-workflow';

import type { Registry } from '../services/registry';
import { runResetRequest } from './runResetRequest';

/**
 * The routing every operation of an edition shares; the service profile decides the rest.
 * `paginate` makes RoutingNode hand each item's request to `runResetRequest` (see there why),
 * with the edition's registry.
 */
export const resetRoutingFor = (registry: Registry): INodePropertyRouting => ({
	send: { paginate: true },
	operations: {
		async pagination(this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions) {
			return await runResetRequest.call(this, registry, requestData);
		},
	},
});
