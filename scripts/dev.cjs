'use strict';
/**
 * `npm run dev`: a real n8n editor with this package loaded, the sandbox running, and its
 * credentials and the example workflows imported. Prints the URL and the login; Ctrl-C stops it.
 * DEV_PORT picks the editor's port (default 5678).
 */
const { startDevInstance } = require('./devInstance.cjs');

async function main() {
	console.log('Starting n8n with n8n-nodes-password-reset (about a minute)…');
	const dev = await startDevInstance({ port: Number(process.env.DEV_PORT) || 5678 });
	console.log(`
n8n editor:     ${dev.url}
login:          ${dev.login.email} / ${dev.login.password}
reset form:     ${dev.formUrl}
sandbox API:    ${dev.sandbox.url} (its mails: ${dev.sandbox.url}/__sandbox/outbox)
user folder:    ${dev.userFolder}

Open a workflow named "Password Reset: …" and run it. Ctrl-C stops n8n and the sandbox.`);
	const stop = async () => {
		await dev.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	await dev.server.exited;
	console.error(`n8n stopped on its own:\n${dev.server.diagnosis(dev.server.child.exitCode)}`);
	await dev.sandbox.close();
	process.exitCode = 1;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
