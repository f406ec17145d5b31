'use strict';
/**
 * End-to-end: the packed package inside a real n8n (2.41.1, from the cache), against the
 * sandbox reset API. With N8N_LINE=1 (npm run test:e2e:n8n1), the same checks of the essentials in
 * n8n 1.123 (Node.js 22), the maintained 1.x line: send, reset, link, check, the three On Error
 * modes and the error output, the Password Reset Trigger (trigger.cjs, on its own `n8n start`), and
 * the secret scans (COMPATIBILITY_WORKFLOWS). Imports credentials and the example workflows, runs each with
 * `n8n execute`, and checks the execution JSON; drives the self-service reset form in Chromium
 * on `n8n start` (form.cjs); then scans for sentinel secrets in everything the Password Reset
 * nodes output or throw and in n8n's log. Prints "N passed, N failed".
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ResetSandbox, SANDBOX_KEYS } = require('../../sandbox/server.cjs');
const { E2E_WORKFLOWS, credentials, EMAIL, RESET_FLOW_SERVICES, SEND_ONLY_SERVICES, PASSWORD_CHECK_ITEMS, LINK_SERVICES, SET_PASSWORD_SERVICES, SET_PASSWORD_CASES, BREACHED_RESET_ACCOUNT } = require('./workflows.cjs');
const { SmtpSink } = require('../support/smtpSink.cjs');
const { EDITION: { profiles: SERVICE_PROFILES } } = require('../../dist/nodes/PasswordReset/edition');

/** Every secret the imported credentials hold: each one's API key and its service's password fields (client secrets, admin keys), named by credential and field. */
const credentialSecretsOf = (imported) =>
	Object.fromEntries(
		imported.flatMap(({ name, data }) => {
			const profile = SERVICE_PROFILES.find((candidate) => candidate.id === data.service);
			const fields = ['apiKey', ...(profile?.credentialFields ?? []).filter((field) => field.typeOptions?.password).map((field) => field.name)];
			return fields.filter((field) => data[field]).map((field) => [`${name}.${field}`, data[field]]);
		}),
	);
const { Checks, assert, equal } = require('../support/checks.cjs');
const { prepareN8n, logWithoutExecutionDumps, N8N_LINE, N8N_VERSIONS } = require('../support/realN8n.cjs');
const { formChecks, launchChromium, liveRows } = require('./form.cjs');
const { prepareTriggerChecks, triggerChecks } = require('./trigger.cjs');

const SENTINELS = {
	newPassword: 'SENTINEL-E2E-PW-5d1c!',
	apiKey: 'SENTINEL-E2E-APIKEY-8a2f',
	formPassword: 'SENTINEL-E2E-FORM-PW-3e7b',
	// The token items carry into Mapping Mode's n8n errors (the service never sees it).
	resetToken: 'SENTINEL-E2E-TOKEN-61f9',
	// What the browser types on the page a created link opens.
	linkPassword: 'SENTINEL-E2E-LINK-PW-0c4d',
};
const NODE_TYPE = 'n8n-nodes-password-reset.passwordReset';

/** What the 1.x line runs: the operations, the On Error modes, the error output (no browser, agent or mail flows). */
const COMPATIBILITY_WORKFLOWS = ['resetFlow', 'failureModes', 'stopOnError', 'passwordChecks', 'resetLinks', 'setPasswords'];
const ON_N8N_1 = N8N_LINE === '1';
const WORKFLOWS_HERE = Object.fromEntries(Object.entries(E2E_WORKFLOWS).filter(([key]) => !ON_N8N_1 || COMPATIBILITY_WORKFLOWS.includes(key)));

const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

