'use strict';
/** `npm run sandbox [-- --port N]`: serves the sandbox reset API until Ctrl-C. No state on disk. */
const { ResetSandbox, SERVICES } = require('./server.cjs');

const portArgument = process.argv.indexOf('--port');
const port = portArgument > 0 ? Number(process.argv[portArgument + 1]) : 8765;

(async () => {
	const sandbox = new ResetSandbox();
	const url = await sandbox.listen(port);
	console.log(`Sandbox reset API on ${url}`);
	for (const service of SERVICES) console.log(`  ${service.padEnd(14)} base URL ${sandbox.baseUrl(service)}`);
	console.log(`  outbox         ${url}/__sandbox/outbox?email=ada@example.com`);
	const stop = async () => {
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})();
