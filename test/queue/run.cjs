'use strict';
/**
 * Queue mode: Debian's PostgreSQL and Redis on loopback, n8n main plus one worker
 * (EXECUTIONS_MODE=queue). A webhook workflow runs the node on the worker against the sandbox,
 * and the run's guards (duplicates, Max Reset Emails Per Run) hold per execution: two
 * executions at once each mail an address once. Prints "N passed, N failed".
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { ResetSandbox, SANDBOX_KEYS } = require('../../sandbox/server.cjs');
const { credentials, CREDENTIAL_IDS } = require('../e2e/workflows.cjs');
const { Checks, assert, equal } = require('../support/checks.cjs');
const { prepareN8n, freePort } = require('../support/realN8n.cjs');

const NODE_TYPE = 'n8n-nodes-password-reset.passwordReset';
const WEBHOOK_PATH = 'queue-reset';
const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

/** A binary of Debian's packages, or a message that says which package to install. */
function debianBinary(name, packageName, dirs) {
	const found = dirs.map((dir) => path.join(dir, name)).find((candidate) => fs.existsSync(candidate));
	if (!found) throw new Error(`${name} not found: install Debian's ${packageName} (apt-get install ${packageName})`);
	return found;
}

const postgresBinDirs = () =>
	fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').sort().reverse().map((version) => `/usr/lib/postgresql/${version}/bin`) : [];