async function run() {
	const instance = prepareN8n();
	const { userFolder, logDir, n8n } = instance;
	const sandbox = new ResetSandbox({ wibiclickApiKey: SENTINELS.apiKey });
	const sandboxUrl = await sandbox.listen();
	// The help-desk flow's mail goes here (n8n's Send Email node over SMTP).
	const smtp = new SmtpSink();
	const smtpPort = await smtp.listen();
	const values = { sandboxUrl, newPassword: SENTINELS.newPassword, resetToken: SENTINELS.resetToken, wibiclickApiKey: SENTINELS.apiKey, keys: SANDBOX_KEYS, smtpPort };
	try {
		// Written outside n8n's folder and removed once imported: the folder's scan finds only what n8n kept.
		const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-e2e-credentials-'));
		const credentialsFile = path.join(outside, 'credentials.json');
		fs.writeFileSync(credentialsFile, JSON.stringify(credentials(values)));
		const imported = await n8n('import:credentials', `--input=${credentialsFile}`);
		fs.rmSync(outside, { recursive: true, force: true });
		check('credentials import', () => assert(imported.status === 0, imported.stderr));
		const executions = {};
		for (const [key, build] of Object.entries(WORKFLOWS_HERE)) {
			const workflow = build(values);
			const file = path.join(userFolder, `${key}.json`);
			fs.writeFileSync(file, JSON.stringify(workflow));
			const importedWorkflow = await n8n('import:workflow', `--input=${file}`);
			check(`${key}: import`, () => assert(importedWorkflow.status === 0, importedWorkflow.stderr));
			const startedAt = new Date().toISOString();
			const execution = await instance.execute(workflow.id);
			executions[key] = { status: execution.status, json: execution.json, workflow, startedAt, finishedAt: new Date().toISOString() };
			check(`${key}: n8n left an execution`, () => assert(execution.json, execution.diagnosis));
		}
		// The mails the executed workflows sent (the help-desk flow's), before the trigger's checks mail through the same sink.
		const workflowMails = [...smtp.messages];
		let hookSecrets = {};
		if (ON_N8N_1) {
			// The trigger on the 1.x line: its own `n8n start`.
			const prepared = await prepareTriggerChecks({ instance, check });
			hookSecrets = prepared.secrets;
			const server = await instance.start();
			try {
				await triggerChecks({ server, instance, check, smtp, prepared, sandbox });
			} catch (error) {
				check('trigger checks in n8n 1.123: ran', () => {
					throw new Error(`${error.stack}\n${server.diagnosis(server.child.exitCode)}`);
				});
			} finally {
				await server.stop();
			}
		} else {
			// The trigger's workflows wait on the form's `n8n start`: one start for both.
			const prepared = await prepareTriggerChecks({ instance, check });
			hookSecrets = prepared.secrets;
			await formChecks({
				instance,
				sandbox,
				check,
				newPassword: SENTINELS.formPassword,
				credentials: credentials(values),
				onServer: async (server) => void (await triggerChecks({ server, instance, check, smtp, prepared, sandbox })),
			});
		}
		const tokens = sandbox.outbox.map((mail) => mail.token);
		assertResetFlow(executions.resetFlow);
		assertFailureModes(executions.failureModes);
		assertStop(executions.stopOnError);
		assertPasswordChecks(executions.passwordChecks, sandbox);
		assertResetLinks(executions.resetLinks, sandbox);
		assertSetPasswords(executions.setPasswords, sandbox);
		if (!ON_N8N_1) {
			assertExpressionErrorStop(executions.expressionErrorStop);
			assertAgentTool(executions.agentTool, sandbox);
			assertAgentToolRefusal(executions.agentToolRefusal, sandbox);
			assertAgentToolMapped(executions.agentToolMapped, sandbox);
			assertBulkSend(executions.bulkSendResetEmail, sandbox);
			assertMappedReset(executions.mappedReset, sandbox);
			assertMappedN8nErrors(executions);
			assertAgentToolLinkRefusal(executions.agentToolLinkRefusal);
			assertAgentToolSetRefusal(executions.agentToolSetRefusal);
			assertHelpDeskTemporaryPassword(executions.helpDeskTemporaryPassword, { mails: workflowMails, sandbox, userFolder });
			await assertHelpDeskResetLink(executions.helpDeskResetLink, { mails: workflowMails, sandbox, userFolder });
		}
		const written = Object.values(executions).flatMap((execution) => passwordResetRunData(execution)).map((task) => JSON.stringify(task));
		const log = logWithoutExecutionDumps(logDir);
		// Every credential secret the sandbox takes is scanned for too: each profile's password fields (client secrets).
		const hookSecretEntries = Object.fromEntries(Object.entries(hookSecrets).map(([service, secret]) => [`hook secret ${service}`, secret]));
		const secrets = { ...SENTINELS, ...credentialSecretsOf(credentials(values)), ...hookSecretEntries, ...Object.fromEntries(tokens.map((token, index) => [`token${index}`, token])) };
		// Whole-word matches: a 6-digit OTP must not be "found" inside a timestamp.
		const appearsIn = (text, value) => new RegExp(`(?<![A-Za-z0-9])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`).test(text);
		check(`sentinel scan: ${Object.keys(secrets).length} secrets absent from ${written.length} Password Reset node runs`, () => {
			const leaks = Object.entries(secrets).filter(([, value]) => written.some((text) => appearsIn(text, value)));
			equal(leaks.map(([name]) => name), [], 'leaked into node output or errors');
		});
		check(`sentinel scan: n8n's debug log (${log.length} characters, execution dumps excluded)`, () => {
			const leaks = Object.entries(secrets).filter(([, value]) => appearsIn(log, value));
			equal(leaks.map(([name]) => name), [], 'leaked into the log');
		});
		// The credential's secrets reach n8n only in the credential, which it stores encrypted: none is anywhere in its folder.
		const credentialOnly = { ...credentialSecretsOf(credentials(values)), ...hookSecretEntries };
		const files = filesUnder(userFolder);
		check(`sentinel scan: n8n's user folder (${files.length} files: database, logs, settings) holds none of the credential's ${Object.keys(credentialOnly).length} secrets`, () => {
			const contents = files.map((file) => fs.readFileSync(file).toString('latin1'));
			equal(Object.entries(credentialOnly).filter(([, value]) => contents.some((text) => text.includes(value))).map(([name]) => name), [], 'found in the user folder');
		});
	} finally {
		await sandbox.close();
		await smtp.close();
	}
	checks.report(ON_N8N_1 ? `e2e in n8n ${N8N_VERSIONS[1]}` : 'e2e');
}

