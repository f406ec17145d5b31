import { sleep } from 'n8n-workflow';

/** A started request's place in the queue: `release` it when its answer is in. */
export interface Slot {
	/** The one request let out after a hold; the others wait for its answer. */
	readonly probe: boolean;
}

/**
 * At most `limit` requests of a run in flight at once, started in the order items ask, and
 * none while the queue is held (a Retry-After being waited out). After a hold the queue is
 * half-open: exactly one request goes first, the probe, and the rest start only once it is
 * answered, so a server still limiting gets one request more, not one per waiting item.
 */
export class RequestQueue {
	private inFlight = 0;

	private readonly waiting: Array<{ start: () => void; cancel: (reason: unknown) => void }> = [];

	private heldUntil = 0;

	private holdTimer: Promise<void> | undefined;

	/** A hold was set: the next request to start is its probe. */
	private probeDue = false;

	/** The probe is out: nothing else starts until it is answered. */
	private probeInFlight = false;

	/**
	 * `signal` is the execution's cancel signal: when it aborts, every waiting request is
	 * rejected. One listener for the queue, not one per waiting item (thousands, in a bulk run).
	 */
	constructor(
		private readonly limit: number,
		private readonly signal: AbortSignal | undefined,
	) {
		signal?.addEventListener('abort', () => {
			for (const waiter of this.waiting.splice(0)) waiter.cancel(signal.reason);
		}, { once: true });
	}

	/**
	 * Resolves when this request may start. `first` puts it ahead of the waiting ones (a retry
	 * that already had its turn). Rejects when the execution is cancelled.
	 */
	async acquire(first = false): Promise<Slot> {
		if (this.signal?.aborted) throw this.signal.reason ?? new Error('aborted');
		if (this.waiting.length === 0 && this.mayStart()) return this.start();
		return await new Promise<Slot>((resolve, reject) => {
			const waiter = { start: () => resolve(this.start()), cancel: reject };
			if (first) this.waiting.unshift(waiter);
			else this.waiting.push(waiter);
			this.pump();
		});
	}

	/** The request is answered (or failed): the next may start; after a probe, all that wait may. */
	release(slot: Slot): void {
		this.inFlight -= 1;
		if (slot.probe) this.probeInFlight = false;
		this.pump();
	}

	/** No request starts before `until` (ms since epoch); then one probe goes first. */
	hold(until: number): void {
		this.heldUntil = Math.max(this.heldUntil, until);
		this.probeDue = true;
		this.pump();
	}

	private mayStart(): boolean {
		return this.inFlight < this.limit && Date.now() >= this.heldUntil && !this.probeInFlight;
	}

	private start(): Slot {
		this.inFlight += 1;
		const probe = this.probeDue;
		this.probeDue = false;
		this.probeInFlight = probe;
		return { probe };
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
		while (this.mayStart() && this.waiting.length > 0) this.waiting.shift()?.start();
	}
}
