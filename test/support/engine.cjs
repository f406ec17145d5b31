'use strict';
/**
 * Runs the built Password Reset node through n8n's real engine (n8n-core's WorkflowExecute,
 * which hands a declarative node to RoutingNode), with a credentials helper that applies the
 * credential's `authenticate` the way n8n's CredentialsHelper does. Only HTTP is faked (nock).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// Before n8n-core loads: otherwise it writes ~/.n8n/config and later runs mismatch keys.
const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-test-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_ENCRYPTION_KEY = 'password-reset-test-key';
// n8n's own logger would print every Stop error; the secrets test captures what is logged itself.
process.env.N8N_LOG_LEVEL ??= 'silent';
// n8n builds proxy agents from the environment; nock must see the direct request.
for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ALL_PROXY', 'all_proxy']) {
	delete process.env[name];
}

const { Workflow, NodeHelpers } = require('n8n-workflow');
const {
	WorkflowExecute,
	ExecutionLifecycleHooks,
	CredentialTestContext,
	PackageDirectoryLoader,
	RoutingNode,
} = require('n8n-core');

const root = path.resolve(__dirname, '../..');
const { name: PACKAGE_NAME } = require(path.join(root, 'package.json'));
const NODE_TYPE = `${PACKAGE_NAME}.passwordReset`;
const CREDENTIAL_TYPE = 'passwordResetApi';

/**
 * The package as n8n loads a community package: from package.json's `n8n` section in dist/,
 * with what the loader adds (Request Options on a declarative node, resolved icon paths).
 */
const loadPackage = async () => {
	if (!fs.existsSync(path.join(root, 'dist'))) throw new Error('dist/ is missing: run "npm run build" first');
	const loader = new PackageDirectoryLoader(root);
	await loader.loadAll();
	return {
		passwordResetNode: loader.nodeTypes.passwordReset.type,
		passwordResetCredential: loader.credentialTypes[CREDENTIAL_TYPE].type,
	};
};
let loaded;
const loadedPackage = () => (loaded ??= loadPackage());

/**
 * The declarative node as n8n's NodeTypes hands it to the engine: with an `execute` that runs
 * RoutingNode on the node's ExecuteContext, which carries the execution's cancel signal.
 */
const asN8nRunsIt = (nodeType) =>
	Object.create(nodeType, {
		execute: {
			value: async function execute() {
				return (await new RoutingNode(this, nodeType).runNode()) ?? [];
			},
		},
	});

/** A plain programmatic node that emits the test's input items, as a real upstream node would. */
const inputNodeType = (items) => ({
	description: {
		displayName: 'Input',
		name: 'testInput',
		group: ['input'],
		version: 1,
		description: 'Emits the test input',
		defaults: { name: 'Input' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
	async execute() {
		return [items.map((json) => ({ json }))];
	},
});

/** n8n's CredentialsHelper.authenticate: a function is called; a generic object is resolved. */
const credentialsHelper = (passwordResetCredential, credentialData) => ({
	getParentTypes: () => [],
	isCredentialUsableByNode: () => true,
	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const { authenticate } = passwordResetCredential;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate) return requestOptions;
		const resolved = workflow.expression.getParameterValue(
			authenticate.properties, null, 0, 0, node.name, [], 'manual', { $credentials: credentials },
		);
		for (const [key, value] of Object.entries(resolved)) {
			requestOptions[key] = { ...(requestOptions[key] ?? {}), ...value };
		}
		return requestOptions;
	},
	async preAuthentication() {
		return undefined;
	},
	async runPreAuthentication() {
		return undefined;
	},
	async getDecrypted() {
		return { ...credentialData };
	},
	async getCredentials() {
		return {};
	},
	async updateCredentials() {},
	async updateCredentialsOauthTokenData() {},
	getCredentialsProperties: () => passwordResetCredential.properties,
});

