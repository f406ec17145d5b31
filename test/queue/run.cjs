'use strict';
/**
 * Queue mode: Debian's PostgreSQL and Redis on loopback, n8n main plus one worker
 * (EXECUTIONS_MODE=queue). A webhook workflow runs the node on the worker against the sandbox,
 * and the run's guards (duplicates, Max Reset Emails Per Run) hold per execution: two
 * executions at once each mail an address once. The Password Reset Trigger in queue mode: main
 * verifies the message (and refuses a copy), the worker runs the workflow that mails it.
 * Prints "N passed, N failed".
 */
const fs = require('node:fs');
const path = require('node:path');
const { ResetSandbox, SANDBOX_KEYS } = require('../../sandbox/server.cjs');
const { credentials, CREDENTIAL_IDS } = require('../e2e/workflows.cjs');
const { Checks, assert, equal } = require('../support/checks.cjs');
const { prepareN8n } = require('../support/realN8n.cjs');
const { startPostgres, startRedis } = require('../support/debianServices.cjs');
const crypto = require('node:crypto');
const { Webhook } = require('standardwebhooks');
const { SmtpSink } = require('../support/smtpSink.cjs');
const { mailerWorkflow, hookCredentials, webhookIdOf } = require('../e2e/triggerWorkflows.cjs');

const NODE_TYPE = 'n8n-nodes-password-reset.passwordReset';
const WEBHOOK_PATH = 'queue-reset';
const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

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
	const smtp = new SmtpSink();
	const smtpPort = await smtp.listen();
	const hookSecret = `whsec_${crypto.randomBytes(32).toString('base64')}`;
	const triggerWorkflow = mailerWorkflow({ id: 'prQueueTrigger', name: 'Password Reset Trigger: queue mode', service: 'standardWebhooks', email: { subject: 'Reset', text: '=code={{ $json.code }}' } });
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
		const values = { sandboxUrl, newPassword: 'unused', wibiclickApiKey: 'unused', keys: SANDBOX_KEYS, smtpPort };
		for (const args of [
			['import:credentials', `--input=${file('credentials.json', [...credentials(values), ...hookCredentials({ standardWebhooks: hookSecret })])}`],
			['import:workflow', `--input=${file('workflow.json', queueWorkflow())}`],
			['publish:workflow', `--id=${queueWorkflow().id}`],
			['import:workflow', `--input=${file('trigger.json', triggerWorkflow)}`],
			['publish:workflow', `--id=${triggerWorkflow.id}`],
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

		// The trigger: main verifies and answers, the worker mails.
		const hookUrl = `${main.url}/webhook/${webhookIdOf(triggerWorkflow.id)}/password-reset`;
		const code = String(crypto.randomInt(100000, 1000000));
		const body = JSON.stringify({ type: 'password_reset', data: { email: 'queue@example.com', code } });
		const id = `msg_${crypto.randomUUID()}`;
		const now = new Date();
		const headers = { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': new Webhook(hookSecret).sign(id, now, body) };
		const signed = await fetch(hookUrl, { method: 'POST', body, headers });
		const copy = await fetch(hookUrl, { method: 'POST', body, headers });
		const forged = await fetch(hookUrl, { method: 'POST', body: body.replace(code, '000000'), headers });
		await waitFor(async () => smtp.messages.some((message) => message.text.includes(`code=${code}`)), 'the trigger workflow to mail the code', 30_000).catch(() => undefined);
		check('trigger in queue mode: a signed message → 200; its copy → 401 (replay, on main); a forged one → 401', () => equal([signed.status, copy.status, forged.status], [200, 401, 401], 'statuses'));
		check('trigger in queue mode: the worker ran the workflow: one mail with the code', () =>
			equal([smtp.messages.filter((message) => message.text.includes(`code=${code}`)).length, /Start executing node \\?"Send Your Email/.test(fs.readFileSync(worker.logFile, 'utf8'))], [1, true], 'mails, worker ran it'));
	} finally {
		for (const server of servers.reverse()) await server.stop();
		await sandbox.close();
		await smtp.close();
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
