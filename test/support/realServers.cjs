'use strict';
/** Starting the real servers the real-instance suites test against: waiting until one is ready. */

/** Everything a child process writes, as one growing text. */
const outputOf = (child) => {
	let text = '';
	child.stdout.on('data', (chunk) => (text += chunk));
	child.stderr.on('data', (chunk) => (text += chunk));
	return () => text;
};

/**
 * Resolves once `ready(log)` is true, polled every 300 ms (`log` is all the process wrote). Throws
 * with the tail of its log when the process exits first or `seconds` pass.
 */
async function waitUntilReady(child, ready, seconds, what) {
	const log = outputOf(child);
	const deadline = Date.now() + seconds * 1000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${log().slice(-3000)}`);
		if (Date.now() > deadline) throw new Error(`${what} was not ready within ${seconds} s:\n${log().slice(-3000)}`);
		if (await ready(log())) return;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
}

/** A `ready` for `waitUntilReady`: the URL answers, and `accept(response)` says it is the server's answer. */
const answers = (url, accept = (response) => response.ok) => () => fetch(url).then(accept).catch(() => false);

module.exports = { waitUntilReady, answers };
