/**
 * What one run (one execution of the node over its items) guards: duplicate sends, the bulk
 * limit, the rate-limit breaker, n8n's Retry On Fail; and that none of it serialises a bulk run.
 */
const http = require('node:http');
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { SENTINELS, leakedSentinels } = require('../support/fixtures.cjs');

const HOST = 'https://guards.example.test';
const credential = { service: 'custom', baseUrl: HOST, apiKey: SENTINELS.apiKey, sendEmailPath: '/send', resetPath: '/reset' };
const send = (options = {}) => ({ operation: 'sendResetEmail', email: '={{ $json.email }}', options });
const emails = (...list) => list.map((email) => ({ email }));
const summary = (item) => (item.json.success ? (item.json.skipped ?? 'success') : item.json.details.errorCode);

/** A local server that answers each send after `delay` ms, noting the most in flight at once and the order sends arrived. */
async function slowServer(delay) {
	const stats = { inFlight: 0, most: 0, order: [] };
	const server = http.createServer((req, res) => {
		stats.inFlight += 1;
		stats.most = Math.max(stats.most, stats.inFlight);
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => stats.order.push(JSON.parse(body).email));
		setTimeout(() => {
			stats.inFlight -= 1;
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
		}, delay);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { stats, url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

afterEach(() => {
	nock.abortPendingRequests();
	nock.cleanAll();
});

test('the same email twice (any case) is sent once; the duplicate still gets its own item', async () => {
	const seen = [];
	nock(HOST).post('/send', (body) => seen.push(body.email)).times(5).reply(200, {});
	const { output } = await runNode({
		parameters: send(),
		credential,
		items: emails('ada@example.com', 'ADA@Example.com', 'grace@example.com', 'ada@example.com'),
		onError: 'continueRegularOutput',
	});
	expect(seen.sort()).toEqual(['ada@example.com', 'grace@example.com']);
	expect(output.map((item) => [item.pairedItem.item, summary(item)])).toEqual([
		[0, 'success'],
		[1, 'duplicate'],
		[2, 'success'],
		[3, 'duplicate'],
	]);
	expect(output[1].json).toEqual({ success: true, skipped: 'duplicate', operation: 'sendResetEmail', service: 'custom' });
});

test('duplicates are counted per run: a second run sends again', async () => {
	const scope = nock(HOST).post('/send').times(2).reply(200, {});
	for (let run = 0; run < 2; run++) {
		await runNode({ parameters: send(), credential, items: emails('ada@example.com') });
	}
	expect(scope.isDone()).toBe(true);
});

test('past Max Reset Emails Per Run, items fail with invalid_input naming the option, unsent', async () => {
	const seen = [];
	nock(HOST).post('/send', (body) => seen.push(body.email)).times(3).reply(200, {});
	const { output } = await runNode({
		parameters: send({ maxSendsPerRun: 2 }),
		credential,
		items: emails('a@example.com', 'b@example.com', 'c@example.com', 'a@example.com'),
		onError: 'continueRegularOutput',
	});
	expect(output.map(summary)).toEqual(['success', 'success', 'invalid_input', 'duplicate']);
	expect(output[2].json.error).toMatch(/More than 2 reset emails in one run.*raise Max Reset Emails Per Run/);
	expect(seen.sort()).toEqual(['a@example.com', 'b@example.com']);
});

test('the default bulk limit is 100', async () => {
	nock(HOST).post('/send').times(101).reply(200, {});
	const items = Array.from({ length: 101 }, (_, index) => ({ email: `user${index}@example.com` }));
	const { output } = await runNode({ parameters: send(), credential, items, onError: 'continueRegularOutput' });
	expect(output.filter((item) => item.json.success)).toHaveLength(100);
	expect(summary(output[100])).toBe('invalid_input');
});

test('a 429 past the cap opens the breaker: items not yet started are not sent', async () => {
	// Batching spaces items out, so items 1 and 2 start after item 0's 429.
	let requests = 0;
	nock(HOST)
		.post('/send')
		.reply(() => (requests++, [429, {}, { 'Retry-After': '3600' }]))
		.post('/send')
		.times(2)
		.reply(() => (requests++, [200, {}]));
	// One request at a time: b and c start after a's 429 opened the breaker, whatever the timing.
	const { output } = await runNode({
		parameters: send({ maxConcurrentRequests: 1 }),
		credential,
		items: emails('a@example.com', 'b@example.com', 'c@example.com'),
		onError: 'continueRegularOutput',
	});
	expect(output.map(summary)).toEqual(['rate_limited', 'rate_limited', 'rate_limited']);
	expect(output.map((item) => item.json.details.retryable)).toEqual([true, true, true]);
	expect(output[1].json.error).toMatch(/^Not sent: the service rate limited this run/);
	expect(requests).toBe(1);
});

test('a Retry-After holds the whole queue: nothing starts before it passes, then the retries go first', async () => {
	const started = [];
	let firstLimitedAt;
	nock(HOST)
		.post('/send')
		.reply((uri, body) => ((firstLimitedAt = Date.now()), started.push(body.email), [429, {}, { 'Retry-After': '1' }]));
	nock(HOST).post('/send').times(3).reply((uri, body) => (started.push(`${body.email}@${Date.now() - firstLimitedAt}`), [200, {}]));
	const { output } = await runNode({
		parameters: send({ maxConcurrentRequests: 1 }),
		credential,
		items: emails('a@example.com', 'b@example.com', 'c@example.com'),
		onError: 'continueRegularOutput',
	});
	expect(output.map(summary)).toEqual(['success', 'success', 'success']);
	// a was refused, so the queue held for 1 s: its retry went first, then b and c, one at a time.
	expect(started.map((entry) => entry.split('@').slice(0, 2).join('@'))).toEqual(['a@example.com', 'a@example.com', 'b@example.com', 'c@example.com']);
	for (const entry of started.slice(1)) expect(Number(entry.split('@')[2])).toBeGreaterThanOrEqual(950);
});

/**
 * A local server whose answer to each request `answer(request number, email)` decides, after 20 ms
 * (so a run's first requests are all in flight at once); it notes when each request arrived
 * and when each was answered.
 */
async function limitingServer(answer) {
	const log = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			const entry = { email: JSON.parse(body).email, at: Date.now() };
			log.push(entry);
			const [status, headers] = answer(log.length, entry.email);
			setTimeout(() => {
				entry.answeredAt = Date.now();
				res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end('{}');
			}, 20);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { log, url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

test.each([3, 10])('in a 429 storm with Retry-After, %i items in flight make one probe after the wait, then stop: none lost, none sent twice', async (count) => {
	const server = await limitingServer(() => [429, { 'Retry-After': '1' }]);
	try {
		const items = Array.from({ length: count }, (_, index) => ({ email: `user${index}@example.com` }));
		const { output } = await runNode({ parameters: send(), credential: { ...credential, baseUrl: server.url }, items, onError: 'continueRegularOutput' });
		expect(output.map((item) => item.pairedItem.item)).toEqual(items.map((_, index) => index));
		expect(output.map(summary)).toEqual(items.map(() => 'rate_limited'));
		// Before: every item was retried after the wait (6 requests for 3 items, 20 for 10).
		expect(server.log).toHaveLength(count + 1);
		expect(server.log[count].at - server.log[0].at).toBeGreaterThanOrEqual(950);
	} finally {
		server.close();
	}
});

test('when the probe after a Retry-After succeeds, the other waiting retries go, each email sent once', async () => {
	const server = await limitingServer((request) => (request <= 3 ? [429, { 'Retry-After': '1' }] : [200, {}]));
	try {
		const items = emails('a@example.com', 'b@example.com', 'c@example.com');
		const { output } = await runNode({ parameters: send(), credential: { ...credential, baseUrl: server.url }, items, onError: 'continueRegularOutput' });
		expect(output.map(summary)).toEqual(['success', 'success', 'success']);
		const [probe, ...rest] = server.log.slice(3);
		expect(rest).toHaveLength(2);
		// The probe went alone: the others started only once it was answered.
		for (const retry of rest) expect(retry.at).toBeGreaterThanOrEqual(probe.answeredAt);
		expect(server.log.slice(3).map((entry) => entry.email).sort()).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
	} finally {
		server.close();
	}
});

test('at most Max Concurrent Requests go out at once (default 10), started in input order', async () => {
	for (const [limit, expected] of [[undefined, 10], [3, 3]]) {
		const server = await slowServer(50);
		try {
			const items = Array.from({ length: 30 }, (_, index) => ({ email: `user${index}@example.com` }));
			const { output } = await runNode({
				parameters: send(limit === undefined ? {} : { maxConcurrentRequests: limit }),
				credential: { ...credential, baseUrl: server.url },
				items,
				onError: 'continueRegularOutput',
			});
			expect(output.map(summary)).toEqual(items.map(() => 'success'));
			expect(server.stats.most).toBe(expected);
			// Each wave starts in input order (a wave's requests may land in any order).
			const waves = (list) => Array.from({ length: Math.ceil(list.length / expected) }, (_, wave) => list.slice(wave * expected, (wave + 1) * expected).sort());
			expect(waves(server.stats.order)).toEqual(waves(items.map((item) => item.email)));
		} finally {
			server.close();
		}
	}
});

test('after a 429 without Retry-After, only the requests already in flight reach the server; none lost, none sent twice', async () => {
	const seen = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			seen.push(JSON.parse(body).email);
			setTimeout(() => res.writeHead(429, { 'Content-Type': 'application/json' }).end('{}'), 20);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		const items = Array.from({ length: 60 }, (_, index) => ({ email: `user${index}@example.com` }));
		const { output } = await runNode({
			parameters: send(),
			credential: { ...credential, baseUrl: `http://127.0.0.1:${server.address().port}` },
			items,
			onError: 'continueRegularOutput',
		});
		expect(output.map((item) => item.pairedItem.item)).toEqual(items.map((_, index) => index));
		expect(output.map(summary)).toEqual(items.map(() => 'rate_limited'));
		expect(output.every((item) => item.json.details.retryable)).toBe(true);
		expect(seen.length).toBeLessThanOrEqual(10);
		expect(new Set(seen).size).toBe(seen.length);
		expect(output[59].json.error).toMatch(/^Not sent: the service rate limited this run/);
	} finally {
		server.close();
	}
});

test("n8n's Retry On Fail is refused with a clear message, before any request", async () => {
	nock.disableNetConnect();
	try {
		const { error } = await runNode({
			parameters: { operation: 'sendResetEmail', email: 'ada@example.com' },
			credential,
			nodeSettings: { retryOnFail: true, maxTries: 2 },
		});
		expect(error.message).toMatch(/^Retry On Fail is on in this node's settings/);
		expect(error.context.errorCode).toBe('invalid_input');
	} finally {
		nock.enableNetConnect();
	}
});

test('Reset Password is never retried after an ambiguous failure', async () => {
	let requests = 0;
	nock(HOST)
		.post('/reset')
		.reply(() => (requests++, [503, {}, { 'Retry-After': '1' }]))
		.post('/reset')
		.reply(() => (requests++, [200, {}]));
	const result = await runNode({
		parameters: { operation: 'resetPassword', resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
		credential,
		onError: 'continueRegularOutput',
	});
	expect(summary(result.output[0])).toBe('unknown_outcome');
	expect(requests).toBe(1);
	expect(leakedSentinels(result)).toEqual([]);
});

test('a bulk run still goes out concurrently, up to the limit', async () => {
	const server = await slowServer(200);
	try {
		const items = Array.from({ length: 10 }, (_, index) => ({ email: `user${index}@example.com` }));
		const { output } = await runNode({ parameters: send(), credential: { ...credential, baseUrl: server.url }, items });
		expect(output).toHaveLength(10);
		expect(server.stats.most).toBe(10);
	} finally {
		server.close();
	}
});
