import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { ResetFailure } from './errors';

/** The first Send Reset Email of an email in this run, which its duplicates answer from. */
export interface SendClaim {
	itemIndex: number;
	/** Settles when that send has an outcome: its failure, or undefined when it succeeded. */
	failure: Promise<ResetFailure | undefined>;
}

/**
 * What the items of one run share. A run is one execution of the node over its input items;
 * every item's context carries the same execute-data object for it, so that object keys the
 * state, and the state goes away with the run.
 */
export interface RunState {
	/** Lower-cased email → its first send in this run. */
	sends: Map<string, SendClaim>;
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
		state = { sends: new Map(), breakerOpen: false, lastRetryAt: 0 };
		states.set(key, state);
	}
	return state;
};
