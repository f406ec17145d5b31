'use strict';
/**
 * A real n8n editor to try the node in: the n8n the e2e suite installs, this package packed and
 * installed into a fresh user folder, the sandbox reset API on 127.0.0.1:8765, the example
 * credentials and workflows imported (the self-service form published), and an owner account.
 * `npm run dev` and `npm run screenshots` start it.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ResetSandbox } = require('../sandbox/server.cjs');
const { prepareN8n } = require('../test/support/realN8n.cjs');
const { examples } = require('./write-examples.cjs');
const { RESET_FORM_PATH } = require('../test/e2e/workflows.cjs');

/** The owner account it creates: a local, throwaway instance. */
const LOGIN = { email: 'dev@example.com', password: 'Password-reset-dev-1', firstName: 'Dev', lastName: 'User' };
const SANDBOX_PORT = 8765;

async function startDevInstance({ port } = {}) {
	const sandbox = new ResetSandbox();
	await sandbox.listen(SANDBOX_PORT).catch((error) => {
		throw new Error(`The sandbox needs 127.0.0.1:${SANDBOX_PORT}, as the example credentials say: ${error.message}`);
	});
	const instance = prepareN8n({ logLevel: 'info' });
	const files = examples();
	for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(instance.userFolder, file), JSON.stringify(content));
	const run = async (...args) => {
		const result = await instance.n8n(...args);
		if (result.status !== 0) throw new Error(`n8n ${args.join(' ')} failed (exit ${result.status}): ${result.stderr}`);
	};
	await run('import:credentials', `--input=${path.join(instance.userFolder, 'credentials.json')}`);
	const workflows = Object.entries(files).filter(([file]) => file !== 'credentials.json');
	for (const [file] of workflows) await run('import:workflow', `--input=${path.join(instance.userFolder, file)}`);
	await run('publish:workflow', `--id=${files['selfServiceReset.json'].id}`);
	const server = await instance.start({ port });
	const setup = await fetch(`${server.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(LOGIN),
	});
	if (!setup.ok) throw new Error(`Owner setup failed: HTTP ${setup.status} ${await setup.text()}`);
	return {
		url: server.url,
		formUrl: `${server.url}/form/${RESET_FORM_PATH}`,
		login: LOGIN,
		sandbox,
		server,
		userFolder: instance.userFolder,
		workflowIds: Object.fromEntries(workflows.map(([file, content]) => [file.replace('.json', ''), content.id])),
		stop: async () => {
			await server.stop();
			await sandbox.close();
		},
	};
}

module.exports = { startDevInstance, LOGIN };
