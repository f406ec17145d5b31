import { sleep } from 'n8n-workflow';

/**
 * At most `limit` requests of a run in flight at once, started in the order items ask, and
 * none while the queue is held (a Retry-After being waited out): the run's requests wait here,
 * not each on its own timer.
 */
export class RequestQueue {
	private inFlight = 0;

	private readonly waiting: Array<() => void> = [];

	private heldUntil = 0;

	private holdTimer: Promise<void> | undefined;

	constructor(private readonly limit: number) {}

	/**
	 * Resolves when this request may start; call `release` when it is done. `first` puts it ahead
	 * of the waiting ones (a retry that already had its turn). Rejects when `signal` aborts.
	 */
	async acquire(signal: AbortSignal | undefined, first = false): Promise<void> {
		if (this.waiting.length === 0 && this.inFlight < this.limit && Date.now() >= this.heldUntil) {
			this.inFlight += 1;
			return;
		}
		await new Promise<void>((resolve, reject) => {
			const start = () => {
				signal?.removeEventListener('abort', abort);
				this.inFlight += 1;
				resolve();
			};
			const abort = () => {
				const index = this.waiting.indexOf(start);
				if (index >= 0) this.waiting.splice(index, 1);
				reject(signal?.reason ?? new Error('aborted'));
			};
			if (signal?.aborted) {
				abort();
				return;
			}
			signal?.addEventListener('abort', abort, { once: true });
			if (first) this.waiting.unshift(start);
			else this.waiting.push(start);
			this.pump();
		});
	}

	release(): void {
		this.inFlight -= 1;
		this.pump();
	}

	/** No request starts before `until` (ms since epoch). */
	hold(until: number): void {
		this.heldUntil = Math.max(this.heldUntil, until);
		this.pump();
	}

	private pump(): void {
		const wait = this.heldUntil - Date.now();
		if (wait > 0) {
			this.holdTimer ??= sleep(wait).then(() => {
				this.holdTimer = undefined;
				this.pump();
			});
			return;
		}
		while (this.inFlight < this.limit && this.waiting.length > 0) this.waiting.shift()?.();
	}
}
