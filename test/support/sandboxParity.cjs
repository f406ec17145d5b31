'use strict';
/**
 * The sandbox against a real server: the same requests to both, and each answer's status, media
 * type and body shape (its keys and value types, strings by kind) side by side. A real-instance
 * suite checks they agree, so the sandbox (and every mock-based suite and the demo that use it)
 * cannot drift from what the real service answers.
 */
const { ResetSandbox } = require('../../sandbox/server.cjs');

/** A JSON value's shape: objects by their sorted keys, lists by their first element, scalars by type. */
const shapeOf = (value) => {
	if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
	if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, shapeOf(value[key])]));
	return value === null ? 'null' : typeof value;
};

/** One answer as compared: status, media type (no parameters), and the body's shape (or `text`). */
async function answerOf(url, { method = 'POST', body, form, headers = {} }) {
	// Each side's own admin key, where a request carries one (`headers` for the real server, `sandboxHeaders` for the sandbox).
	// A form (WordPress's lost-password page) goes URL-encoded; a redirect is an answer, never followed.
	// `headers` may be a function of the URL and the body's text (an AWS signature covers both).
	const [type, text] = form ? ['application/x-www-form-urlencoded', new URLSearchParams(form).toString()] : ['application/json', body === undefined ? undefined : JSON.stringify(body)];
	const own = typeof headers === 'function' ? headers(new URL(url), text ?? '') : headers;
	const response = await fetch(url, { method, redirect: 'manual', headers: { 'Content-Type': type, ...own }, body: text });
	const mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
	const answer = await response.text();
	let shape = answer ? 'text' : 'empty';
	try {
		shape = shapeOf(JSON.parse(answer));
	} catch {
		// Not JSON: compared as text.
	}
	return { status: response.status, type: mediaType, shape };
}

/**
 * Sends each request to the real server and to a fresh sandbox's same service.
 * @param {{ service: string, realBase: string, requests: Array<[name: string, path: string, request: object]> }} settings
 *   `path` under each one's Base URL; the requests should not depend on state the two do not share
 *   (an account both have, an unknown one, a malformed call, a token neither issued). An admin call
 *   sends each side its own key: `headers` to the real server, `sandboxHeaders` to the sandbox
 *   (either may be a function of the URL and the body's text), and `sandboxBody` where the body
 *   names something each side calls its own (a user pool's generated ID).
 * @returns {Promise<Array<{ name: string, real: object, sandbox: object }>>}
 */
async function sandboxParity({ service, realBase, requests }) {
	const sandbox = new ResetSandbox();
	await sandbox.listen();
	try {
		const sandboxBase = sandbox.baseUrl(service);
		const rows = [];
		for (const [name, path, request] of requests) {
			const { sandboxHeaders, sandboxBody, ...realRequest } = request;
			const sandboxRequest = { ...realRequest, ...(sandboxHeaders ? { headers: sandboxHeaders } : {}), ...(sandboxBody ? { body: sandboxBody } : {}) };
			rows.push({ name, real: await answerOf(`${realBase}${path}`, realRequest), sandbox: await answerOf(`${sandboxBase}${path}`, sandboxRequest) });
		}
		return rows;
	} finally {
		await sandbox.close();
	}
}

module.exports = { sandboxParity, shapeOf };
