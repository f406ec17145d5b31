import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * What the items of one run share. A run is one execution of the node over its input items;
 * every item's context carries the same execute-data object for it, so that object keys the
 * state, and the state goes away with the run.
 */
export interface RunState {
	/** Lower-cased emails already sent (or being sent) by Send Reset Email in this run. */
	sentEmails: Set<string>;
	/** Send Reset Email requests this run has let out. */
	sendCount: number;
	/** Open after a 429 the node did not wait out: nothing more is sent in this run. */
	breakerOpen: boolean;
	/** When the last scheduled retry fires (ms since epoch), so retries go out one by one. */
	lastRetryAt: number;
}

const states = new WeakMap<object, RunState>();

export const runStateFor = (context: IExecuteSingleFunctions): RunState => {
	const key = context.getExecuteData();
	let state = states.get(key);
	if (!state) {
		state = { sentEmails: new Set(), sendCount: 0, breakerOpen: false, lastRetryAt: 0 };
		states.set(key, state);
	}
	return state;
};
