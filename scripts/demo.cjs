'use strict';
/**
 * `npm run demo`: the package's main job against the embedded sandbox, on n8n's engine.
 * For each service: send a reset email, read the token from the sandbox outbox, (check it, where
 * the service can), reset the password, then reuse the same token: it must fail, shown under
 * On Error = Continue. Where the service can, Create Reset Link (the link on the sandbox's own
 * host; an unknown email fails), and Set Password as a help desk would (the set, a sign-in with it,
 * an unknown email; a temporary password and Sign Out Other Sessions where the service has them). Then Check New Password (node 1.1) against the sandbox's range
 * API: a breached password and a short one refused, a long one passed, and Reset Password
 * refusing a breached one before any request. Then n8n as Supabase's mailer: the sandbox's
 * Supabase hands its reset message to the Password Reset Trigger (its Send Email Hook, signed),
 * the trigger's item carries the code, and Reset Password uses it; a hook n8n refuses fails the
 * send. Prints a table; exits non-zero if any outcome differs from the expected.
 */
const crypto = require('node:crypto');
const http = require('node:http');
const { runNode, runTrigger } = require('../test/support/engine.cjs');
const { ResetSandbox, SANDBOX_KEYS } = require('../sandbox/server.cjs');
const { SANDBOX_SCENARIOS } = require('../sandbox/services/index.cjs');
const { EDITION } = require('../dist/nodes/PasswordReset/edition');

const EMAIL = 'ada@example.com';
const NEW_PASSWORD = 'Demo-new-password-42';
const SET_PASSWORD = 'Demo-set-by-the-help-desk-7';
const WIBICLICK_KEY = 'demo-wibiclick-key';

const success = { outcome: 'success', errorCode: '' };
const failed = (errorCode) => ({ outcome: 'failed (continued)', errorCode });
/** A step's expected outcome as a scenario names it: 'success', an error code, or the default. */
const expected = (named, fallback) => (named === undefined ? fallback : named === 'success' ? success : failed(named));

/** Each service's scenarios, from its sandbox file: its credential's fields and what each step must give. */
const SCENARIOS = SANDBOX_SCENARIOS.map((scenario) => ({
	...scenario,
	label: scenario.mode ? `${scenario.service} (${scenario.mode})` : scenario.service,
	credentialFor: (sandboxUrl) => scenario.credential?.({ ...SANDBOX_KEYS, wibiclickApiKey: WIBICLICK_KEY }, sandboxUrl) ?? {},
	send: expected(scenario.send, success),
	verify: expected(scenario.verify, undefined),
	reset: expected(scenario.reset, success),
	reuse: scenario.reuse === null ? null : expected(scenario.reuse, failed('invalid_or_expired_token')),
}));

const outcomeOf = ({ output, errorOutput, error }) => {
	if (error) return { outcome: 'stopped', errorCode: error.context?.errorCode ?? '?' };
	const json = (output[0] ?? errorOutput[0])?.json ?? {};
	if (json.operation === 'createResetLink' && json.success && !json.resetLink) return failed('no resetLink');
	const problem = json.details?.passwordProblem ? ` (${json.details.passwordProblem})` : '';
	return json.success ? success : failed(`${json.details?.errorCode ?? '?'}${problem}`);
};

/** Check New Password's rows: node 1.1's defaults, the breached-password check against the sandbox's range API. */
async function passwordCheckRows(sandbox, record) {
	const credential = { service: 'supabase', baseUrl: sandbox.baseUrl('supabase'), apiKey: SANDBOX_KEYS.supabase };
	const options = { checkBreached: true, breachApiUrl: sandbox.rangeApiUrl() };
	const run = async (parameters) => outcomeOf(await runNode({ parameters: { ...parameters, options }, credential, onError: 'continueRegularOutput', typeVersion: 1.1 }));
	const check = (newPassword) => run({ operation: 'checkPassword', email: EMAIL, newPassword });
	const label = 'check new password';
	record(label, 'a breached password', await check('correct horse battery staple'), failed('weak_password (breached)'));
	record(label, 'a short one', await check('Short-pw-1'), failed('weak_password (too_short)'));
	record(label, 'one with the service name', await check('my-supabase-password-2026'), failed('weak_password (context_word)'));
	record(label, 'a long unbreached one', await check(NEW_PASSWORD), success);
	const reset = { operation: 'resetPassword', email: EMAIL, resetToken: '123456', newPassword: 'correct horse battery staple' };
	record(label, 'reset password with a breached one: refused before sending', await run(reset), failed('weak_password (breached)'));
}

