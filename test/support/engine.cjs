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

const { Workflow, NodeHelpers, createEmptyRunExecutionData } = require('n8n-workflow');
const { WorkflowExecute, ExecutionLifecycleHooks, ExecuteContext, PackageDirectoryLoader, DirectoryLoader, RoutingNode, WebhookContext, HookContext } = require('n8n-core');

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
		triggerNode: loader.nodeTypes.passwordResetTrigger.type,
		hookCredential: loader.credentialTypes.passwordResetHookApi.type,
	};
};
let loaded;
const loadedPackage = () => (loaded ??= loadPackage());

/**
 * The node and credential types an edition builds, as the shells build them (the built engine's
 * describe/), with what n8n's loader adds to a declarative node (Request Options).
 */
const editionTypes = (edition) => {
	const { nodeDescriptionOf } = require(path.join(root, 'dist/nodes/PasswordReset/describe/node.js'));
	const { credentialTypeOf } = require(path.join(root, 'dist/nodes/PasswordReset/describe/credential.js'));
	const node = { description: nodeDescriptionOf(edition) };
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	return { passwordResetNode: node, passwordResetCredential: credentialTypeOf(edition) };
};

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
 * `cancelAfterMs`: cancel the execution that long after it starts. `typeVersion`: the node's
 * version as a saved workflow has it (1 unless a test needs 1.1's defaults). `edition`: run the
 * node and credential another edition builds (describe/), in place of the package's.
 * @returns {{ output: object[], errorOutput: object[], error: object|undefined, run: object }}
 *   `output`/`errorOutput`: the node's items on its main and error outputs; `error`: what the
 *   node threw (On Error = Stop), as n8n stored it in the execution.
 */
async function runNode({ parameters, credential, items = [{}], onError, requestOptions, nodeSettings = {}, cancelAfterMs, typeVersion = 1, asToolType = false, edition }) {
	const { passwordResetNode, passwordResetCredential } = edition ? editionTypes(edition) : await loadedPackage();
	const credentialType = edition ? edition.credential.name : CREDENTIAL_TYPE;
	const inputType = inputNodeType(items);
	// `asToolType`: the node under the type name n8n gives a node used as an AI tool, which is how it tells a tool call.
	const nodeType = edition ? `${edition.packageName}.${edition.node.name}` : NODE_TYPE;
	const type = asToolType ? `${nodeType}Tool` : nodeType;
	const nodeTypes = {
		getByName: (name) => (name === type ? passwordResetNode : inputType),
		getByNameAndVersion: (name) => (name === type ? asN8nRunsIt(passwordResetNode) : inputType),
		getKnownTypes: () => ({}),
	};
	const nodes = [
		{ id: 'input', name: 'Input', type: 'test.input', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'reset',
			name: 'Password Reset',
			type,
			typeVersion,
			position: [200, 0],
			parameters: { resource: 'user', ...parameters, ...(requestOptions ? { requestOptions } : {}) },
			credentials: { [credentialType]: { id: 'cred-1', name: 'Password Reset test' } },
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

/** The node type n8n's CredentialsTester runs a credential's own declarative test on (its No Op). */
const noOpType = {
	description: { displayName: 'No Operation', name: 'noOp', group: ['organization'], version: 1, description: '', defaults: { name: 'No Operation' }, inputs: ['main'], outputs: ['main'], properties: [] },
};

/**
 * Runs the credential's declarative test (`ICredentialType.test`) as n8n's CredentialsTester
 * does (packages/cli, credentials-tester.service.ts, `runRequestTest`): a temporary node whose
 * one property routes the test's request, run by n8n-core's RoutingNode with the decrypted
 * credential (every field's default, then `values`), then the test's rules on an error status.
 * @returns {Promise<{status: 'OK'|'Error', message: string}>}
 */
async function testCredential(values) {
	const { passwordResetCredential } = await loadedPackage();
	const testRequest = passwordResetCredential.test;
	const data = credentialWithDefaults(passwordResetCredential, values);
	const node = { id: 'temp', name: 'Temp-Node', type: 'noOp', typeVersion: 1, position: [0, 0], parameters: {}, credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'test' } } };
	const nodeTypeCopy = {
		description: {
			...noOpType.description,
			credentials: [{ name: CREDENTIAL_TYPE, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' }],
		},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => nodeTypeCopy, getByNameAndVersion: () => nodeTypeCopy, getKnownTypes: () => ({}) },
	});
	const hooks = new ExecutionLifecycleHooks('internal', 'test-1', { id: 'wf-1', name: 'test', nodes: [node], connections: {} });
	const additionalData = additionalDataFor(passwordResetCredential, data, hooks);
	const executeData = { node, data: {}, source: null };
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', createEmptyRunExecutionData(), 0, [], { main: [[{ json: {} }]] }, executeData, []);
	let response;
	try {
		await workflow.expression.acquireIsolate?.();
		response = await new RoutingNode(context, nodeTypeCopy, { id: 'cred-1', name: 'test', type: CREDENTIAL_TYPE, data }).runNode();
	} catch (error) {
		if (error.cause?.response) {
			const status = error.cause.response.status;
			const rule = (testRequest.rules ?? []).find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === status);
			if (rule) return { status: 'Error', message: rule.properties.message };
			if (status < 199 || status > 299) return { status: 'Error', message: error.cause.response.statusText || `Received HTTP status code: ${status}` };
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: error.message.toString() };
	} finally {
		await workflow.expression.releaseIsolate?.();
	}
	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && lodashGet(response[0][0].json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

const lodashGet = (value, path) => path.split('.').reduce((entry, key) => entry?.[key], value);


/**
 * The Password Reset Trigger as n8n runs it, on n8n-core's own contexts: activation (HookContext,
 * the webhook methods n8n calls when a workflow is published) and one request (WebhookContext,
 * as n8n's webhook service calls the node). The request and response objects stand in for
 * Express's as n8n hands them over: `rawBody` as n8n's body parser leaves it, `status().json()`.
 * @returns {{ activation: {ok: boolean, error?: string}, response?: {status: number, body: unknown}, result?: object }}
 */
async function runTrigger({ parameters, secret, request }) {
	const { triggerNode, hookCredential } = await loadedPackage();
	const node = {
		id: 'trigger',
		name: 'Reset Message',
		type: `${PACKAGE_NAME}.passwordResetTrigger`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'hook-test',
		parameters: NodeHelpers.getNodeParameters(triggerNode.description.properties, parameters, true, false, null, null),
		credentials: { passwordResetHookApi: { id: 'hook-1', name: 'hook' } },
	};
	const nodeTypes = { getByName: () => triggerNode, getByNameAndVersion: () => triggerNode, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ id: 'wf-trigger', name: 'trigger test', nodes: [node], connections: {}, active: true, nodeTypes, settings: { executionOrder: 'v1' } });
	const hooks = new ExecutionLifecycleHooks('webhook', 'exec-1', { id: 'wf-trigger', name: 'test', nodes: [node], connections: {} });
	const additionalData = additionalDataFor(hookCredential, { secret }, hooks);
	const webhookData = { httpMethod: 'POST', node: node.name, path: 'hook-test/password-reset', webhookDescription: triggerNode.description.webhooks[0], workflowId: workflow.id, webhookId: 'hook-test' };
	const activationContext = new HookContext(workflow, node, additionalData, 'trigger', 'activate', webhookData);
	let activation;
	try {
		activation = { ok: await triggerNode.webhookMethods.default.create.call(activationContext) };
	} catch (error) {
		activation = { ok: false, error: error.message };
	}
	if (!request) return { activation };
	const rawBody = Buffer.from(request.body);
	const response = { status: 200, body: undefined };
	additionalData.httpRequest = { headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value])), rawBody, body: {}, method: 'POST' };
	additionalData.httpResponse = {
		status(code) {
			response.status = code;
			return this;
		},
		json(body) {
			response.body = body;
			return this;
		},
	};
	const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
	const result = await triggerNode.webhook.call(context);
	return { activation, result, response: result.noWebhookResponse ? response : undefined };
}

module.exports = { runTrigger, runNode, testCredential, loadedPackage, NODE_TYPE, userFolder };