/** Every file n8n wrote in its user folder (the installed packages, code, left out), and the imports the suite wrote there. */
const filesUnder = (dir) =>
	fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(full);
		return [full];
	});

const runData = (execution) => execution?.data?.resultData?.runData ?? {};
const nodeRun = (execution, name) => runData(execution)[name]?.[0];
const items = (execution, name, output = 0) => (nodeRun(execution, name)?.data?.main?.[output] ?? []);
/**
 * What each Password Reset node wrote: its items and its error. On the error output n8n merges
 * the input item's json into each item (its doing, documented): there only `error` and
 * `details` are the node's.
 */
const passwordResetRunData = ({ json, workflow }) => {
	const types = Object.fromEntries(workflow.nodes.map((node) => [node.name, node.type]));
	return Object.entries(runData(json))
		.filter(([name]) => types[name] === NODE_TYPE)
		.flatMap(([, tasks]) =>
			tasks.map(({ data, error }) => {
				const [main = [], errorOutput = []] = data?.main ?? [];
				const own = errorOutput.map(({ json: { error: message, details }, pairedItem }) => ({ json: { error: message, details }, pairedItem }));
				return { main, errorOutput: own, error };
			}),
		);
};
/** How many mails the sandbox sent a service's account while the execution ran. */
const mailsDuring = ({ startedAt, finishedAt }, sandbox, service, email) =>
	sandbox.outbox.filter((mail) => mail.service === service && mail.to === email && mail.sentAt >= startedAt && mail.sentAt <= finishedAt).length;
/** An item's outcome: success, or its error code (node 1.2's {error: {errorCode}}, 1 and 1.1's {details: {errorCode}}). */
const summary = (item) => (item.json.success ? 'success' : (item.json.error?.errorCode ?? item.json.details?.errorCode));

function assertResetFlow(execution) {
	const { json } = execution;
	check('resetFlow: execution finished', () => assert(json?.finished === true || json?.status === 'success', `status ${json?.status}`));
	for (const [, label, reuse = 'invalid_or_expired_token'] of RESET_FLOW_SERVICES) {
		check(`resetFlow: ${label} send → success`, () => equal(items(json, `${label}: Send Reset Email`).map(summary), ['success'], label));
		check(`resetFlow: ${label} reset → success`, () => equal(items(json, `${label}: Reset Password`).map(summary), ['success'], label));
		check(`resetFlow: ${label} reused token → ${reuse}`, () => equal(items(json, `${label}: Reuse Token`).map(summary), [reuse], label));
	}
	check('resetFlow: Industrial IOT send → not_supported', () =>
		equal(items(json, 'Industrial IOT: Send Reset Email').map(summary), ['not_supported'], 'send'));
	check('resetFlow: Industrial IOT reset → success', () => equal(items(json, 'Industrial IOT: Reset Password').map(summary), ['success'], 'reset'));
	check('resetFlow: Industrial IOT reused token → invalid_or_expired_token', () =>
		equal(items(json, 'Industrial IOT: Reuse Token').map(summary), ['invalid_or_expired_token'], 'reuse'));
	for (const [, label] of SEND_ONLY_SERVICES) {
		check(`resetFlow: ${label} send → success; Reset Password → not_supported (its hosted page finishes)`, () =>
			equal([...items(json, `${label}: Send Reset Email`), ...items(json, `${label}: Reset Password`)].map(summary), ['success', 'not_supported'], label));
	}
	check('resetFlow: WibiClick output carries the email the service returned', () =>
		equal(items(json, 'WibiClick: Reset Password')[0]?.json.email, 'ada@example.com', 'email'));
}

