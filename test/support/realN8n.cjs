'use strict';
/**
 * A real n8n (2.41.1, or 1.123 for the 1.x line; installed once into the cache by scripts/ensure-n8n.sh) with this package
 * packed and installed as a community package, in a fresh N8N_USER_FOLDER: what the e2e suite
 * and the benchmark run workflows in.
 */
const { execFileSync, spawn } = require('node:child_process');
const net = require('node:net');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

/** The n8n line a suite runs in: 2 (the newest installable 2.x), unless N8N_LINE=1 (n8n 1.123). */
const N8N_LINE = process.env.N8N_LINE === '1' ? '1' : '2';
const N8N_VERSIONS = { 1: '1.123.81', 2: '2.41.1' };

/** The command that runs n8n of that line (scripts/ensure-n8n.sh installs it into the cache once). */
const ensureN8n = (line = N8N_LINE) =>
	execFileSync('bash', [path.join(root, 'scripts/ensure-n8n.sh'), ...(line === '1' ? ['1'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

/**
 * Packs this package (and each of `extraPackages`, folders) and installs them as community
 * packages; or, given `tarballs` (packed already: the per-service packages), installs those alone.
 */
function installPackage(userFolder, extraPackages = [], givenTarballs = undefined, n8nLine = N8N_LINE) {
	const n8nBin = ensureN8n(n8nLine);
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-pack-'));
	const tarballs =
		givenTarballs ??
		[root, ...extraPackages].map((folder) =>
			path.join(packDir, execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: folder, encoding: 'utf8' }).trim().split('\n').pop()),
		);
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	// n8n provides n8n-workflow itself: peers are not installed next to the package.
	execFileSync('npm', ['install', '--no-audit', '--no-fund', '--legacy-peer-deps', '--ignore-scripts', ...tarballs], { cwd: nodesDir, stdio: 'ignore' });
	return n8nBin;
}

/**
 * A fresh N8N_USER_FOLDER with the packed package installed, and a way to run n8n commands in it.
 * @param {{ onSpawn?: (child) => void, logLevel?: string, nodeOptions?: string, extraEnv?: object, extraPackages?: string[] }} [settings]
 *   `onSpawn` sees each n8n process (to sample its memory); `logLevel` is n8n's (debug for the
 *   e2e scan, less for the benchmark); `nodeOptions` goes to the n8n processes alone (e.g.
 *   --cpu-prof); `extraEnv` to every n8n command (a database, queue mode); `extraPackages`
 *   are package folders installed beside this one (the benchmark's minimal node); `tarballs`,
 *   packed packages installed instead of this one.
 */
function prepareN8n({ onSpawn, logLevel = 'debug', nodeOptions, extraEnv = {}, extraPackages, tarballs } = {}) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-e2e-'));
	const logDir = path.join(userFolder, 'logs');
	fs.mkdirSync(logDir);
	const n8nBin = installPackage(userFolder, extraPackages, tarballs);
	const env = {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'password-reset-e2e-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_LOG_LEVEL: logLevel,
		N8N_LOG_OUTPUT: 'file',
		HTTP_PROXY: '',
		HTTPS_PROXY: '',
		...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
		...extraEnv,
	};
	// Asynchronous: the sandbox answers from this same process while n8n runs.
	let commands = 0;
	/** Runs one n8n command (with `commandEnv` added), its own log file; resolves to its exit status, output and log lines. */
	const n8nWith = async (commandEnv, ...args) => {
		// n8n's task broker listens on 5679 unless told, even for `execute` with runners off: a free
		// port for each command, so two suites (or a suite and a developer's n8n) never collide.
		const brokerPort = await freePort();
		return await new Promise((resolve, reject) => {
			const logFile = path.join(logDir, `${++commands}-${args[0].replace(':', '-')}.log`);
			const child = spawn(n8nBin, args, { env: { ...env, N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...commandEnv, N8N_LOG_FILE_LOCATION: logFile }, stdio: ['ignore', 'pipe', 'pipe'] });
			onSpawn?.(child);
			const out = { stdout: '', stderr: '' };
			child.stdout.on('data', (chunk) => (out.stdout += chunk));
			child.stderr.on('data', (chunk) => (out.stderr += chunk));
			child.on('error', reject);
			child.on('close', (status) => resolve({ status, ...out, log: readLog(logFile) }));
		});
	};
	const n8n = (...args) => n8nWith({}, ...args);
	/**
	 * `n8n start` (the editor, the REST API, production forms and webhooks) on a free loopback
	 * port; resolves once it answers /healthz. `stop()` ends it. `extraEnv` adds settings (queue
	 * mode). `command` may be `worker` (then nothing listens: it resolves at once).
	 */
	const start = async ({ command = 'start', extraEnv = {}, port } = {}) => {
		const listenPort = port ?? (await freePort());
		// n8n's task broker listens too (5679 unless told), even with runners off.
		const brokerPort = await freePort();
		const url = `http://127.0.0.1:${listenPort}`;
		const logFile = path.join(logDir, `${++commands}-${command}.log`);
		const child = spawn(n8nBin, [command], {
			env: {
				...env,
				N8N_LOG_FILE_LOCATION: logFile,
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_PORT: String(listenPort),
				N8N_RUNNERS_BROKER_PORT: String(brokerPort),
				N8N_HOST: '127.0.0.1',
				WEBHOOK_URL: `${url}/`,
				N8N_EDITOR_BASE_URL: `${url}/`,
				N8N_SECURE_COOKIE: 'false',
				N8N_PERSONALIZATION_ENABLED: 'false',
				...extraEnv,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		onSpawn?.(child);
		const out = { stdout: '', stderr: '' };
		child.stdout.on('data', (chunk) => (out.stdout += chunk));
		child.stderr.on('data', (chunk) => (out.stderr += chunk));
		const exited = new Promise((resolve) => child.on('close', (status) => resolve(status)));
		const stop = async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		};
		const diagnosis = (status) => describeExit({ status, ...out, log: readLog(logFile) });
		if (command === 'worker') return { child, stop, exited, diagnosis, logFile };
		const deadline = Date.now() + 120_000;
		for (;;) {
			if (child.exitCode !== null) throw new Error(`n8n ${command} exited before it answered\n${diagnosis(child.exitCode)}`);
			if (Date.now() > deadline) {
				await stop();
				throw new Error(`n8n ${command} did not answer /healthz within 120 s\n${diagnosis(child.exitCode)}`);
			}
			try {
				const response = await fetch(`${url}/healthz/readiness`);
				if (response.ok) break;
			} catch {
				// Not listening yet.
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		return { url, child, stop, exited, diagnosis, logFile };
	};

	/**
	 * `n8n execute` of one workflow (`commandEnv` added to its environment), and its execution
	 * JSON. When n8n leaves no execution it says
	 * why (exit status, stderr, the log's last lines), and runs it once more only when n8n died
	 * before the workflow started: never to hide a failure of the workflow itself.
	 */
	const execute = async (workflowId, commandEnv = {}) => {
		for (let attempt = 1; ; attempt++) {
			const result = await n8nWith(commandEnv, 'execute', `--id=${workflowId}`, '--rawOutput');
			const json = executionFromLog(result.log);
			if (json) return { ...result, json };
			const started = result.log.some((entry) => /Start executing node|Workflow execution started|Running node/.test(String(entry.message)));
			const why = `n8n execute --id=${workflowId} left no execution (attempt ${attempt})\n${describeExit(result)}`;
			if (started || attempt === 2) return { ...result, json: undefined, diagnosis: why };
			console.error(`${why}\nIt died before the workflow started: running it once more.`);
		}
	};
	return { userFolder, logDir, n8n, start, execute };
}

/** An n8n process's end, for a report: exit status, the tail of its stderr and of its log. */
function describeExit({ status, stdout = '', stderr = '', log = [] }) {
	const tail = (lines, count) => lines.slice(-count).join('\n') || '(empty)';
	return [
		`exit status: ${status}`,
		`stderr (last 20 lines):\n${tail(stderr.trim().split('\n'), 20)}`,
		`stdout (last 10 lines):\n${tail(stdout.trim().split('\n'), 10)}`,
		`log (last 20 lines):\n${tail(log.filter((entry) => !isExecutionDump(entry)).map((entry) => `${entry.level ?? ''} ${entry.message}`), 20)}`,
	].join('\n');
}

/** n8n's SQLite database in a user folder, read-only (close it when done). */
const n8nDatabase = (userFolder) => {
	const { DatabaseSync } = require('node:sqlite');
	return new DatabaseSync(path.join(userFolder, '.n8n', 'database.sqlite'), { readOnly: true });
};

/** Waits until n8n serves a published webhook (it registers them just after /healthz answers): anything but 404, within 30 s. */
async function waitForWebhook(url) {
	for (let attempt = 0; attempt < 60; attempt++) {
		const response = await fetch(url, { method: 'POST', body: '{}' }).catch(() => undefined);
		if (response && response.status !== 404) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`${url} still answers 404 after 30 s: the workflow was not activated`);
}

/** A port nothing listens on, from the kernel. */
const freePort = () =>
	new Promise((resolve, reject) => {
		const server = net.createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});

/** One command's log file: one JSON object per line (N8N_LOG_OUTPUT=file). */
function readLog(logFile) {
	if (!fs.existsSync(logFile)) return [];
	return fs
		.readFileSync(logFile, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			try {
				return JSON.parse(line);
			} catch {
				return { message: line };
			}
		});
}

const isExecutionDump = (entry) => typeof entry.message === 'string' && entry.message.startsWith('{') && entry.message.includes('"resultData"');

/** `n8n execute --rawOutput` logs the execution JSON as one message. */
const executionFromLog = (log) => {
	const dump = log.filter(isExecutionDump).pop();
	return dump ? JSON.parse(dump.message) : undefined;
};

/**
 * n8n's logs, less the execution JSON it dumps (every node's data, the workflow's parameters as
 * typed): that part is scanned node by node, where only Password Reset nodes count.
 */
function logWithoutExecutionDumps(logDir) {
	return fs
		.readdirSync(logDir)
		.flatMap((file) => readLog(path.join(logDir, file)))
		.filter((entry) => !isExecutionDump(entry))
		.map((entry) => JSON.stringify(entry))
		.join('\n');
}

/**
 * A workflow of three nodes: a manual trigger → a Code node (`jsCode` makes the items) → `node`
 * (its name, type and the rest, placed after the Code node).
 */
const codeFedWorkflow = (id, jsCode, node) => ({
	id,
	name: id,
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{ id: `${id}-0`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: `${id}-1`, name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode } },
		{ id: `${id}-2`, position: [400, 0], ...node },
	],
	connections: {
		Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
		Items: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
	},
});

module.exports = { prepareN8n, ensureN8n, N8N_LINE, N8N_VERSIONS, readLog, executionFromLog, logWithoutExecutionDumps, freePort, codeFedWorkflow, n8nDatabase, waitForWebhook };