/** Waits until something accepts TCP connections on the port. */
async function listening(port, child, what) {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode})`);
		const open = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1', () => resolve(socket.end() && true));
			socket.on('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`${what} did not listen on ${port} within 60 s`);
}

/** PostgreSQL in a temporary cluster (as the postgres user when run as root: it refuses root). */
async function startPostgres() {
	const initdb = debianBinary('initdb', 'postgresql', postgresBinDirs());
	const postgres = debianBinary('postgres', 'postgresql', postgresBinDirs());
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-pg-'));
	const asRoot = process.getuid?.() === 0;
	if (asRoot) execFileSync('chown', ['postgres', dir]);
	const as = (command, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]);
	execFileSync(...as(initdb, ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8']), { stdio: 'ignore' });
	const port = await freePort();
	const child = spawn(...as(postgres, ['-D', path.join(dir, 'data'), '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1']), { stdio: 'ignore' });
	await listening(port, child, 'PostgreSQL');
	execFileSync(...as(path.join(path.dirname(postgres), 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'n8n']));
	return { port, stop: () => stopChild(child) };
}

async function startRedis() {
	const redis = debianBinary('redis-server', 'redis-server', ['/usr/bin', '/usr/local/bin']);
	const port = await freePort();
	const child = spawn(redis, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
	await listening(port, child, 'Redis');
	return { port, stop: () => stopChild(child) };
}

const stopChild = (child) =>
	new Promise((resolve) => {
		if (child.exitCode !== null) return resolve();
		child.on('close', resolve);
		child.kill('SIGTERM');
	});

/** Webhook → one item per email → Send Reset Email (at most 2 per run), answered with its items. */
const queueWorkflow = () => ({
	id: 'prQueueMode',
	name: 'Password Reset: queue mode',
	nodes: [
		{ id: 'q1', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: '5b7d9f1a-3c5e-4a7b-9d1f-2e4a6c8b0d2f', parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'lastNode', responseData: 'allEntries', options: {} } },
		{ id: 'q2', name: 'One Item Per Email', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [260, 0], parameters: { fieldToSplitOut: 'body.emails', options: { destinationFieldName: 'email' } } },
		{
			id: 'q3',
			name: 'Send Reset Emails',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [520, 0],
			parameters: { resource: 'user', operation: 'sendResetEmail', email: '={{ $json.email }}', options: { maxSendsPerRun: 2 } },
			credentials: { passwordResetApi: { id: CREDENTIAL_IDS.wabotify, name: CREDENTIAL_IDS.wabotify } },
			onError: 'continueRegularOutput',
		},
	],
	connections: {
		Webhook: { main: [[{ node: 'One Item Per Email', type: 'main', index: 0 }]] },
		'One Item Per Email': { main: [[{ node: 'Send Reset Emails', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
	pinData: {},
	active: false,
});

const EMAILS = ['ada@example.com', 'ADA@example.com', 'grace@example.com', 'linus@example.com'];
const outcome = (item) => (item.skipped ? `skipped ${item.skipped}` : item.success ? 'sent' : item.details?.errorCode);

async function run() {
	const started = Date.now();
	const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
	console.log(`PostgreSQL on ${postgres.port}, Redis on ${redis.port} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	const sandbox = new ResetSandbox();
	const sandboxUrl = await sandbox.listen();
	const instance = prepareN8n({
		logLevel: 'debug',
		extraEnv: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'postgres',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
		},
	});
	const servers = [];
	try {
		const file = (name, content) => {
			const target = path.join(instance.userFolder, name);
			fs.writeFileSync(target, JSON.stringify(content));
			return target;
		};
		const values = { sandboxUrl, newPassword: 'unused', wibiclickApiKey: 'unused', keys: SANDBOX_KEYS };
		for (const args of [
			['import:credentials', `--input=${file('credentials.json', credentials(values))}`],
			['import:workflow', `--input=${file('workflow.json', queueWorkflow())}`],
			['publish:workflow', `--id=${queueWorkflow().id}`],
		]) {
			const result = await instance.n8n(...args);
			check(`${args[0]} on PostgreSQL`, () => assert(result.status === 0, result.stderr));
		}
		const main = await instance.start();
		servers.push(main);
		const worker = await instance.start({ command: 'worker' });
		servers.push(worker);
		await waitForLog(worker.logFile, /Worker ready|n8n worker is now ready/i, 'the worker to start');

		const webhook = `${main.url}/webhook/${WEBHOOK_PATH}`;
		await waitFor(async () => (await fetch(webhook, { method: 'OPTIONS' }).catch(() => undefined))?.status !== 404, 'the webhook to register');
		const call = async () => {
			const response = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ emails: EMAILS }) });
			return { status: response.status, items: await response.json().catch(() => undefined) };
		};
		// Two executions at once, both on the worker.
		const [first, second] = await Promise.all([call(), call()]);
		for (const [label, answer] of [['first', first], ['second', second]]) {
			check(`${label} execution: the webhook answered with the node's items`, () => equal(answer.status, 200, 'status'));
			check(`${label} execution: one item per email, duplicates skipped, the 3rd address over Max Reset Emails Per Run`, () =>
				equal(answer.items?.map(outcome), ['sent', 'skipped duplicate', 'sent', 'invalid_input'], 'outcomes'));
		}
		const mails = (email) => sandbox.outbox.filter((mail) => mail.service === 'wabotify' && mail.to === email).length;
		check('guards hold per execution: each address mailed once per execution (twice in all), the one over the limit never', () =>
			equal([mails('ada@example.com'), mails('grace@example.com'), mails('linus@example.com')], [2, 2, 0], 'mails'));
		const workerLog = fs.readFileSync(worker.logFile, 'utf8');
		const mainLog = fs.readFileSync(main.logFile, 'utf8');
		check('the node ran on the worker, not on main', () =>
			assert(/Start executing node \\?"Send Reset Emails/.test(workerLog) && !/Start executing node \\?"Send Reset Emails/.test(mainLog), 'node start not found in the worker log only'));
	} finally {
		for (const server of servers.reverse()) await server.stop();
		await sandbox.close();
		await Promise.all([postgres.stop(), redis.stop()]);
	}
	checks.report('queue mode');
}

async function waitFor(predicate, what, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (!(await predicate())) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

const waitForLog = (file, pattern, what) => waitFor(async () => fs.existsSync(file) && pattern.test(fs.readFileSync(file, 'utf8')), what);

run().catch((error) => {
	console.error(error);
	checks.check('the queue-mode run completed', () => {
		throw error;
	});
	checks.report('queue mode');
});
