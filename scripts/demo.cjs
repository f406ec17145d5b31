'use strict';
/**
 * `npm run demo`: the package's main job against the embedded sandbox, on n8n's engine.
 * For each seed service: send a reset email, read the token from the sandbox outbox, reset the
 * password, then reuse the same token (it must fail; shown under On Error = Continue).
 * Prints a table and exits non-zero if any outcome differs from the expected one.
 */
const { runNode } = require('../test/support/engine.cjs');
const { ResetSandbox } = require('../sandbox/server.cjs');

const EMAIL = 'ada@example.com';
const NEW_PASSWORD = 'Demo-new-password-42';
const WIBICLICK_KEY = 'demo-wibiclick-key';

const outcomeOf = ({ output, errorOutput, error }) => {
	if (error) return { outcome: 'stopped', errorCode: error.context?.errorCode ?? '?' };
	const json = (output[0] ?? errorOutput[0])?.json ?? {};
	return json.success ? { outcome: 'success', errorCode: '' } : { outcome: 'failed (continued)', errorCode: json.details?.errorCode ?? '?' };
};

async function main() {
	const sandbox = new ResetSandbox({ wibiclickApiKey: WIBICLICK_KEY });
	await sandbox.listen();
	const rows = [];
	const record = (service, step, actual, expected) => {
		const ok = actual.outcome === expected.outcome && actual.errorCode === (expected.errorCode ?? '');
		rows.push({ service, step, ...actual, ok });
	};
	const latestToken = async (service) => {
		const response = await fetch(`${sandbox.url}/__sandbox/outbox?service=${service}&email=${EMAIL}`);
		return (await response.json()).latest?.token;
	};

	const scenarios = [
		{ service: 'wibiclick', credential: { apiKey: WIBICLICK_KEY } },
		{ service: 'wabotify', credential: { company: 'wabotify' } },
		{ service: 'xano' },
		{ service: 'industrialIot', sendNotSupported: true },
		{ service: 'industrialIot', mode: 'as-deployed', label: 'industrialIot (as deployed)', sendNotSupported: true, resetOutcome: { outcome: 'failed (continued)', errorCode: 'unknown_outcome' } },
	];
	try {
		for (const scenario of scenarios) {
			const { service } = scenario;
			const label = scenario.label ?? service;
			const credential = { service, baseUrl: sandbox.baseUrl(service, scenario.mode), ...scenario.credential };
			const run = (parameters) => runNode({ parameters, credential, onError: 'continueRegularOutput' });

			const sent = outcomeOf(await run({ operation: 'sendResetEmail', email: EMAIL }));
			if (scenario.sendNotSupported) {
				record(label, 'send reset email', sent, { outcome: 'failed (continued)', errorCode: 'not_supported' });
				// n8n cannot send this request; the sandbox issues the token as the service would.
				await fetch(`${sandbox.url}/__sandbox/tokens`, { method: 'POST', body: JSON.stringify({ service, email: EMAIL }) });
				rows.push({ service: label, step: 'token issued by the sandbox instead', outcome: '-', errorCode: '', ok: true });
			} else {
				record(label, 'send reset email', sent, { outcome: 'success' });
			}
			const token = await latestToken(service);
			const reset = { operation: 'resetPassword', email: EMAIL, resetToken: token ?? '', newPassword: NEW_PASSWORD };
			const expectedReset = scenario.resetOutcome ?? { outcome: 'success' };
			record(label, 'reset password', outcomeOf(await run(reset)), expectedReset);
			const expectedReuse = scenario.mode === 'as-deployed' ? expectedReset : { outcome: 'failed (continued)', errorCode: 'invalid_or_expired_token' };
			record(label, 'reuse the same token', outcomeOf(await run(reset)), expectedReuse);
		}
	} finally {
		await sandbox.close();
	}

	const columns = ['service', 'step', 'outcome', 'errorCode'];
	const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
	const line = (cells) => cells.map((cell, index) => String(cell).padEnd(widths[index])).join('  ');
	console.log(line(columns));
	console.log(line(widths.map((width) => '-'.repeat(width))));
	for (const row of rows) console.log(line(columns.map((column) => row[column])) + (row.ok ? '' : '   <-- UNEXPECTED'));
	const unexpected = rows.filter((row) => !row.ok).length;
	console.log(unexpected ? `\n${unexpected} unexpected outcome(s)` : '\nAll outcomes as expected.');
	process.exitCode = unexpected ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
