/**
 * What this n8n process has received, to refuse replays and acknowledge retries (both within
 * the timestamp tolerance; an older message is refused by its timestamp anyway):
 * - a replay is the same message id with the same signed timestamp: a sender re-signs each
 *   attempt, so only a copy repeats both. Refused.
 * - a retry is the same message id signed anew. When the trigger answered at once, its sender
 *   already had its 2xx: the retry is acknowledged and starts nothing. When the trigger answers
 *   after the workflow, a retry follows a failed run and runs again.
 * Kept in memory, per trigger node: n8n's webhook processes in queue mode each keep their own
 * (docs/trigger.md says so).
 */
export class ReceivedMessages {
	private readonly expiries = new Map<string, number>();

	constructor(private readonly capacity = 50_000) {}

	/** Whether `key` was remembered and has not expired by `nowSeconds`. */
	has(key: string, nowSeconds: number): boolean {
		const expiry = this.expiries.get(key);
		if (expiry === undefined) return false;
		if (expiry >= nowSeconds) return true;
		this.expiries.delete(key);
		return false;
	}

	/** Remembers `key` until `expirySeconds`; past the capacity, the oldest entries go first. */
	remember(key: string, expirySeconds: number): void {
		this.expiries.delete(key);
		this.expiries.set(key, expirySeconds);
		for (const oldest of this.expiries.keys()) {
			if (this.expiries.size <= this.capacity) break;
			this.expiries.delete(oldest);
		}
	}
}

/** The process's one memory of received messages (keys carry the workflow and node). */
export const RECEIVED = new ReceivedMessages();
