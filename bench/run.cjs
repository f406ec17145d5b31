'use strict';
/**
 * `npm run bench`: Send Reset Email at bulk, through this node and through n8n's own HTTP Request
 * node, in the real n8n the e2e suite installs, against a local server that answers at once.
 *
 * For 1,000 and 10,000 items (from a Code node): this node in both Mapping Modes (the Email by
 * expression, or each item's field by name) on a public endpoint (Wabotify) and with a key
 * (WibiClick, Bearer), and mapped with Max Concurrent Requests = the item count (every request
 * at once, as the other nodes send them; the default is 10); the HTTP Request node 4.2 without a credential and with Header Auth; and
 * the floor, a minimal declarative node (bench/minimal, not shipped) with its Email by expression
 * and as a constant. Each as its own `n8n execute` (a warm-up, then the median of 3): the
 * measured node's `executionTime` and the n8n process's peak RSS; a raw `fetch` loop outside n8n
 * (256 requests in flight); and a rate-limited run (a share of answers 429, with and without
 * Retry-After): items lost, duplicate sends, requests made. Prints the tables, the ratios and
 * which targets are met, and writes bench/results.json.
 * A script, not a test: CI does not run it. `BENCH_SIZES=1000 BENCH_RUNS=1` shortens it,
 * `BENCH_CASES=nodeMapped,minimalConstant` runs only those arms;
 * `BENCH_SIZES=` runs the rate-limited run alone and keeps the sizes' rows of the last results.
 * `BENCH_CPU_PROF=<dir>` writes a CPU profile of every n8n process there (open in DevTools).
 * Profiling slows n8n: the numbers of such a run are not the benchmark's.
 */
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { prepareN8n, executionFromLog, codeFedWorkflow } = require('../test/support/realN8n.cjs');

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').filter(Boolean).map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RATE_LIMITED_ITEMS = 1000;
/** The raw loop's requests in flight: all 10,000 at once overflow the local server's accept queue. */
const RAW_CONCURRENCY = 256;
const API_KEY = 'bench-api-key';
const SEND_PATH = { public: '/api/user/sendEmailToResetPassword', key: '/verify-email' };

/** The service stand-in: answers each send at once, counts requests and sends per email. */
function startTarget() {
	const state = { requests: 0, accepted: new Map(), limit: undefined };
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			state.requests += 1;
			const email = JSON.parse(body || '{}').email;
			const limited = state.limit?.(state.requests, email);
			if (limited) {
				res.writeHead(429, { 'Content-Type': 'application/json', ...limited }).end('{"success":false,"code":429,"message":"Too many requests"}');
				return;
			}
			state.accepted.set(email, (state.accepted.get(email) ?? 0) + 1);
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"success":true,"code":200,"message":"Reset email sent","data":null}');
		});
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', 4096, () => {
			state.url = `http://127.0.0.1:${server.address().port}`;
			state.reset = (limit) => {
				state.requests = 0;
				state.accepted = new Map();
				state.limit = limit;
			};
			state.close = () => new Promise((done) => server.close(done));
			resolve(state);
		}),
	);
}