const additionalDataFor = (credential, credentialData, hooks) => ({
	credentialsHelper: credentialsHelper(credential, credentialData),
	hooks,
	// Real URLs: n8n builds $resumeWebhookUrl-style keys from them for every expression.
	restApiUrl: 'http://localhost:5678/rest',
	instanceBaseUrl: 'http://localhost:5678',
	formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
	webhookBaseUrl: 'http://localhost:5678/webhook',
	webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
	webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
	currentNodeParameters: undefined,
	executionTimeoutTimestamp: undefined,
	userId: 'test-user',
	variables: {},
	logAiEvent: () => {},
	startRunnerTask: async () => {
		throw new Error('no task runner in tests');
	},
});

/** The credential as n8n stores it: every field's default, then the test's values. */
const credentialWithDefaults = (passwordResetCredential, values) => ({
	...NodeHelpers.getNodeParameters(passwordResetCredential.properties, values, true, false, null, null),
	...values,
});

/**
 * Runs Input → Password Reset in WorkflowExecute.
 * `cancelAfterMs`: cancel the execution that long after it starts.
 * @returns {{ output: object[], errorOutput: object[], error: object|undefined, run: object }}
 *   `output`/`errorOutput`: the node's items on its main and error outputs; `error`: what the
 *   node threw (On Error = Stop), as n8n stored it in the execution.
 */
async function runNode({ parameters, credential, items = [{}], onError, requestOptions, nodeSettings = {}, cancelAfterMs }) {
	const { passwordResetNode, passwordResetCredential } = await loadedPackage();
	const inputType = inputNodeType(items);
	const nodeTypes = {
		getByName: (type) => (type === NODE_TYPE ? passwordResetNode : inputType),
		getByNameAndVersion: (type) => (type === NODE_TYPE ? asN8nRunsIt(passwordResetNode) : inputType),
		getKnownTypes: () => ({}),
	};
	const nodes = [
		{ id: 'input', name: 'Input', type: 'test.input', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'reset',
			name: 'Password Reset',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: { resource: 'user', ...parameters, ...(requestOptions ? { requestOptions } : {}) },
			credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'Password Reset test' } },
			...(onError ? { onError } : {}),
			...nodeSettings,
		},
	];
	const workflow = new Workflow({
		id: 'wf-1',
		name: 'password reset test',
		nodes,
		connections: { Input: { main: [[{ node: 'Password Reset', type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', { id: 'wf-1', name: 'test', nodes, connections: {} });
	const additionalData = additionalDataFor(
		passwordResetCredential,
		credentialWithDefaults(passwordResetCredential, credential),
		hooks,
	);
	const execution = new WorkflowExecute(additionalData, 'manual');
	const running = execution.run({ workflow, startNode: workflow.getNode('Input') });
	// As n8n's Stop button does: the execution's cancel signal fires, the run goes on to its end.
	const cancel = cancelAfterMs === undefined ? undefined : setTimeout(() => running.cancel(), cancelAfterMs);
	const run = await running;
	clearTimeout(cancel);
	const task = run.data.resultData.runData['Password Reset']?.[0];
	return {
		output: task?.data?.main?.[0] ?? [],
		errorOutput: task?.data?.main?.[1] ?? [],
		error: task?.error,
		executionError: run.data.resultData.error,
		run,
	};
}

/**
 * Runs the credential's test the way n8n's CredentialsTester does for a credential a node tests
 * (`testedBy`): the node's `methods.credentialTest` function, called on n8n-core's own
 * CredentialTestContext with the decrypted credential (every field's default, then `values`).
 * @returns {Promise<{status: 'OK'|'Error', message: string}>}
 */
async function testCredential(values) {
	const { passwordResetNode, passwordResetCredential } = await loadedPackage();
	const { testedBy } = passwordResetNode.description.credentials.find((entry) => entry.name === CREDENTIAL_TYPE);
	const data = credentialWithDefaults(passwordResetCredential, values);
	const credential = { id: 'cred-1', name: 'test', type: CREDENTIAL_TYPE, data };
	return await passwordResetNode.methods.credentialTest[testedBy].call(new CredentialTestContext(), credential);
}

module.exports = { runNode, testCredential, loadedPackage, NODE_TYPE, userFolder };