function assertFailureModes(execution) {
	const { json } = execution;
	const paired = (list) => list.map((item) => [item.pairedItem?.item ?? item.pairedItem?.[0]?.item, summary(item)]);
	check('failureModes: execution finished', () => assert(json?.data?.resultData?.error === undefined, JSON.stringify(json?.data?.resultData?.error)));
	check('failureModes: error output — good items on main, paired', () =>
		equal(paired(items(json, 'Wabotify: Send (error output)', 0)), [[0, 'success'], [1, 'success']], 'main'));
	check('failureModes: error output — malformed email on the error output, paired', () =>
		equal(paired(items(json, 'Wabotify: Send (error output)', 1)), [[2, 'invalid_input']], 'error output'));
	check('failureModes: node 1.2 failure items are {error: {message, errorCode, …}} alone (n8n merges the input item in: email)', () =>
		equal(items(json, 'Wabotify: Send (error output)', 1).map((item) => [Object.keys(item.json).sort(), typeof item.json.error?.message]), [[['email', 'error'], 'string']], 'keys'));
	// n8n 1.x's WorkflowExecute.handleNodeErrorOutput takes {error} or {error, message} only; 2.x also {error, details}.
	const nodeOneOne = ON_N8N_1 ? [[[0, 'success'], [1, 'invalid_input']], []] : [[[0, 'success']], [[1, 'invalid_input']]];
	check(`failureModes: a node 1.1 failure ({error, details}) → ${ON_N8N_1 ? "the success output: n8n 1.x's handleNodeErrorOutput does not route {error, details}" : 'the error output (n8n 2.x routes {error, details})'}`, () =>
		equal([0, 1].map((output) => paired(items(json, 'Wabotify: Send (error output, node 1.1)', output))), nodeOneOne, 'main, error'));
	check('failureModes: weak password → weak_password on the error output', () =>
		equal(items(json, 'Wabotify: Weak Password', 1).map(summary), ['weak_password'], 'weak'));
	check('failureModes: Continue — one item per input, paired, in order', () =>
		equal(paired(items(json, 'Xano: Bad Codes')), [[0, 'invalid_or_expired_token'], [1, 'invalid_input']], 'xano'));
	check('failureModes: Reveal Unknown Accounts → user_not_found', () =>
		equal(items(json, 'Xano: Reveal Unknown').map(summary), ['user_not_found'], 'reveal'));
	check('failureModes: 429 → rate_limited, retryable', () => {
		const [item] = items(json, 'Xano: Rate Limited');
		equal([summary(item), item?.json.details.retryable], ['rate_limited', true], 'rate limited');
	});
	check('failureModes: HTML 500 on reset → unknown_outcome', () =>
		equal(items(json, 'Wabotify: Service Down').map(summary), ['unknown_outcome'], 'down'));
	check('failureModes: industrial-IOT as deployed (500 after the change) → unknown_outcome', () =>
		equal(items(json, 'Industrial IOT: As Deployed').map(summary), ['unknown_outcome'], 'as deployed'));
	check('failureModes: wrong API key → auth_failed', () => equal(items(json, 'WibiClick: Wrong Key').map(summary), ['auth_failed'], 'auth'));
	check('failureModes: a reset path that is a whole address elsewhere → invalid_input before sending', () => {
		const [item] = items(json, 'Wabotify: Absolute Reset Path');
		equal([summary(item), /^The credential's Reset Password Path must be a path under the Base URL/.test(item?.json.error ?? '')], ['invalid_input', true], 'absolute path');
	});
	check("failureModes: an expression n8n cannot resolve → n8n's own error item, paired, nothing sent", () =>
		equal(items(json, 'Wabotify: Expression Error').map((item) => [item.pairedItem?.item ?? item.pairedItem?.[0]?.item, item.json]), [[0, { error: "Referenced node doesn't exist" }]], 'expression error'));
	check('failureModes: wrong Base URL path → endpoint_not_found for a known and an unknown email, never sent', () =>
		equal(paired(items(json, 'Wabotify: Wrong Path')), [[0, 'endpoint_not_found'], [1, 'endpoint_not_found']], 'wrong path'));
	check('failureModes: failure items have only error and details at the top', () =>
		equal(Object.keys(items(json, 'Xano: Bad Codes')[0]?.json ?? {}).sort(), ['details', 'error'], 'keys'));
}

function assertStop(execution) {
	const { json } = execution;
	const error = nodeRun(json, 'WibiClick: Bad Token')?.error ?? json?.data?.resultData?.error;
	check('stopOnError: the execution fails on the node', () => assert(error, `no error recorded (exit ${execution.status})`));
	check('stopOnError: message says what happened and names the item', () =>
		assert(/reset token is invalid, expired or already used.*\[item 0\]/.test(error?.message ?? ''), error?.message));
	check("stopOnError: description carries the service's message", () => equal(error?.description, 'Invalid or expired token', 'description'));
	// n8n 2.x stores the node the error carries (its password fields masked by the node); 1.x stores it without them.
	const stored = ON_N8N_1 ? [undefined, undefined] : ['**hidden**', '**hidden**'];
	check(`stopOnError: the stored node has its password fields ${ON_N8N_1 ? 'left out (n8n 1.x)' : 'masked'}`, () =>
		equal([error?.node?.parameters?.resetToken, error?.node?.parameters?.newPassword], stored, 'node parameters'));
}

function assertExpressionErrorStop(execution) {
	const { json } = execution;
	const error = nodeRun(json, 'Wabotify: Expression Error (Stop)')?.error ?? json?.data?.resultData?.error;
	check("expressionErrorStop: n8n stops on the node with its own error", () => equal(error?.message, "Referenced node doesn't exist", 'message'));
	check('expressionErrorStop: the stored node holds the expressions, not the secrets they gave', () =>
		equal([error?.node?.parameters?.resetToken, error?.node?.parameters?.newPassword], ['={{ $json.token }}', '={{ $json.password }}'], 'node parameters'));
}

function assertAgentTool(execution, sandbox) {
	const { json } = execution;
	const answer = (name) => JSON.stringify(items(json, name).map((item) => item.json));
	check('agentTool: the execution finished', () => assert(json?.data?.resultData?.error === undefined, JSON.stringify(json?.data?.resultData?.error)));
	check('agentTool: first call → the neutral success', () => assert(/If an account exists/.test(answer('Agent Call 1')), answer('Agent Call 1')));
	check('agentTool: the same email again in the same execution → a duplicate, not mailed again', () =>
		assert(/skipped\W+duplicate/.test(answer('Agent Call 2')), answer('Agent Call 2')));
	check('agentTool: another email → sent', () => assert(/If an account exists/.test(answer('Agent Call 3')) && !/duplicate/.test(answer('Agent Call 3')), answer('Agent Call 3')));
	check('agentTool: one mail for ada, one for grace', () =>
		equal(
			['ada@example.com', 'grace@example.com'].map((email) => mailsDuring(execution, sandbox, 'wabotify', email)),
			[1, 1],
			'mails',
		));
}

function assertAgentToolRefusal({ json }, sandbox) {
	const error = nodeRun(json, 'Agent Call')?.error ?? json?.data?.resultData?.error;
	check('agentToolRefusal: a Reset Password tool whose New Password and Reset Token the model fills → refused, nothing sent', () => {
		assert(/The AI model fills New Password.*Reset Token.*nothing was sent/s.test(error?.message ?? ''), error?.message);
		assert(![...sandbox.accounts.values()].some((account) => account.password === 'Model-chosen-pw-1'), 'a password was set');
	});
}

function assertAgentToolMapped(execution, sandbox) {
	const error = nodeRun(execution.json, 'Agent Call')?.error ?? execution.json?.data?.resultData?.error;
	check('agentToolMapped: a tool in Mapping Mode → refused (a tool call has no input item), nothing sent', () => {
		assert(/Mapping Mode is Map Input Fields by Name, but an AI tool call has no input item/.test(error?.message ?? ''), error?.message);
		equal(mailsDuring(execution, sandbox, 'wabotify', EMAIL), 0, 'mails');
	});
}

function assertBulkSend(execution, sandbox) {
	const { json } = execution;
	const output = items(json, 'Send Reset Emails');
	check('bulkSendResetEmail: Mapping Mode reads each item\'s email field: one item out per item in, paired; the same address twice is mailed once', () =>
		equal(output.map((item) => [item.pairedItem?.item ?? item.pairedItem?.[0]?.item, item.json.skipped ?? summary(item)]), [[0, 'success'], [1, 'success'], [2, 'success'], [3, 'duplicate']], 'items'));
	check('bulkSendResetEmail: a mail for ada and for grace, none for the unknown address', () =>
		equal(
			['ada@example.com', 'grace@example.com', 'nobody@example.com'].map((email) => mailsDuring(execution, sandbox, 'pocketbase', email)),
			[1, 1, 0],
			'mails',
		));
}

function assertMappedReset({ json }, sandbox) {
	check('mappedReset: Reset Password with the token and the new password from the item\'s fields (a dot path) → success', () =>
		equal(items(json, 'Mapped: Reset Password').map(summary), ['success'], 'reset'));
	check('mappedReset: the account now has the new password', () =>
		equal(sandbox.account('wabotify', 'grace@example.com')?.password === SENTINELS.newPassword, true, 'password'));
}

/** Check New Password in real n8n: each item's reason; a breached password never reaches the back end; a range API that is down fails the item. */
function assertPasswordChecks({ json }, sandbox) {
	const reason = (item) => (item.json.success ? 'ok' : `${item.json.details?.errorCode}:${item.json.details?.passwordProblem ?? ''}`);
	check(`passwordChecks: ${PASSWORD_CHECK_ITEMS.length} passwords → breached, too short, the email's name, ok`, () =>
		equal(items(json, 'Check New Password').map(reason), ['weak_password:breached', 'weak_password:too_short', 'weak_password:context_word', 'ok'], 'reasons'));
	check('passwordChecks: Reset Password (1.1) refuses a breached password before sending: the emailed token is unused, the password unchanged', () => {
		equal(items(json, 'Check: Reset With a Breached One').map(reason), ['weak_password:breached'], 'reset');
		const account = sandbox.account(BREACHED_RESET_ACCOUNT.service, BREACHED_RESET_ACCOUNT.email);
		equal([account.token?.used, account.passwordChanges], [false, 0], 'token used, password changes');
	});
	check('passwordChecks: the range API down → password_check_unavailable, nothing sent', () =>
		equal(items(json, 'Check: Range API Down').map(reason), ['password_check_unavailable:'], 'down'));
}

/** Create Reset Link on each service in real n8n: a link on the sandbox's host, user_not_found, not_supported elsewhere. */
function assertResetLinks({ json }, sandbox) {
	for (const [service, label, unknownAccount] of LINK_SERVICES) {
		const [created] = items(json, `${label}: Create Reset Link`);
		check(`resetLinks: ${label} → a link on the service's own host, in resetLink`, () =>
			equal(String(created?.json.resetLink).startsWith(`${sandbox.url}/${service}/`), true, JSON.stringify(created?.json.details ?? {})));
		check(`resetLinks: ${label}, unknown email → ${unknownAccount} (an admin call says so)`, () =>
			equal(items(json, `${label}: Unknown Email`).map(summary), [unknownAccount], label));
	}
	check('resetLinks: PocketBase (no admin link call) → not_supported', () =>
		equal(items(json, 'PocketBase: Create Reset Link').map(summary), ['not_supported'], 'pocketbase'));
	check("resetLinks: Supabase with the new keys (sb_publishable_ as the API key, sb_secret_ as the apikey of the admin route) → send success, a link on the service's host", () => {
		equal(items(json, 'Supabase (new keys): Send Reset Email').map(summary), ['success'], 'send');
		const [created] = items(json, 'Supabase (new keys): Create Reset Link');
		equal(String(created?.json.resetLink).startsWith(`${sandbox.url}/supabase/`), true, JSON.stringify(created?.json.error ?? {}));
	});
}

/** Set Password on each service in real n8n: the sandbox account has the new password; user_not_found; the options as each service can. */
function assertSetPasswords({ json }, sandbox) {
	for (const [service, label, unknownAccount] of SET_PASSWORD_SERVICES) {
		const [set] = items(json, `${label}: Set Password`);
		check(`setPasswords: ${label} → success, and the account signs in with the set password`, () => {
			equal(set ? summary(set) : 'no item', 'success', JSON.stringify(set?.json.error ?? {}));
			equal(sandbox.account(service, 'grace@example.com').password, SENTINELS.newPassword, 'the sandbox account');
		});
		check(`setPasswords: ${label}, unknown email → ${unknownAccount}`, () => equal(items(json, `${label}: Set, Unknown Email`).map(summary), [unknownAccount], label));
	}
	const { bothOptions, noRequireChange, noSet } = SET_PASSWORD_CASES;
	check(`setPasswords: ${bothOptions[1]}, Require Change and Sign Out Other Sessions → temporary (must change at the next sign-in), sessions ended, as the item says`, () => {
		const [set] = items(json, `${bothOptions[1]}: Temporary Password`);
		equal([set?.json.mustChangeAtNextSignIn, set?.json.otherSessionsSignedOut], [true, true], JSON.stringify(set?.json ?? {}));
		const account = sandbox.account(bothOptions[0], EMAIL);
		equal([account.mustChangePassword, account.sessionsEnded > 0], [true, true], 'the sandbox account');
	});
	check(`setPasswords: ${noRequireChange[1]}, Require Change → not_supported (it has none)`, () => equal(items(json, `${noRequireChange[1]}: Require Change`).map(summary), ['not_supported'], noRequireChange[0]));
	check(`setPasswords: ${noSet[1]} (no admin set) → not_supported`, () => equal(items(json, `${noSet[1]}: Set Password`).map(summary), ['not_supported'], noSet[0]));
}

function assertAgentToolSetRefusal({ json }) {
	const error = nodeRun(json, 'Agent Call')?.error ?? json?.data?.resultData?.error;
	check('agentToolSetRefusal: a Set Password tool → refused before any request', () =>
		assert(/Set Password is not available to an AI agent/.test(error?.message ?? ''), error?.message));
}

function assertAgentToolLinkRefusal({ json }) {
	const error = nodeRun(json, 'Agent Call')?.error ?? json?.data?.resultData?.error;
	check('agentToolLinkRefusal: a Create Reset Link tool → refused, no link made', () =>
		assert(/Create Reset Link is not available to an AI agent/.test(error?.message ?? ''), error?.message));
}

/**
 * The help-desk flow: Create Reset Link → n8n's Send Email over SMTP → the link from the mail,
 * opened in Chromium, sets the password on the service's page (Okta's, as the sandbox plays
 * it). The workflow keeps no successful execution: the link is in no row of n8n's database.
 */
async function assertHelpDeskResetLink({ json }, { mails, sandbox, userFolder }) {
	const created = items(json, 'Create Reset Link').map((item) => item.json);
	const link = created[0]?.resetLink ?? '';
	check('helpDeskResetLink: Create Reset Link → one item with a link on the service\'s host, no email from the service', () => {
		equal(created.length, 1, 'items');
		equal(link.startsWith(`${sandbox.url}/okta/reset_password/`), true, link ? 'the link is elsewhere' : 'no link');
		equal(sandbox.outbox.filter((mail) => mail.service === 'okta' && mail.sentAt >= new Date(Date.now() - 600_000).toISOString()).some((mail) => link.endsWith(mail.token)), false, 'mailed');
	});
	check('helpDeskResetLink: the link is in resetLink only: not in the message or anywhere else in the item', () =>
		equal(JSON.stringify(created[0] ?? {}).split(link).length - 1, 1, 'occurrences'));
	const linkMails = mails.filter((message) => /Subject: Reset your password/.test(message.raw));
	const mail = linkMails.find((message) => message.to.includes(EMAIL));
	check('helpDeskResetLink: Send Email delivered one mail to the account, holding the link', () => {
		equal(linkMails.length, 1, 'mails');
		equal(Boolean(mail?.text.includes(link)), true, 'link in mail');
	});
	const rows = liveRows(userFolder);
	check(`helpDeskResetLink: the link is in no row of n8n's database (${rows.length} rows): no successful execution kept`, () =>
		equal(rows.filter((row) => row.includes(link.split('/').pop())).length, 0, 'rows'));
	if (!mail) return;
	const linkInMail = /https?:\/\/\S+\/okta\/reset_password\/[0-9a-f]+/.exec(mail.text)?.[0];
	const browser = await launchChromium();
	try {
		const page = await browser.newPage();
		page.setDefaultTimeout(30_000);
		await page.goto(linkInMail);
		await page.getByLabel('New password').fill(SENTINELS.linkPassword);
		await page.getByRole('button', { name: 'Set password' }).click();
		await page.getByText('Your password has been changed').waitFor();
		check('helpDeskResetLink: the link from the mail opens the service\'s page, which sets the new password', () =>
			equal(sandbox.account('okta', EMAIL).password, SENTINELS.linkPassword, 'password'));
	} catch (error) {
		check('helpDeskResetLink: the browser flow ran to the end', () => {
			throw error;
		});
	} finally {
		await browser.close();
	}
}

/** The temporary-password help desk: generated, set as temporary, mailed once, kept in no row of n8n's database. */
function assertHelpDeskTemporaryPassword({ json }, { mails, sandbox, userFolder }) {
	const [set] = items(json, 'Set a Temporary Password').map((item) => item.json);
	const password = set?.temporaryPassword ?? '';
	const account = sandbox.account('okta', EMAIL);
	check('helpDeskTemporaryPassword: Set Password generated a temporary password; the service has it, to be changed at the next sign-in', () => {
		equal([set?.success, set?.mustChangeAtNextSignIn, /^[\w]{5}(-[\w]{5}){3}$/.test(password)], [true, true, true], JSON.stringify(set?.error ?? {}));
		equal([account.password === password, account.mustChangePassword], [true, true], 'the sandbox account');
	});
	check('helpDeskTemporaryPassword: the password is in temporaryPassword only: not in the message or anywhere else in the item', () =>
		equal(JSON.stringify(set ?? {}).split(password).length - 1, 1, 'occurrences'));
	const sent = mails.filter((message) => /Subject: Your temporary password/.test(message.raw));
	check('helpDeskTemporaryPassword: Send Email delivered one mail to the account, holding the password', () =>
		equal([sent.length, Boolean(sent[0]?.to.includes(EMAIL) && sent[0].text.includes(password))], [1, true], 'mails'));
	const rows = liveRows(userFolder);
	check(`helpDeskTemporaryPassword: the password is in no row of n8n's database (${rows.length} rows): no successful execution kept`, () =>
		equal(rows.filter((row) => password && row.includes(password)).length, 0, 'rows'));
}

/** Mapping Mode under n8n's own errors: the stored errors name the cause and hold no secret, under Continue and Stop. */
function assertMappedN8nErrors(executions) {
	const causes = { expression: "Referenced node doesn't exist", proxy: 'The proxy is not valid' };
	const secretsIn = (value) => ['newPassword', 'resetToken'].filter((name) => JSON.stringify(value ?? null).includes(SENTINELS[name]));
	const continued = executions.mappedErrorsContinue.json;
	for (const [cause, message] of Object.entries(causes)) {
		const output = items(continued, `Mapped: ${cause} error`);
		check(`mappedErrorsContinue: ${cause} → n8n's own error item, paired, no secret in it`, () => {
			equal(output.map((item) => item.json.error), [message], 'error item');
			equal(secretsIn(output), [], 'secrets');
		});
	}
	for (const [key, cause] of [['mappedErrorsStopExpression', 'expression'], ['mappedErrorsStopProxy', 'proxy']]) {
		const { json } = executions[key];
		const stored = [nodeRun(json, `Mapped: ${cause} error`)?.error, json?.data?.resultData?.error].filter(Boolean);
		check(`${key}: n8n stops with its own error; the stored errors hold the node's parameters, none a token or password`, () => {
			equal(stored[0]?.message, causes[cause], 'message');
			equal(stored[0]?.node?.parameters?.mappingMode, 'autoMapInputData', 'stored parameters');
			equal(Object.keys(stored[0]?.node?.parameters ?? {}).filter((name) => ['resetToken', 'newPassword'].includes(name)), [], 'secret parameters');
			equal(secretsIn(stored), [], 'secrets');
		});
	}
}

run().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
