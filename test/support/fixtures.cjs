'use strict';
const nock = require('nock');

/** Secret values that must never appear in anything the node writes. */
const SENTINELS = {
	resetToken: 'SENTINEL-TOKEN-7f3a91',
	newPassword: 'SENTINEL-PW-9c1e!x',
	apiKey: 'SENTINEL-APIKEY-44b0d2',
};

const EMAIL = 'ada@example.com';

/** Every place a secret could hide in what the node produced or threw, as one string. */
const everythingWritten = ({ output = [], errorOutput = [], error }) =>
	[
		JSON.stringify(output),
		JSON.stringify(errorOutput),
		error ? JSON.stringify(error) : '',
		error?.message ?? '',
		error?.description ?? '',
		JSON.stringify(error?.messages ?? []),
		JSON.stringify(error?.context ?? {}),
		JSON.stringify(error?.node ?? {}),
		error && typeof error.toJSON === 'function' ? JSON.stringify(error.toJSON()) : '',
		// A failure item's own error (INodeExecutionData.error), as n8n stores and shows it.
		...[...output, ...errorOutput]
			.filter((item) => item.error)
			.flatMap(({ error: itemError }) => [itemError.stack ?? '', itemError.description ?? '', JSON.stringify(itemError.context ?? {}), JSON.stringify(itemError.node ?? {})]),
	].join('\n');

const leakedSentinels = (result) => {
	const written = everythingWritten(result);
	return Object.entries(SENTINELS)
		.filter(([, value]) => written.includes(value))
		.map(([name]) => name);
};

/**
 * Intercepts one request and records what went on the wire.
 * @returns {{ scope, seen: { method, path, query, body, headers } }}
 */
const intercept = ({ base, method, path, status = 200, body = {}, headers = {}, delay = 0 }) => {
	const seen = {};
	let interceptor = nock(base).intercept((uri) => uri.split('?')[0] === path, method);
	if (delay) interceptor = interceptor.delay(delay);
	const scope = interceptor.reply(function (uri, requestBody) {
		const url = new URL(uri, base);
		Object.assign(seen, {
			method: this.req.method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			url: uri,
			body: requestBody === '' ? undefined : requestBody,
			headers: this.req.headers,
		});
		return [status, body, headers];
	});
	return { scope, seen };
};

/**
 * Collects everything n8n's logger and the console write during a test file (in place of
 * printing it), for a secret scan. Call at the top of a test file.
 * @returns {string[]} one entry per line logged; empty it between tests with `length = 0`
 */
const captureLogs = () => {
	const { LoggerProxy } = require('n8n-workflow');
	const logged = [];
	const capture = (...args) => logged.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
	beforeAll(() => {
		LoggerProxy.init({ error: capture, warn: capture, info: capture, debug: capture });
		for (const level of ['log', 'info', 'warn', 'error', 'debug']) jest.spyOn(console, level).mockImplementation(capture);
	});
	afterAll(() => jest.restoreAllMocks());
	return logged;
};

module.exports = { SENTINELS, EMAIL, leakedSentinels, everythingWritten, intercept, captureLogs };
