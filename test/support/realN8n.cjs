'use strict';
/**
 * A real n8n (2.41.1, installed once into the cache by scripts/ensure-n8n.sh) with this package
 * packed and installed as a community package, in a fresh N8N_USER_FOLDER: what the e2e suite
 * and the benchmark run workflows in.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

function installPackage(userFolder) {
	const n8nBin = execFileSync('bash', [path.join(root, 'scripts/ensure-n8n.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-pack-'));
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop();
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	// n8n provides n8n-workflow itself: peers are not installed next to the package.
	execFileSync('npm', ['install', '--no-audit', '--no-fund', '--legacy-peer-deps', '--ignore-scripts', path.join(packDir, tarball)], { cwd: nodesDir, stdio: 'ignore' });
	return n8nBin;
}

/**
 * A fresh N8N_USER_FOLDER with the packed package installed, and a way to run n8n commands in it.
 * @param {{ onSpawn?: (child) => void, logLevel?: string, nodeOptions?: string }} [settings] `onSpawn`
 *   sees each n8n process (to sample its memory); `logLevel` is n8n's (debug for the e2e scan,
 *   less for the benchmark); `nodeOptions` goes to the n8n processes alone (e.g. --cpu-prof).
 */
function prepareN8n({ onSpawn, logLevel = 'debug', nodeOptions } = {}) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-e2e-'));
	const logDir = path.join(userFolder, 'logs');
	fs.mkdirSync(logDir);
	const n8nBin = installPackage(userFolder);
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
	};
	// Asynchronous: the sandbox answers from this same process while n8n runs.
	let commands = 0;
	/** Runs one n8n command, with its own log file; resolves to its exit status, output and log lines. */
	const n8n = (...args) =>
		new Promise((resolve, reject) => {
			const logFile = path.join(logDir, `${++commands}-${args[0].replace(':', '-')}.log`);
			const child = spawn(n8nBin, args, { env: { ...env, N8N_LOG_FILE_LOCATION: logFile }, stdio: ['ignore', 'pipe', 'pipe'] });
			onSpawn?.(child);
			const out = { stdout: '', stderr: '' };
			child.stdout.on('data', (chunk) => (out.stdout += chunk));
			child.stderr.on('data', (chunk) => (out.stderr += chunk));
			child.on('error', reject);
			child.on('close', (status) => resolve({ status, ...out, log: readLog(logFile) }));
		});
	return { userFolder, logDir, n8n };
}

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

module.exports = { prepareN8n, readLog, executionFromLog, logWithoutExecutionDumps };