const CREDENTIALS = (url) => [
	{ id: 'benchPublic', name: 'benchPublic', type: 'passwordResetApi', data: { service: 'wabotify', baseUrl: url, company: 'wabotify' } },
	{ id: 'benchKey', name: 'benchKey', type: 'passwordResetApi', data: { service: 'wibiclick', baseUrl: url, apiKey: API_KEY } },
	{ id: 'benchHeaderAuth', name: 'benchHeaderAuth', type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${API_KEY}` } },
];

/** Manual trigger → Code node making `items` emails → the measured node. */
const workflow = (id, items, measured) =>
	codeFedWorkflow(id, `return Array.from({ length: ${items} }, (_, i) => ({ json: { email: \`user\${i}@example.com\` } }));`, { name: 'Measured', ...measured });

/**
 * This node's Send Reset Email: the Email by expression, or each item's `email` field by name;
 * `options` beyond the run's limit (Max Concurrent Requests).
 */
const passwordReset = (credentialId, items, mapping = 'defineBelow', options = {}) => ({
	type: 'n8n-nodes-password-reset.passwordReset',
	typeVersion: 1,
	parameters: {
		resource: 'user',
		operation: 'sendResetEmail',
		...(mapping === 'defineBelow' ? { email: '={{ $json.email }}' } : { mappingMode: mapping }),
		options: { maxSendsPerRun: items, ...options },
	},
	credentials: { passwordResetApi: { id: credentialId, name: credentialId } },
	onError: 'continueRegularOutput',
});

const httpRequest = (url, path, body, auth) => ({
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	parameters: {
		method: 'POST',
		url: `${url}${path}`,
		...(auth ? { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' } : {}),
		sendBody: true,
		specifyBody: 'json',
		jsonBody: body,
		options: {},
	},
	...(auth ? { credentials: { httpHeaderAuth: { id: 'benchHeaderAuth', name: 'benchHeaderAuth' } } } : {}),
	onError: 'continueRegularOutput',
});

/** The floor (bench/minimal): the smallest declarative node, its Email by expression or a constant. */
const minimal = (email) => ({ type: 'n8n-nodes-bench-minimal.benchMinimal', typeVersion: 1, parameters: { operation: 'send', email }, onError: 'continueRegularOutput' });

/** The measured workflows for one size. */
const CASES = (url, items) => ({
	node: passwordReset('benchPublic', items),
	nodeMapped: passwordReset('benchPublic', items, 'autoMapInputData'),
	// Every request at once, as the HTTP Request node and the minimal node send them (the default is 10).
	nodeMappedAllAtOnce: passwordReset('benchPublic', items, 'autoMapInputData', { maxConcurrentRequests: items }),
	httpRequest: httpRequest(url, SEND_PATH.public, "={{ { email: $json.email, company: 'wabotify' } }}"),
	nodeAuth: passwordReset('benchKey', items),
	nodeAuthMapped: passwordReset('benchKey', items, 'autoMapInputData'),
	httpRequestAuth: httpRequest(url, SEND_PATH.key, '={{ { email: $json.email } }}', true),
	minimal: minimal('={{ $json.email }}'),
	minimalConstant: minimal('user@example.com'),
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The peak resident memory (VmHWM) of a running process, sampled until it exits. */
function peakRss(child) {
	let peak = 0;
	const sample = () => {
		try {
			const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
			peak = Math.max(peak, Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0));
		} catch {
			// The process has exited: the last sample stands.
		}
	};
	const timer = setInterval(sample, 50);
	child.on('exit', () => clearInterval(timer));
	return () => peak / 1024;
}

/** The targets of issue 17, each met or not, from the runs. */
function targets(runs) {
	const lines = [];
	const check = (label, value, limit) => value !== undefined && lines.push(`${value <= limit ? 'met   ' : 'MISSED'} ${label}: ${value} (≤ ${limit})`);
	for (const { items, ratios, peak_rss_mb: rss } of runs) {
		check(`${items}: mapped vs HTTP Request`, ratios.nodeMapped_vs_httpRequest, 0.6);
		check(`${items}: mapped with a key vs HTTP Request with Header Auth`, ratios.nodeAuthMapped_vs_httpRequestAuth, 0.25);
		check(`${items}: mapped vs the minimal node with no expression`, ratios.nodeMapped_vs_minimalConstant, 1.3);
		check(`${items}: mapped, all requests at once, vs HTTP Request`, ratios.nodeMappedAllAtOnce_vs_httpRequest, 0.6);
		check(`${items}: mapped, all requests at once, vs the minimal node with no expression`, ratios.nodeMappedAllAtOnce_vs_minimalConstant, 1.3);
		for (const name of ['node', 'nodeMapped']) {
			if (rss[name] && rss.httpRequest) check(`${items}: ${name} peak RSS vs HTTP Request's`, Number((rss[name] / rss.httpRequest).toFixed(2)), 1.0);
		}
	}
	const [small, large] = [runs.find((run) => run.items === 1000), runs.find((run) => run.items === 10000)];
	if (small && large) for (const name of ['node', 'nodeMapped', 'nodeAuth', 'nodeAuthMapped']) check(`${name}: 10,000 vs 1,000 items`, Number((large.ms[name] / small.ms[name]).toFixed(2)), 10.5);
	return lines;
}

async function main() {
	const started = Date.now();
	const target = await startTarget();
	let lastPeak = () => 0;
	const profiles = process.env.BENCH_CPU_PROF;
	const { userFolder, n8n } = prepareN8n({
		logLevel: 'info',
		extraPackages: [path.join(__dirname, 'minimal')],
		extraEnv: { BENCH_TARGET_URL: target.url },
		onSpawn: (child) => (lastPeak = peakRss(child)),
		nodeOptions: profiles ? `--cpu-prof --cpu-prof-dir=${path.resolve(profiles)}` : undefined,
	});
	const write = (file, data) => {
		const full = path.join(userFolder, file);
		fs.writeFileSync(full, JSON.stringify(data));
		return full;
	};
	const imported = await n8n('import:credentials', `--input=${write('credentials.json', CREDENTIALS(target.url))}`);
	if (imported.status !== 0) throw new Error(`credential import failed: ${imported.stderr}`);

	/** One `n8n execute` of a workflow: the measured node's time, its output and n8n's peak RSS. */
	const execute = async (flow) => {
		const done = await n8n('execute', `--id=${flow.id}`, '--rawOutput');
		const execution = executionFromLog(done.log);
		const task = execution?.data?.resultData?.runData?.Measured?.[0];
		if (!task) throw new Error(`${flow.id}: no run of the measured node (exit ${done.status}): ${done.stderr.slice(-2000)}`);
		return { ms: task.executionTime, items: task.data?.main?.[0] ?? [], rssMb: lastPeak() };
	};

	const only = process.env.BENCH_CASES?.split(',');
	const runs = [];
	for (const items of SIZES) {
		const row = { items };
		for (const [name, measured] of Object.entries(CASES(target.url, items)).filter(([name]) => !only || only.includes(name))) {
			const flow = workflow(`bench-${name}-${items}`, items, measured);
			const importedFlow = await n8n('import:workflow', `--input=${write(`${flow.id}.json`, flow)}`);
			if (importedFlow.status !== 0) throw new Error(`${flow.id}: import failed: ${importedFlow.stderr}`);
			const samples = [];
			for (let run = 0; run <= RUNS; run += 1) {
				target.reset();
				const sample = await execute(flow);
				const failed = sample.items.filter((item) => item.json.error || item.json.success === false).length;
				if (sample.items.length !== items || failed) throw new Error(`${flow.id}: ${sample.items.length} items out, ${failed} failed`);
				if (run > 0) samples.push(sample); // run 0 is the warm-up
				console.log(`  ${name} × ${items}: ${sample.ms} ms, ${sample.rssMb.toFixed(0)} MB${run === 0 ? ' (warm-up)' : ''}`);
			}
			row[`${name}_ms`] = median(samples.map((sample) => sample.ms));
			row[`${name}_peak_rss_mb`] = Math.round(median(samples.map((sample) => sample.rssMb)));
		}
		const raw = [];
		for (let run = 0; run <= RUNS; run += 1) {
			const begin = performance.now();
			let next = 0;
			const worker = async () => {
				for (let i = next++; i < items; i = next++) {
					const body = JSON.stringify({ email: `user${i}@example.com`, company: 'wabotify' });
					await (await fetch(`${target.url}${SEND_PATH.public}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).text();
				}
			};
			await Promise.all(Array.from({ length: RAW_CONCURRENCY }, worker));
			if (run > 0) raw.push(performance.now() - begin);
		}
		const ratio = (a, b) => (row[`${a}_ms`] && row[`${b}_ms`] ? Number((row[`${a}_ms`] / row[`${b}_ms`]).toFixed(2)) : undefined);
		runs.push({
			items,
			ms: Object.fromEntries(Object.keys(CASES('', items)).map((name) => [name, row[`${name}_ms`]])),
			raw_ms: Math.round(median(raw)),
			peak_rss_mb: Object.fromEntries(Object.keys(CASES('', items)).map((name) => [name, row[`${name}_peak_rss_mb`]])),
			ratios: {
				node_vs_httpRequest: ratio('node', 'httpRequest'),
				nodeMapped_vs_httpRequest: ratio('nodeMapped', 'httpRequest'),
				nodeAuth_vs_httpRequestAuth: ratio('nodeAuth', 'httpRequestAuth'),
				nodeAuthMapped_vs_httpRequestAuth: ratio('nodeAuthMapped', 'httpRequestAuth'),
				nodeMapped_vs_minimalConstant: ratio('nodeMapped', 'minimalConstant'),
				nodeMappedAllAtOnce_vs_httpRequest: ratio('nodeMappedAllAtOnce', 'httpRequest'),
				nodeMappedAllAtOnce_vs_minimalConstant: ratio('nodeMappedAllAtOnce', 'minimalConstant'),
				node_vs_minimal: ratio('node', 'minimal'),
				minimal_vs_httpRequest: ratio('minimal', 'httpRequest'),
				minimalConstant_vs_httpRequest: ratio('minimalConstant', 'httpRequest'),
			},
		});
	}

	// Rate limited: the first tries of user100-user109 answer 429 with Retry-After 1 (waited out,
	// then sent), and request 300 answers 429 without one (the breaker opens).
	const limitedFlow = workflow('bench-rate-limited', RATE_LIMITED_ITEMS, passwordReset('benchPublic', RATE_LIMITED_ITEMS));
	await n8n('import:workflow', `--input=${write(`${limitedFlow.id}.json`, limitedFlow)}`);
	const askedToWait = new Set();
	const waitFirst = (email) => /^user10\d@/.test(email) && !askedToWait.has(email) && askedToWait.add(email);
	target.reset((request, email) => (waitFirst(email) ? { 'Retry-After': '1' } : request === 300 ? {} : undefined));
	const limited = await execute(limitedFlow);
	const codes = limited.items.reduce((count, item) => {
		const code = item.json.success ? 'success' : item.json.details?.errorCode;
		return { ...count, [code]: (count[code] ?? 0) + 1 };
	}, {});
	const rateLimited = {
		items: RATE_LIMITED_ITEMS,
		lost: RATE_LIMITED_ITEMS - limited.items.length,
		duplicates: [...target.accepted.values()].filter((count) => count > 1).length,
		requests: target.requests,
		ms: limited.ms,
		outcomes: codes,
	};
	await target.close();

	const resultsFile = path.join(__dirname, 'results.json');
	const kept = SIZES.length === 0 && fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')).runs : runs;
	const results = {
		machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}`,
		n8n: '2.41.1',
		runs: kept,
		rateLimited,
	};
	fs.mkdirSync(__dirname, { recursive: true });
	fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, '\t')}\n`);
	console.log('\nms for the measured node (median of %d after a warm-up), peak RSS of the n8n process', RUNS);
	for (const run of kept) {
		console.log(`\n${run.items} items (raw fetch ${run.raw_ms} ms)`);
		console.table(Object.fromEntries(Object.entries(run.ms).map(([name, ms]) => [name, { ms, peak_rss_mb: run.peak_rss_mb[name] }])));
		console.table(run.ratios);
	}
	for (const line of targets(kept)) console.log(line);
	console.log('rate limited:', rateLimited);
	console.log(`bench wall time ${((Date.now() - started) / 1000).toFixed(0)} s; written to bench/results.json`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