/**
 * A Password Reset Trigger (Service: Supabase) listening on loopback, run on n8n's engine as
 * n8n's webhook service runs it: the items it would start the workflow with are kept.
 */
async function triggerOnLoopback(secret) {
	const items = [];
	const server = http.createServer(async (req, res) => {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const { result, response } = await runTrigger({ parameters: { service: 'supabase' }, secret, request: { body: Buffer.concat(chunks).toString('utf8'), headers: req.headers } });
		items.push(...(result.workflowData?.[0] ?? []).map((item) => item.json));
		res.writeHead(response?.status ?? 200, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify(response?.body ?? result.webhookResponse));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const close = () => new Promise((resolve) => server.close(resolve));
	return { url: `http://127.0.0.1:${server.address().port}/webhook/demo/password-reset`, items, close };
}

/** n8n as the mailer: Supabase's Send Email Hook → the trigger → its code → Reset Password. */
async function triggerRows(sandbox, control, record) {
	const label = 'supabase → trigger';
	const secret = `v1,whsec_${crypto.randomBytes(32).toString('base64')}`;
	const trigger = await triggerOnLoopback(secret);
	const credential = { service: 'supabase', baseUrl: sandbox.baseUrl('supabase'), apiKey: SANDBOX_KEYS.supabase };
	const run = async (parameters) => outcomeOf(await runNode({ parameters, credential, onError: 'continueRegularOutput' }));
	try {
		await control('hooks', { service: 'supabase', url: trigger.url, secret });
		record(label, 'send reset email (Supabase calls its Send Email Hook)', await run({ operation: 'sendResetEmail', email: 'grace@example.com' }), success);
		const [item] = trigger.items;
		const delivered = item?.type === 'password_reset' && /^\d{6}$/.test(item.code ?? '') && item.link?.includes('/verify?token=');
		checkRow(record, label, 'the trigger started one item: code and link, to deliver your way', delivered && trigger.items.length === 1);
		record(label, 'reset password with the delivered code', await run({ operation: 'resetPassword', email: 'grace@example.com', resetToken: item?.code ?? '', newPassword: NEW_PASSWORD }), success);
		await control('hooks', { service: 'supabase', url: trigger.url, secret: `v1,whsec_${crypto.randomBytes(32).toString('base64')}` });
		record(label, 'send, with a hook secret n8n does not hold: refused, so Supabase fails the send', await run({ operation: 'sendResetEmail', email: 'grace@example.com' }), failed('server_error'));
	} finally {
		await control('hooks', { service: 'supabase' });
		await trigger.close();
	}
}

/** A row for a step that is a check, not a node run. */
const checkRow = (record, service, step, ok) => record(service, step, ok ? success : failed('not as expected'), success);

/** Each profile's Set Password contract, for the options its service can honour. */
const SET_PASSWORD_EFFECTS = Object.fromEntries(EDITION.profiles.map((profile) => [profile.id, profile.operations.setPassword?.effects]));

/**
 * Set Password's rows (the help desk): the set, a sign-in with it (the sandbox checks), an
 * unknown email; where the service can, a temporary password (it must be changed at the next
 * sign-in) and Sign Out Other Sessions.
 */
async function setPasswordRows({ label, service, run, control, record, unknownAccount }) {
	const set = (email, options = {}) => run({ operation: 'setPassword', email, newPassword: SET_PASSWORD, options });
	record(label, 'set password (admin)', await set(EMAIL), success);
	checkRow(record, label, 'sign in with the set password', (await control('sign-in', { service, email: EMAIL, password: SET_PASSWORD })).signedIn);
	record(label, 'set password, unknown email', await set('nobody@example.com'), failed(unknownAccount));
	const effects = SET_PASSWORD_EFFECTS[service];
	if (effects?.requireChange) {
		record(label, 'set a temporary password', await set('grace@example.com', { requireChange: true }), success);
		checkRow(record, label, 'it must be changed at the next sign-in', (await control(`account?service=${service}&email=grace@example.com`)).mustChangePassword);
	}
	if (effects?.otherSessions === 'onRequest') {
		record(label, 'set password, sign out other sessions', await set('grace@example.com', { signOutOthers: true }), success);
		checkRow(record, label, 'the sessions were ended', (await control(`account?service=${service}&email=grace@example.com`)).sessionsEnded > 0);
	}
}

/** Runs every scenario against a fresh sandbox; resolves to the table's rows. */
async function runDemo() {
	const sandbox = new ResetSandbox({ wibiclickApiKey: WIBICLICK_KEY });
	await sandbox.listen();
	const rows = [];
	const record = (service, step, actual, expected) =>
		rows.push({ service, step, ...actual, ok: actual.outcome === expected.outcome && actual.errorCode === expected.errorCode });
	const control = (path, body) =>
		fetch(`${sandbox.url}/__sandbox/${path}`, body ? { method: 'POST', body: JSON.stringify(body) } : undefined).then((response) => response.json());
	try {
		for (const scenario of SCENARIOS) {
			const { service } = scenario;
			const { label } = scenario;
			const credential = { service, baseUrl: sandbox.baseUrl(service, scenario.mode), ...scenario.credentialFor(sandbox.url) };
			const run = async (parameters) => outcomeOf(await runNode({ parameters, credential, onError: 'continueRegularOutput' }));

			record(label, 'send reset email', await run({ operation: 'sendResetEmail', email: EMAIL }), scenario.send);
			if (scenario.tokenFromSandbox) {
				await control('tokens', { service, email: EMAIL });
				rows.push({ service: label, step: 'token issued by the sandbox instead', outcome: '-', errorCode: '', ok: true });
			}
			const { latest } = await control(`outbox?service=${service}&email=${EMAIL}`);
			// A service that sent nothing (Clerk) still gets a Reset Token typed: the node refuses before any request.
			const token = latest?.token ?? 'no-token-was-sent';
			if (scenario.verify) {
				record(label, 'verify reset token', await run({ operation: 'verifyResetToken', resetToken: token }), scenario.verify);
			}
			const reset = { operation: 'resetPassword', email: EMAIL, resetToken: token, newPassword: NEW_PASSWORD };
			record(label, 'reset password', await run(reset), scenario.reset);
			if (scenario.reuse !== null) record(label, 'reuse the same token', await run(reset), scenario.reuse);
			if (scenario.link) {
				record(label, 'create reset link', await run({ operation: 'createResetLink', email: EMAIL }), success);
				record(label, 'create reset link, unknown email', await run({ operation: 'createResetLink', email: 'nobody@example.com' }), failed(scenario.unknownAccount ?? 'user_not_found'));
			}
			if (scenario.setPassword) await setPasswordRows({ label, service, run, control, record, unknownAccount: scenario.unknownAccount ?? 'user_not_found' });
		}
		await passwordCheckRows(sandbox, record);
		await triggerRows(sandbox, control, record);
	} finally {
		await sandbox.close();
	}
	return rows;
}

const printTable = (rows) => {
	const columns = ['service', 'step', 'outcome', 'errorCode'];
	const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
	const line = (cells) => cells.map((cell, index) => String(cell).padEnd(widths[index])).join('  ').trimEnd();
	console.log(line(columns));
	console.log(line(widths.map((width) => '-'.repeat(width))));
	for (const row of rows) console.log(line(columns.map((column) => row[column])) + (row.ok ? '' : '   <-- UNEXPECTED'));
	const unexpected = rows.filter((row) => !row.ok).length;
	console.log(unexpected ? `\n${unexpected} unexpected outcome(s)` : `\nAll ${rows.length} outcomes as expected.`);
	return unexpected;
};

if (require.main === module) {
	const started = Date.now();
	runDemo()
		.then((rows) => {
			const unexpected = printTable(rows);
			console.log(`Demo wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
			process.exitCode = unexpected ? 1 : 0;
		})
		.catch((error) => {
			console.error(error);
			process.exitCode = 1;
		});
}

module.exports = { runDemo, SCENARIOS, WIBICLICK_KEY };
