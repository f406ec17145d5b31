'use strict';
/**
 * The packed node inside a real n8n, for the real-instance suites: each `run` is one workflow
 * (Start → a Code node making the items → Password Reset) executed with `n8n execute`. Secrets
 * reach the node only by expression from the environment of that one command
 * (`{{ $env.RESET_TOKEN }}`, `{{ $env.NEW_PASSWORD }}`), so none is typed into anything n8n
 * stores, and `leaks()` searches n8n's whole user folder (its database, logs, settings) for every
 * secret afterwards. The credentials' file is written outside the folder and removed once imported.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { prepareN8n, codeFedWorkflow } = require('./realN8n.cjs');

const NODE_TYPE = 'n8n-nodes-password-reset.passwordReset';
const CREDENTIAL_TYPE = 'passwordResetApi';
/** The parameters that carry secrets, by expression from the command's environment. */
const SECRET_PARAMETERS = { resetToken: '={{ $env.RESET_TOKEN }}', newPassword: '={{ $env.NEW_PASSWORD }}' };

/**
 * @param {{ credentials: Record<string, object> }} settings each credential's data, by a name `run` refers to
 */
async function realNodeRunner({ credentials }) {
	const instance = prepareN8n({ logLevel: 'info', extraEnv: { N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false' } });
	const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-real-credentials-'));
	const file = path.join(outside, 'credentials.json');
	fs.writeFileSync(file, JSON.stringify(Object.entries(credentials).map(([name, data]) => ({ id: `real${name}`, name, type: CREDENTIAL_TYPE, data }))));
	const imported = await instance.n8n('import:credentials', `--input=${file}`);
	fs.rmSync(outside, { recursive: true, force: true });
	if (imported.status !== 0) throw new Error(`credential import failed: ${imported.stderr}`);
	let runs = 0;

	/**
	 * One execution. `parameters` are the node's (without the secrets); `secrets` the token and
	 * new password it gets by expression; `onError` n8n's setting (Continue unless told; `stop`);
	 * `typeVersion` the node's (1 unless told).
	 * @returns {Promise<{ output: object[], error?: object, outcome: string }>}
	 */
	const run = async ({ credential, parameters, secrets = {}, items = [{}], onError = 'continueRegularOutput', typeVersion = 1 }) => {
		const id = `realRun${++runs}`;
		const expressions = Object.fromEntries(Object.keys(secrets).map((name) => [name, SECRET_PARAMETERS[name]]));
		const workflow = codeFedWorkflow(id, `return ${JSON.stringify(items)}.map((json) => ({ json }));`, {
			name: 'Password Reset',
			type: NODE_TYPE,
			typeVersion,
			parameters: { resource: 'user', ...parameters, ...expressions },
			credentials: { [CREDENTIAL_TYPE]: { id: `real${credential}`, name: credential } },
			...(onError === 'stop' ? {} : { onError }),
		});
		const workflowFile = path.join(instance.userFolder, `${id}.json`);
		fs.writeFileSync(workflowFile, JSON.stringify(workflow));
		const importedWorkflow = await instance.n8n('import:workflow', `--input=${workflowFile}`);
		if (importedWorkflow.status !== 0) throw new Error(`${id}: import failed: ${importedWorkflow.stderr}`);
		const env = { RESET_TOKEN: secrets.resetToken ?? '', NEW_PASSWORD: secrets.newPassword ?? '' };
		const execution = await instance.execute(id, env);
		if (!execution.json) throw new Error(execution.diagnosis);
		const task = execution.json.data?.resultData?.runData?.['Password Reset']?.[0];
		const output = task?.data?.main?.[0] ?? [];
		const error = task?.error ?? execution.json.data?.resultData?.error;
		const first = output[0]?.json;
		const outcome = first ? (first.success ? 'success' : first.details?.errorCode ?? 'n8n error') : error ? `stopped: ${error.context?.errorCode ?? error.message}` : 'no output';
		return { output, error, outcome };
	};

	/**
	 * One Set Password with `credential`: `newPassword` by expression, the rest as parameters.
	 * @returns {Promise<object | string>} the item's json on a success, else its outcome (the error code)
	 */
	const setPassword = async (credential, { newPassword, ...parameters }) => {
		const result = await run({ credential, parameters: { operation: 'setPassword', ...parameters }, secrets: { newPassword } });
		const json = result.output[0]?.json;
		if (process.env.DEBUG_REAL && !json?.success) console.error(JSON.stringify(result.output), result.error);
		return json?.success ? json : result.outcome;
	};

	/** The names of `secrets` found anywhere in n8n's user folder (as bytes, in every file). */
	const leaks = (secrets) => {
		const files = [];
		const walk = (dir) => {
			for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
				const full = path.join(dir, entry.name);
				if (entry.isDirectory()) {
					// The installed packages are code, not anything n8n wrote.
					if (entry.name !== 'node_modules') walk(full);
				} else files.push(full);
			}
		};
		walk(instance.userFolder);
		const contents = files.map((file) => fs.readFileSync(file).toString('latin1'));
		return Object.entries(secrets)
			.filter(([, value]) => value && contents.some((text) => text.includes(value)))
			.map(([name]) => name);
	};

	return { run, setPassword, leaks, instance };
}

module.exports = { realNodeRunner };
