'use strict';
/**
 * A tiny named-check runner for the suites that drive real processes (n8n, Directus) outside
 * jest: each check passes or fails with a reason, and the run ends with "N passed, N failed".
 */
class Checks {
	constructor() {
		this.results = [];
		this.started = Date.now();
	}

	check(name, fn) {
		try {
			fn();
			this.results.push({ name, ok: true });
		} catch (error) {
			this.results.push({ name, ok: false, why: error.message });
		}
	}

	/** Runs a suite's `main`, then reports; a crash is one more failed check (its stack on stderr). */
	async run(label, main) {
		try {
			await main();
		} catch (error) {
			console.error(error);
			this.check(`the ${label} run completed`, () => {
				throw error;
			});
		}
		this.report(label);
	}

	/** Prints every check and the closing line; sets the exit code. */
	report(label) {
		const failed = this.results.filter((result) => !result.ok);
		for (const result of this.results) console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name}${result.ok ? '' : `\n     ${result.why}`}`);
		console.log(`\n${label} wall time ${((Date.now() - this.started) / 1000).toFixed(1)} s`);
		console.log(`${this.results.length - failed.length} passed, ${failed.length} failed`);
		process.exitCode = failed.length ? 1 : 0;
	}
}

const assert = (condition, message) => {
	if (!condition) throw new Error(message);
};

const equal = (actual, expected, what) =>
	assert(JSON.stringify(actual) === JSON.stringify(expected), `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);

module.exports = { Checks, assert, equal };
