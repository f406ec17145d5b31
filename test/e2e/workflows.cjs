'use strict';
/**
 * The example workflows, built in one place: `npm run examples` writes them to examples/ with
 * example values, and the end-to-end suite imports the same workflows into a real n8n with the
 * sandbox's address and sentinel secrets.
 */
const { SANDBOX_SERVICES, SANDBOX_SCENARIOS } = require('../../sandbox/services/index.cjs');
const { EDITION: { profiles: SERVICE_PROFILES } } = require('../../dist/nodes/PasswordReset/edition');
/** The service whose two key formats the e2e suites try (its id and base path from its sandbox file). */
const SUPABASE = require('../../sandbox/services/supabase.cjs');

const NODE_TYPE = 'n8n-nodes-password-reset.passwordReset';
const CREDENTIAL_TYPE = 'passwordResetApi';

/** A workflow under construction: nodes in rows, connections by name. */
class WorkflowBuilder {
	constructor(id, name) {
		this.workflow = { id, name, nodes: [], connections: {}, settings: { executionOrder: 'v1' }, pinData: {}, active: false };
		this.row = 0;
		this.column = 0;
		this.add('Start', 'n8n-nodes-base.manualTrigger', 1, {});
	}

	add(name, type, typeVersion, parameters, extra = {}) {
		this.workflow.nodes.push({
			id: `${this.workflow.id}-${this.workflow.nodes.length}`,
			name,
			type,
			typeVersion,
			position: [this.column * 260, this.row * 200],
			parameters,
			...extra,
		});
		this.column += 1;
		return name;
	}

	connect(from, to, output = 0) {
		const outputs = (this.workflow.connections[from] ??= { main: [] }).main;
		while (outputs.length <= output) outputs.push([]);
		outputs[output].push({ node: to, type: 'main', index: 0 });
	}

	/** A chain of nodes on a new row, fed by Start. Each entry: [name, type, version, parameters, extra]. */
	chain(nodes) {
		this.row += 1;
		this.column = 1;
		let previous = 'Start';
		for (const [name, type, version, parameters, extra] of nodes) {
			this.add(name, type, version, parameters, extra);
			this.connect(previous, name);
			previous = name;
		}
	}
}

/** A Password Reset node; version 1 unless a workflow needs 1.1's defaults (the new-password check) or 1.2's failure items. */
const passwordReset = (name, credentialId, parameters, onError, typeVersion = 1) => [
	name,
	NODE_TYPE,
	typeVersion,
	{ resource: 'user', ...parameters },
	{ credentials: { [CREDENTIAL_TYPE]: { id: credentialId, name: credentialId } }, ...(onError ? { onError } : {}) },
];

const httpRequest = (name, method, url, jsonBody) => [
	name,
	'n8n-nodes-base.httpRequest',
	4.2,
	{
		method,
		url,
		...(jsonBody ? { sendBody: true, specifyBody: 'json', jsonBody: JSON.stringify(jsonBody) } : {}),
		options: {},
	},
];

/** The sandbox's plain scenario of each service (its documented mode), and each service's name as the node shows it. */
const SERVICE_SCENARIOS = SANDBOX_SCENARIOS.filter((scenario) => !scenario.mode);
const displayNameOf = (service) => SERVICE_PROFILES.find((profile) => profile.id === service).displayName;
const credentialIdOf = (key) => `sandbox${key[0].toUpperCase()}${key.slice(1)}`;

/** Credential ids the workflows reference: one per service, and the failure modes' own; `credentials()` gives their data. */
const CREDENTIAL_IDS = Object.fromEntries(
	[
		...SERVICE_SCENARIOS.map(({ service }) => service),
		'industrialIotAsDeployed',
		'wabotifyDown',
		'xanoRateLimited',
		'wibiclickWrongKey',
		'wabotifyWrongPath',
		'wabotifyAbsolutePath',
		'supabaseNewKeys',
	].map((key) => [key, credentialIdOf(key)]),
);

/** The SMTP server the help-desk flow sends through: the suite's sink, or an example host. */
const SMTP_CREDENTIAL_ID = 'exampleSmtp';

/** n8n's own SMTP credential for the Send Email nodes (no TLS: the suites' local sink on `port`). */
const smtpCredential = (port) => ({ id: SMTP_CREDENTIAL_ID, name: SMTP_CREDENTIAL_ID, type: 'smtp', data: { host: '127.0.0.1', port, secure: false, disableStartTls: true, user: '', password: '' } });

const credentials = ({ sandboxUrl, wibiclickApiKey, keys, smtpPort = 587 }) => {
	const entry = (key, service, path, data = {}) => ({
		id: CREDENTIAL_IDS[key],
		name: CREDENTIAL_IDS[key],
		type: CREDENTIAL_TYPE,
		data: { service, baseUrl: `${sandboxUrl}/${path}`, ...data },
	});
	const scenarioKeys = { ...keys, wibiclickApiKey };
	const basePathOf = (service) => SANDBOX_SERVICES.find((sandboxService) => sandboxService.id === service).basePath ?? '';
	return [
		...SERVICE_SCENARIOS.map(({ service, credential }) => entry(service, service, `${service}${basePathOf(service)}`, credential?.(scenarioKeys, sandboxUrl))),
		entry('industrialIotAsDeployed', 'industrialIot', 'industrialIot@as-deployed'),
		entry('wabotifyDown', 'wabotify', 'wabotify@down', { company: 'wabotify' }),
		entry('xanoRateLimited', 'xano', 'xano@rate-limited'),
		entry('wibiclickWrongKey', 'wibiclick', 'wibiclick', { apiKey: `${wibiclickApiKey}-wrong` }),
		// A Base URL with a path the API does not have: Express answers "Cannot POST …".
		entry('wabotifyWrongPath', 'wabotify', 'wabotify/v2', { company: 'wabotify' }),
		// A path override that is a whole address elsewhere: refused, nothing goes there.
		entry('wabotifyAbsolutePath', 'wabotify', 'wabotify', { company: 'wabotify', resetPath: 'http://127.0.0.1:9/steal' }),
		// Supabase's new key formats: the publishable key as the API key, the secret key for the admin route.
		entry('supabaseNewKeys', SUPABASE.id, `${SUPABASE.id}${SUPABASE.basePath}`, { apiKey: keys.supabasePublishableKey, supabaseServiceRoleKey: keys.supabaseSecretKey }),
		// n8n's own SMTP credential, for the help-desk flow's Send Email node.
		smtpCredential(smtpPort),
	];
};

const EMAIL = 'ada@example.com';

/** The services whose whole flow (send, outbox, reset, reuse) runs in n8n, and what a reused token gives when it is not a failure. */
const RESET_FLOW_SERVICES = SERVICE_SCENARIOS.filter((scenario) => scenario.reset !== 'not_supported' && !scenario.tokenFromSandbox).map(
	({ service, reuse }) => [service, displayNameOf(service), ...(reuse ? [reuse] : [])],
);

/** The services whose reset finishes on their own page: sent here, Reset Password refused. */
const SEND_ONLY_SERVICES = SERVICE_SCENARIOS.filter((scenario) => scenario.reset === 'not_supported' && scenario.send !== 'not_supported').map(({ service }) => [service, displayNameOf(service)]);

/**
 * Each seed service end to end: send a reset email, read the token from the sandbox outbox,
 * reset the password, reuse the token (fails; the node continues). Industrial IOT's send is
 * not possible in n8n, so the sandbox issues its token.
 */
const resetFlow = ({ sandboxUrl, newPassword }) => {
	const flow = new WorkflowBuilder('prResetFlow', 'Password Reset: seed services, send → reset → reuse');
	const outbox = (service) => `${sandboxUrl}/__sandbox/outbox?service=${service}&email=${EMAIL}`;
	const tokenFrom = (reader, path) => `={{ $('${reader}').item.json.${path} }}`;
	for (const [service, label] of RESET_FLOW_SERVICES) {
		const reset = { operation: 'resetPassword', email: EMAIL, resetToken: tokenFrom(`${label}: Read Outbox`, 'latest.token'), newPassword };
		flow.chain([
			passwordReset(`${label}: Send Reset Email`, CREDENTIAL_IDS[service], { operation: 'sendResetEmail', email: EMAIL }),
			httpRequest(`${label}: Read Outbox`, 'GET', outbox(service)),
			passwordReset(`${label}: Reset Password`, CREDENTIAL_IDS[service], reset),
			passwordReset(`${label}: Reuse Token`, CREDENTIAL_IDS[service], reset, 'continueRegularOutput'),
		]);
	}
	// Send only: the emailed link opens the service's own page.
	for (const [service, label] of SEND_ONLY_SERVICES) {
		flow.chain([
			passwordReset(`${label}: Send Reset Email`, CREDENTIAL_IDS[service], { operation: 'sendResetEmail', email: EMAIL }),
			passwordReset(`${label}: Reset Password`, CREDENTIAL_IDS[service], { operation: 'resetPassword', resetToken: 'from-the-email', newPassword }, 'continueRegularOutput'),
		]);
	}
	const reset = { operation: 'resetPassword', resetToken: tokenFrom('Industrial IOT: Issue Token', 'token'), newPassword };
	flow.chain([
		passwordReset('Industrial IOT: Send Reset Email', CREDENTIAL_IDS.industrialIot, { operation: 'sendResetEmail', email: EMAIL }, 'continueRegularOutput'),
		httpRequest('Industrial IOT: Issue Token', 'POST', `${sandboxUrl}/__sandbox/tokens`, { service: 'industrialIot', email: EMAIL }),
		passwordReset('Industrial IOT: Reset Password', CREDENTIAL_IDS.industrialIot, reset),
		passwordReset('Industrial IOT: Reuse Token', CREDENTIAL_IDS.industrialIot, reset, 'continueRegularOutput'),
	]);
	return flow.workflow;
};

/**
 * Failures under Continue and Continue (using error output): several items, each paired.
 * Items come from a Set node split into one item per entry.
 */
const failureModes = ({ sandboxUrl, newPassword }) => {
	const flow = new WorkflowBuilder('prFailureModes', 'Password Reset: failures and On Error modes');
	const itemsOf = (name, entries) => [
		[`${name}: Items`, 'n8n-nodes-base.set', 3.4, { mode: 'raw', jsonOutput: JSON.stringify({ entries }), options: {} }],
		[`${name}: Split`, 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'entries', options: {} }],
	];
	// Wabotify, error output: a good send, an unknown account (neutral), a malformed email, a weak password.
	flow.chain([
		...itemsOf('Wabotify sends', [{ email: EMAIL }, { email: 'nobody@example.com' }, { email: 'not-an-email' }]),
		passwordReset('Wabotify: Send (error output)', CREDENTIAL_IDS.wabotify, { operation: 'sendResetEmail', email: '={{ $json.email }}' }, 'continueErrorOutput', 1.2),
	]);
	// A node saved at version 1.1 keeps its {error, details} items, which n8n 2.x routes to the error output and 1.x does not.
	flow.chain([
		...itemsOf('Wabotify sends (1.1)', [{ email: EMAIL }, { email: 'not-an-email' }]),
		passwordReset('Wabotify: Send (error output, node 1.1)', CREDENTIAL_IDS.wabotify, { operation: 'sendResetEmail', email: '={{ $json.email }}' }, 'continueErrorOutput', 1.1),
	]);
	flow.chain([
		httpRequest('Wabotify: Issue Token', 'POST', `${sandboxUrl}/__sandbox/tokens`, { service: 'wabotify', email: 'grace@example.com' }),
		passwordReset('Wabotify: Weak Password', CREDENTIAL_IDS.wabotify, {
			operation: 'resetPassword',
			email: 'grace@example.com',
			resetToken: '={{ $json.token }}',
			newPassword: 'weak',
		}, 'continueErrorOutput', 1.2),
	]);
	// A Wabotify reset whose token does not matter: the answer is decided before it is read.
	const anyTokenReset = { operation: 'resetPassword', email: EMAIL, resetToken: 'any-token', newPassword };
	// Continue (regular output): one item out per item in, failures in place.
	flow.chain([
		...itemsOf('Xano resets', [{ code: 'no-such-code' }, { code: '' }]),
		passwordReset('Xano: Bad Codes', CREDENTIAL_IDS.xano, { operation: 'resetPassword', resetToken: '={{ $json.code }}', newPassword }, 'continueRegularOutput'),
	]);
	flow.chain([
		passwordReset('Xano: Reveal Unknown', CREDENTIAL_IDS.xano, {
			operation: 'sendResetEmail',
			email: 'nobody@example.com',
			options: { revealUnknownAccounts: true },
		}, 'continueRegularOutput'),
	]);
	flow.chain([
		passwordReset('Xano: Rate Limited', CREDENTIAL_IDS.xanoRateLimited, { operation: 'sendResetEmail', email: EMAIL }, 'continueRegularOutput'),
	]);
	flow.chain([
		passwordReset('Wabotify: Service Down', CREDENTIAL_IDS.wabotifyDown, anyTokenReset, 'continueRegularOutput'),
	]);
	flow.chain([
		httpRequest('Industrial IOT: Issue Token', 'POST', `${sandboxUrl}/__sandbox/tokens`, { service: 'industrialIot', email: 'grace@example.com' }),
		passwordReset('Industrial IOT: As Deployed', CREDENTIAL_IDS.industrialIotAsDeployed, {
			operation: 'resetPassword',
			resetToken: '={{ $json.token }}',
			newPassword,
		}, 'continueRegularOutput'),
	]);
	flow.chain([
		passwordReset('WibiClick: Wrong Key', CREDENTIAL_IDS.wibiclickWrongKey, { operation: 'sendResetEmail', email: EMAIL }, 'continueRegularOutput'),
	]);
	flow.chain([
		passwordReset('Wabotify: Absolute Reset Path', CREDENTIAL_IDS.wabotifyAbsolutePath, anyTokenReset, 'continueRegularOutput'),
	]);
	// n8n resolves every parameter before the node runs: its own error item, paired.
	flow.chain([
		passwordReset('Wabotify: Expression Error', CREDENTIAL_IDS.wabotify, {
			operation: 'sendResetEmail',
			email: "={{ $('No Such Node').item.json.email }}",
		}, 'continueRegularOutput'),
	]);
	// A wrong address is never "sent", for a known or an unknown email.
	flow.chain([
		...itemsOf('Wabotify wrong path', [{ email: EMAIL }, { email: 'nobody@example.com' }]),
		passwordReset('Wabotify: Wrong Path', CREDENTIAL_IDS.wabotifyWrongPath, { operation: 'sendResetEmail', email: '={{ $json.email }}' }, 'continueRegularOutput'),
	]);
	return flow.workflow;
};

/** On Error = Stop: the execution fails on the node, with a safe error. */
const stopOnError = ({ newPassword }) => {
	const flow = new WorkflowBuilder('prStopOnError', 'Password Reset: On Error = Stop');
	flow.chain([
		passwordReset('WibiClick: Bad Token', CREDENTIAL_IDS.wibiclick, {
			operation: 'resetPassword',
			resetToken: 'not-a-real-token',
			newPassword,
		}),
	]);
	return flow.workflow;
};

/**
 * On Error = Stop with an expression n8n cannot resolve: the error is n8n's, raised before the
 * node runs, and it stores the node's parameters as typed. The token and password come by
 * expression from the item, as the README advises, so the stored error holds no secret.
 */
const expressionErrorStop = ({ newPassword }) => {
	const flow = new WorkflowBuilder('prExpressionErrorStop', 'Password Reset: an expression error under Stop');
	flow.chain([
		['Reset Input', 'n8n-nodes-base.set', 3.4, { mode: 'raw', jsonOutput: JSON.stringify({ token: 'any-token', password: newPassword }), options: {} }],
		passwordReset('Wabotify: Expression Error (Stop)', CREDENTIAL_IDS.wabotify, {
			operation: 'resetPassword',
			email: "={{ $('No Such Node').item.json.email }}",
			resetToken: '={{ $json.token }}',
			newPassword: '={{ $json.password }}',
		}),
	]);
	return flow.workflow;
};

/**
 * The node as an AI agent's tool, called three times in one execution by n8n's Tool Executor (an
 * agent without a model): the same email twice, then another. A run is the agent's whole
 * execution, so the second call is answered as a duplicate, not mailed again.
 */
const agentTool = () => {
	const flow = new WorkflowBuilder('prAgentTool', 'Password Reset: as an AI tool, called three times');
	const call = (name, email) => [name, '@n8n/n8n-nodes-langchain.toolExecutor', 1, { query: JSON.stringify({ SendResetTool: { email } }), toolName: '' }];
	flow.chain([call('Agent Call 1', EMAIL), call('Agent Call 2', EMAIL), call('Agent Call 3', 'grace@example.com')]);
	flow.add('SendResetTool', `${NODE_TYPE}Tool`, 1, {
		resource: 'user',
		operation: 'sendResetEmail',
		email: "={{ $fromAI('email', 'The email address of the account to reset', 'string') }}",
	}, { credentials: { [CREDENTIAL_TYPE]: { id: CREDENTIAL_IDS.wabotify, name: CREDENTIAL_IDS.wabotify } } });
	for (const caller of ['Agent Call 1', 'Agent Call 2', 'Agent Call 3']) {
		(flow.workflow.connections.SendResetTool ??= { ai_tool: [[]] }).ai_tool[0].push({ node: caller, type: 'ai_tool', index: 0 });
	}
	return flow.workflow;
};

/** A Code node that returns `items` (a list of json objects) as the run's items. */
const codeItems = (name, itemsCode) => [name, 'n8n-nodes-base.code', 2, { jsCode: `return ${itemsCode}.map((json) => ({ json }));` }];

/** Mapping Mode = Map Input Fields by Name, with a run's limits for a bulk list. */
const mapped = (operation, fields = {}, options = {}) => ({ operation, mappingMode: 'autoMapInputData', ...fields, options });

/**
 * After a breach: reset emails for a whole list, each item's `email` field read by name (no
 * expression per item, the fastest way). Max Reset Emails Per Run is raised to the list's size
 * (the default, 100, guards against a mis-wired list); the same address twice is mailed once,
 * and an unknown one gets the same neutral answer as a known one. Continue keeps every item.
 */
const bulkSendResetEmail = () => {
	const flow = new WorkflowBuilder('prBulkSendResetEmail', 'Password Reset: bulk reset emails, fields mapped by name');
	flow.chain([
		codeItems('Accounts to Reset', JSON.stringify([{ email: EMAIL }, { email: 'grace@example.com' }, { email: 'nobody@example.com' }, { email: 'ADA@example.com' }])),
		passwordReset('Send Reset Emails', CREDENTIAL_IDS.pocketbase, mapped('sendResetEmail', {}, { maxSendsPerRun: 5000, maxConcurrentRequests: 20 }), 'continueRegularOutput'),
	]);
	return flow.workflow;
};

/**
 * A help desk sends the reset link in its own email: Create Reset Link (Okta's, here) → n8n's
 * Send Email over SMTP → the user opens the link and sets the password on the service's page.
 * The link opens the account to whoever holds it: the workflow keeps no successful execution,
 * so the link is never stored, and a failed link stops the run before any email goes out.
 */
const helpDeskResetLink = () => {
	const flow = new WorkflowBuilder('prHelpDeskResetLink', 'Password Reset: a reset link in your own email (Create Reset Link → Send Email)');
	flow.workflow.settings = { ...flow.workflow.settings, saveDataSuccessExecution: 'none', saveManualExecutions: false };
	flow.chain([
		codeItems('Who Asked', JSON.stringify([{ email: EMAIL, name: 'Ada' }])),
		passwordReset('Create Reset Link', CREDENTIAL_IDS.okta, { operation: 'createResetLink', email: '={{ $json.email }}' }, undefined, 1.1),
		[
			'Email the Link',
			'n8n-nodes-base.emailSend',
			2.1,
			{
				fromEmail: 'help@example.com',
				toEmail: "={{ $('Who Asked').item.json.email }}",
				subject: 'Reset your password',
				emailFormat: 'text',
				text: "=Hi {{ $('Who Asked').item.json.name }},\n\nOpen this link to choose a new password:\n{{ $json.resetLink }}\n\nIt works once. If you did not ask for it, ignore this email.",
				options: {},
			},
			{ credentials: { smtp: { id: SMTP_CREDENTIAL_ID, name: SMTP_CREDENTIAL_ID } } },
		],
	]);
	return flow.workflow;
};

/**
 * The help desk's other answer: a temporary password the service makes the user change at the
 * next sign-in. The node generates it (Password to Set → Generate a Temporary Password), sets it
 * and outputs it once as temporaryPassword; Send Email delivers it. The workflow keeps no
 * successful execution (the item holds the password), and a failure item never holds it.
 */
const helpDeskTemporaryPassword = () => {
	const flow = new WorkflowBuilder('prHelpDeskTemporaryPassword', 'Password Reset: a temporary password in your own email (Set Password → Send Email)');
	flow.workflow.settings = { ...flow.workflow.settings, saveDataSuccessExecution: 'none', saveManualExecutions: false };
	flow.chain([
		codeItems('Ticket', JSON.stringify([{ email: EMAIL, name: 'Ada' }])),
		passwordReset('Set a Temporary Password', CREDENTIAL_IDS.okta, { operation: 'setPassword', email: '={{ $json.email }}', passSource: 'generated' }, undefined, 1.2),
		[
			'Email the Password',
			'n8n-nodes-base.emailSend',
			2.1,
			{
				fromEmail: 'help@example.com',
				toEmail: "={{ $('Ticket').item.json.email }}",
				subject: 'Your temporary password',
				emailFormat: 'text',
				text: "=Hi {{ $('Ticket').item.json.name }},\n\nSign in with this temporary password:\n{{ $json.temporaryPassword }}\n\nYou will be asked to choose your own right away. If you did not ask for it, tell us.",
				options: {},
			},
			{ credentials: { smtp: { id: SMTP_CREDENTIAL_ID, name: SMTP_CREDENTIAL_ID } } },
		],
	]);
	return flow.workflow;
};

/** The services whose sandbox plays an admin link call. */
/** An unknown email on an admin call: `user_not_found`, or what the scenario says its service answers (FusionAuth's empty 404). */
const unknownAccountOf = (scenario) => scenario.unknownAccount ?? 'user_not_found';

const LINK_SERVICES = SERVICE_SCENARIOS.filter((scenario) => scenario.link).map((scenario) => [scenario.service, displayNameOf(scenario.service), unknownAccountOf(scenario)]);

/**
 * Create Reset Link on every service that has it (a known email, an unknown one), and on one
 * that has not (PocketBase: not_supported before any request). Under Continue, so each shows.
 */
const resetLinks = () => {
	const flow = new WorkflowBuilder('prResetLinks', 'Password Reset: Create Reset Link on each service');
	for (const [service, label] of LINK_SERVICES) {
		flow.chain([
			// Grace: the help-desk flow's link for Ada stays the newest, for the browser to open afterwards.
			passwordReset(`${label}: Create Reset Link`, CREDENTIAL_IDS[service], { operation: 'createResetLink', email: 'grace@example.com' }, 'continueRegularOutput', 1.1),
			passwordReset(`${label}: Unknown Email`, CREDENTIAL_IDS[service], { operation: 'createResetLink', email: 'nobody@example.com' }, 'continueRegularOutput', 1.1),
		]);
	}
	flow.chain([passwordReset('PocketBase: Create Reset Link', CREDENTIAL_IDS.pocketbase, { operation: 'createResetLink', email: EMAIL }, 'continueRegularOutput', 1.1)]);
	flow.chain([
		passwordReset('Supabase (new keys): Send Reset Email', CREDENTIAL_IDS.supabaseNewKeys, { operation: 'sendResetEmail', email: 'grace@example.com' }, 'continueRegularOutput', 1.2),
		passwordReset('Supabase (new keys): Create Reset Link', CREDENTIAL_IDS.supabaseNewKeys, { operation: 'createResetLink', email: 'grace@example.com' }, 'continueRegularOutput', 1.2),
	]);
	return flow.workflow;
};

/** The services whose sandbox plays Set Password's admin calls. */
const SET_PASSWORD_SERVICES = SERVICE_SCENARIOS.filter((scenario) => scenario.setPassword).map((scenario) => [scenario.service, displayNameOf(scenario.service), unknownAccountOf(scenario)]);
const setPasswordEffects = (service) => SERVICE_PROFILES.find((profile) => profile.id === service).operations.setPassword?.effects;
/**
 * Set Password's option cases, each the first service that fits (from the profiles): one with
 * both options (a temporary password, a sign-out it asks for), one without Require Change, one
 * with no admin set at all.
 */
const SET_PASSWORD_CASES = {
	bothOptions: SET_PASSWORD_SERVICES.find(([service]) => setPasswordEffects(service)?.requireChange && setPasswordEffects(service).otherSessions === 'onRequest'),
	noRequireChange: SET_PASSWORD_SERVICES.find(([service]) => !setPasswordEffects(service)?.requireChange),
	noSet: SERVICE_SCENARIOS.map(({ service }) => [service, displayNameOf(service)]).find(([service]) => !SERVICE_PROFILES.find((profile) => profile.id === service).operations.setPassword),
};

/**
 * Set Password on every service that has it (Grace, and an unknown email), then the option cases
 * (`SET_PASSWORD_CASES`): a temporary password with a sign-out, Require Change where there is none
 * (not_supported), a service with no admin set. Node 1.1, so the new password is checked first. Under Continue.
 */
const setPasswords = ({ newPassword }) => {
	const flow = new WorkflowBuilder('prSetPasswords', 'Password Reset: Set Password on each service');
	const set = (name, service, email, options = {}) =>
		passwordReset(name, CREDENTIAL_IDS[service], { operation: 'setPassword', email, newPassword, options }, 'continueRegularOutput', 1.1);
	for (const [service, label] of SET_PASSWORD_SERVICES) {
		flow.chain([set(`${label}: Set Password`, service, 'grace@example.com'), set(`${label}: Set, Unknown Email`, service, 'nobody@example.com')]);
	}
	const { bothOptions, noRequireChange, noSet } = SET_PASSWORD_CASES;
	flow.chain([
		set(`${bothOptions[1]}: Temporary Password`, bothOptions[0], EMAIL, { requireChange: true, signOutOthers: true }),
		set(`${noRequireChange[1]}: Require Change`, noRequireChange[0], EMAIL, { requireChange: true }),
		set(`${noSet[1]}: Set Password`, noSet[0], EMAIL),
	]);
	return flow.workflow;
};

/** The breached passwords the sandbox's range API knows, and one it does not. */
const PASSWORD_CHECK_ITEMS = [
	{ email: EMAIL, newPassword: 'correct horse battery staple' },
	{ email: EMAIL, newPassword: 'Short-pw-1' },
	{ email: 'ada.lovelace@example.com', newPassword: 'lovelace-was-here-1843' },
	{ email: EMAIL, newPassword: 'violet-harbor-lantern-42' },
];

/** The account whose reset the breached password is refused on: a service no other flow resets Grace on. */
const BREACHED_RESET_ACCOUNT = { service: 'wibiclick', email: 'grace@example.com' };

/**
 * Check New Password in real n8n (node 1.1, the breached-password check on, against the
 * sandbox's range API): each item's reason, then Reset Password refusing a breached password
 * before it sends (the sandbox account keeps its password), and a range API that is down.
 */
const passwordChecks = ({ sandboxUrl }) => {
	const flow = new WorkflowBuilder('prPasswordChecks', 'Password Reset: Check New Password');
	const breached = { checkBreached: true, breachApiUrl: `${sandboxUrl}/pwnedpasswords` };
	flow.chain([
		codeItems('Check: Passwords', JSON.stringify(PASSWORD_CHECK_ITEMS)),
		passwordReset('Check New Password', CREDENTIAL_IDS.wabotify, mapped('checkPassword', {}, breached), 'continueRegularOutput', 1.1),
	]);
	// With a real token: had the password been sent, the reset would have worked.
	const { service, email } = BREACHED_RESET_ACCOUNT;
	flow.chain([
		passwordReset('Check: Send the Email', CREDENTIAL_IDS[service], { operation: 'sendResetEmail', email }),
		httpRequest('Check: Read Outbox', 'GET', `${sandboxUrl}/__sandbox/outbox?service=${service}&email=${email}`),
		passwordReset(
			'Check: Reset With a Breached One',
			CREDENTIAL_IDS[service],
			{ operation: 'resetPassword', resetToken: "={{ $('Check: Read Outbox').item.json.latest.token }}", newPassword: 'correct horse battery staple', options: breached },
			'continueRegularOutput',
			1.1,
		),
	]);
	const reset = { operation: 'resetPassword', email: 'grace@example.com', resetToken: 'unused-token', newPassword: 'correct horse battery staple' };
	flow.chain([
		passwordReset(
			'Check: Range API Down',
			CREDENTIAL_IDS.wabotify,
			{ ...reset, newPassword: 'violet-harbor-lantern-42', options: { ...breached, breachApiUrl: `${sandboxUrl}/pwnedpasswords@down` } },
			'continueRegularOutput',
			1.1,
		),
	]);
	return flow.workflow;
};

/**
 * A reset in Mapping Mode: the token and the new password come from the item's fields (here a
 * Code node puts the outbox's token and the password there), never from a node parameter.
 */
const mappedReset = ({ sandboxUrl, newPassword }) => {
	const flow = new WorkflowBuilder('prMappedReset', 'Password Reset: Reset Password with fields mapped by name');
	flow.chain([
		passwordReset('Mapped: Send Reset Email', CREDENTIAL_IDS.wabotify, { operation: 'sendResetEmail', email: 'grace@example.com' }),
		httpRequest('Mapped: Read Outbox', 'GET', `${sandboxUrl}/__sandbox/outbox?service=wabotify&email=grace@example.com`),
		codeItems('Mapped: Reset Fields', `[{ email: 'grace@example.com', link: { token: $input.first().json.latest.token }, password: ${JSON.stringify(newPassword)} }]`),
		passwordReset('Mapped: Reset Password', CREDENTIAL_IDS.wabotify, mapped('resetPassword', { resetCodeField: 'link.token', newPassField: 'password' })),
	]);
	return flow.workflow;
};

/**
 * n8n's own errors before the node's code runs store the node's parameters in the execution:
 * in Mapping Mode those hold field names only. Under Continue and under Stop (a workflow each,
 * as Stop ends the execution): an expression in another parameter that fails, and a proxy n8n
 * cannot parse. The items carry a token and the new password.
 */
const N8N_ERRORS = {
	expression: { options: { maxConcurrentRequests: "={{ $('No Such Node').item.json.limit }}" } },
	proxy: { requestOptions: { proxy: 'not a proxy' } },
};
const mappedN8nErrors = (id, onError, causes) => ({ newPassword, resetToken }) => {
	const flow = new WorkflowBuilder(id, `Password Reset: n8n's own errors in Mapping Mode (${onError ?? 'Stop'})`);
	for (const cause of causes) {
		const { options = {}, ...rest } = N8N_ERRORS[cause];
		const name = `Mapped: ${cause} error`;
		flow.chain([
			codeItems(`${name}: Items`, JSON.stringify([{ email: EMAIL, token: resetToken, newPassword }])),
			passwordReset(name, CREDENTIAL_IDS.wabotify, { ...mapped('resetPassword', {}, options), ...rest }, onError),
		]);
	}
	return flow.workflow;
};
/** The workflows above, by what they are run under. */
const MAPPED_N8N_ERRORS = {
	mappedErrorsContinue: mappedN8nErrors('prMappedErrorsContinue', 'continueRegularOutput', ['expression', 'proxy']),
	mappedErrorsStopExpression: mappedN8nErrors('prMappedErrorsStopExpression', undefined, ['expression']),
	mappedErrorsStopProxy: mappedN8nErrors('prMappedErrorsStopProxy', undefined, ['proxy']),
};

/** The form's address: `<n8n>/form/reset-password`. */
const RESET_FORM_PATH = 'reset-password';

/** Copy for the people who use the form: what went wrong, by error code, never a service's own words. */
const RESET_PAGE_MESSAGES = {
	sendFailed: {
		invalid_input: 'That does not look like an email address.',
		rate_limited: 'Too many reset requests right now. Wait a few minutes, then try again.',
	},
	resetFailed: {
		invalid_or_expired_token: 'That code is wrong, has expired or was already used.',
		weak_password: 'That password is too weak. Choose a longer one.',
		password_reused: 'Choose a password you have not used before.',
		passwords_mismatch: 'The passwords do not match.',
		unknown_outcome: 'We could not confirm the change. Try signing in with the new password; if that fails, ask for a new email.',
		password_check_unavailable: 'We could not check your new password just now. Try again in a few minutes.',
	},
	/** Check New Password's reasons (`details.passwordProblem`): they come before the code's message. */
	passwordRefused: {
		too_short: 'Use at least 15 characters: a few unrelated words make a strong password.',
		context_word: "Do not use your name, your email address or this site's name in your password.",
		common: 'That is one of the most common passwords. Choose another.',
		breached: 'That password has appeared in data breaches, so attackers try it first. Choose another.',
	},
	otherwise: 'Something went wrong on our side. Try again in a few minutes.',
};

/**
 * How long a run waits for a page before it goes on without it. A run waiting to show its last
 * page holds the form's answers (the new password) in n8n's database: if the browser never
 * comes back for it (a closed tab), the run still ends, and is deleted, after 5 minutes.
 */
const waitAtMost = (amount, unit) => ({ limitWaitTime: true, limitType: 'afterTimeInterval', resumeAmount: amount, resumeUnit: unit });

/** A completion page whose message is chosen by the failed item's error code (or first by a refused password's reason). */
const failurePage = (title, messages, reasons = {}) => ({
	operation: 'completion',
	respondWith: 'text',
	...waitAtMost(5, 'minutes'),
	completionTitle: title,
	// The link starts the form again (a path on this n8n: the page is served from it).
	completionMessage: `={{ (${JSON.stringify(reasons)})[$json.details?.passwordProblem] ?? (${JSON.stringify(messages)})[$json.details?.errorCode] ?? ${JSON.stringify(RESET_PAGE_MESSAGES.otherwise)} }}<br><br><a href="/form/${RESET_FORM_PATH}">Ask for a new email</a>`,
	options: { appendAttribution: false },
});

const succeeded = (id) => ({
	conditions: {
		options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
		conditions: [{ id, leftValue: '={{ $json.success }}', rightValue: '', operator: { type: 'boolean', operation: 'true', singleValue: true } }],
		combinator: 'and',
	},
	looseTypeValidation: true,
	options: {},
});

/**
 * A self-service reset page for any back end the credential names, on n8n's own forms: ask for
 * the email → Send Reset Email → the neutral "check your inbox" page, which asks for the code and
 * a new password → Reset Password → a success page, or one that says what went wrong and links
 * back to the start. Reset Password (node 1.1) checks the new password first, breached passwords
 * included (Have I Been Pwned's range API, or `rangeApiUrl`): a refused one is never sent, the
 * code stays unused, and the page says why. Its settings keep no execution data: the new
 * password is never stored.
 */
const selfServiceReset = ({ rangeApiUrl } = {}) => {
	const id = 'prSelfServiceReset';
	const node = (name, type, typeVersion, position, parameters, extra = {}) => ({ id: `${id}-${name.replace(/\W/g, '')}`, name, type, typeVersion, position, parameters, ...extra });
	const credential = { credentials: { [CREDENTIAL_TYPE]: { id: CREDENTIAL_IDS.supabase, name: CREDENTIAL_IDS.supabase } }, onError: 'continueRegularOutput' };
	const page = { appendAttribution: false };
	const nodes = [
		node('Ask for Email', 'n8n-nodes-base.formTrigger', 2.5, [0, 0], {
			formTitle: 'Reset your password',
			formDescription: 'Enter the email address of your account. We will send it a code.',
			formFields: { values: [{ fieldLabel: 'Email', fieldName: 'email', fieldType: 'email', placeholder: 'name@example.com', requiredField: true }] },
			options: { ...page, path: RESET_FORM_PATH, buttonLabel: 'Send me a code' },
		}, { webhookId: '7d3f5c1e-2b8a-4c6d-9e0f-1a2b3c4d5e6f' }),
		node('Send Reset Email', NODE_TYPE, 1, [260, 0], { resource: 'user', operation: 'sendResetEmail', email: '={{ $json.email }}' }, credential),
		node('Sent?', 'n8n-nodes-base.if', 2.2, [520, 0], succeeded('sent')),
		node('Check Your Inbox', 'n8n-nodes-base.form', 2.5, [780, -100], {
			operation: 'page',
			// Reset codes expire within the hour on most services.
			...waitAtMost(1, 'hours'),
			formFields: {
				values: [
					{ fieldLabel: 'Code from the email', fieldName: 'code', fieldType: 'text', requiredField: true },
					{ fieldLabel: 'New password', fieldName: 'newPassword', fieldType: 'password', requiredField: true },
				],
			},
			options: {
				...page,
				formTitle: 'Check your inbox',
				formDescription: 'If an account exists for that address, we sent it a code. Enter it with your new password.',
				buttonLabel: 'Set new password',
			},
		}),
		node('Send Failed', 'n8n-nodes-base.form', 2.5, [780, 100], failurePage('We could not send the email', RESET_PAGE_MESSAGES.sendFailed)),
		node('Reset Password', NODE_TYPE, 1.1, [1040, -100], {
			resource: 'user',
			operation: 'resetPassword',
			email: "={{ $('Ask for Email').first().json.email }}",
			resetToken: '={{ $json.code }}',
			newPassword: '={{ $json.newPassword }}',
			options: { checkBreached: true, ...(rangeApiUrl ? { breachApiUrl: rangeApiUrl } : {}) },
		}, credential),
		node('Changed?', 'n8n-nodes-base.if', 2.2, [1300, -100], succeeded('changed')),
		node('Password Changed', 'n8n-nodes-base.form', 2.5, [1560, -200], {
			operation: 'completion',
			respondWith: 'text',
			...waitAtMost(5, 'minutes'),
			completionTitle: 'Your password has been changed',
			completionMessage: 'You can sign in with your new password now.',
			options: page,
		}),
		node('Reset Failed', 'n8n-nodes-base.form', 2.5, [1560, 0], failurePage('Your password was not changed', RESET_PAGE_MESSAGES.resetFailed, RESET_PAGE_MESSAGES.passwordRefused)),
	];
	const to = (...names) => ({ main: names.map((name) => (name ? [{ node: name, type: 'main', index: 0 }] : [])) });
	return {
		id,
		name: 'Password Reset: self-service reset page (n8n Form)',
		nodes,
		connections: {
			'Ask for Email': to('Send Reset Email'),
			'Send Reset Email': to('Sent?'),
			'Sent?': to('Check Your Inbox', 'Send Failed'),
			'Check Your Inbox': to('Reset Password'),
			'Reset Password': to('Changed?'),
			'Changed?': to('Password Changed', 'Reset Failed'),
		},
		// Nothing of a run is kept: the form carries the new password through the execution.
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'none', saveDataErrorExecution: 'none', saveManualExecutions: false, saveExecutionProgress: false },
		pinData: {},
		active: false,
	};
};

/**
 * One call of a Password Reset tool through n8n's Tool Executor, which needs no model: `query`
 * is what a model would pass the tool, `parameters` the tool node's.
 */
const oneToolCall = (id, name, { toolName, query, parameters, credentialId, typeVersion = 1 }) => {
	const flow = new WorkflowBuilder(id, name);
	flow.chain([['Agent Call', '@n8n/n8n-nodes-langchain.toolExecutor', 1, { query: JSON.stringify({ [toolName]: query }), toolName: '' }]]);
	flow.add(toolName, `${NODE_TYPE}Tool`, typeVersion, { resource: 'user', ...parameters }, { credentials: { [CREDENTIAL_TYPE]: { id: credentialId, name: credentialId } } });
	flow.workflow.connections[toolName] = { ai_tool: [[{ node: 'Agent Call', type: 'ai_tool', index: 0 }]] };
	return flow.workflow;
};

/** A Create Reset Link tool: refused before anything is sent, whatever the model asks (the link would pass through it). */
const agentToolLinkRefusal = () =>
	oneToolCall('prAgentToolLinkRefusal', 'Password Reset: a Create Reset Link tool', {
		toolName: 'LinkTool',
		query: { email: EMAIL },
		parameters: { operation: 'createResetLink', email: "={{ $fromAI('email', 'The email address of the account', 'string') }}" },
		credentialId: CREDENTIAL_IDS.okta,
		typeVersion: 1.1,
	});

/** A Set Password tool (the password typed in the node, the email from the model): refused before anything is sent. */
const agentToolSetRefusal = ({ newPassword }) =>
	oneToolCall('prAgentToolSetRefusal', 'Password Reset: a Set Password tool', {
		toolName: 'SetTool',
		query: { email: EMAIL },
		parameters: { operation: 'setPassword', email: "={{ $fromAI('email', 'The email address of the account', 'string') }}", newPassword },
		credentialId: CREDENTIAL_IDS[SET_PASSWORD_SERVICES[0][0]],
		typeVersion: 1.1,
	});

/** A builder who lets the model fill the new password and the token: refused before anything is sent. */
const agentToolRefusal = () =>
	oneToolCall('prAgentToolRefusal', 'Password Reset: a tool whose password the model fills', {
		toolName: 'ResetTool',
		query: { token: 'model-token', password: 'Model-chosen-pw-1' },
		parameters: {
			operation: 'resetPassword',
			resetToken: "={{ $fromAI('token', 'The code from the email', 'string') }}",
			newPassword: "={{ $fromAI('password', 'The new password', 'string') }}",
		},
		credentialId: CREDENTIAL_IDS.wibiclick,
	});

/** A tool in Mapping Mode: a tool call has no input item to read fields from, so it is refused, nothing sent. */
const agentToolMapped = () =>
	oneToolCall('prAgentToolMapped', 'Password Reset: a tool in Mapping Mode', {
		toolName: 'MappedTool',
		query: { email: EMAIL },
		parameters: mapped('sendResetEmail'),
		credentialId: CREDENTIAL_IDS.wabotify,
	});

/**
 * A support chat that can send a reset email: an AI Agent with the node as its tool. The model
 * fills only the email; the builder fixes everything else (see the README's AI-agent section).
 * Add an OpenAI credential to the model node to chat with it. The tool itself is run in the e2e
 * suite through n8n's Tool Executor (agentTool), which needs no model.
 */
const aiAgentTool = () => {
	const id = 'prAiAgentTool';
	const node = (name, type, typeVersion, position, parameters, extra = {}) => ({ id: `${id}-${name.replace(/\W/g, '')}`, name, type, typeVersion, position, parameters, ...extra });
	return {
		id,
		name: 'Password Reset: an AI agent that sends reset emails',
		nodes: [
			node('Chat', '@n8n/n8n-nodes-langchain.chatTrigger', 1.1, [0, 0], { options: {} }, { webhookId: '2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a2b3c4d' }),
			node('Support Agent', '@n8n/n8n-nodes-langchain.agent', 3.1, [260, 0], {
				options: {
					systemMessage:
						'You help users who cannot sign in. When a user asks to reset their password, call the Send Reset Email tool with the email address they give. Never ask for, choose or repeat a password or a reset code. Tell them: if an account exists for that address, an email is on its way.',
				},
			}),
			node('OpenAI Chat Model', '@n8n/n8n-nodes-langchain.lmChatOpenAi', 1.2, [200, 220], { model: { __rl: true, mode: 'list', value: 'gpt-4.1-mini' }, options: {} }),
			node('Send Reset Email Tool', `${NODE_TYPE}Tool`, 1, [420, 220], {
				resource: 'user',
				operation: 'sendResetEmail',
				email: "={{ $fromAI('email', 'The email address the user gave for their account', 'string') }}",
			}, { credentials: { [CREDENTIAL_TYPE]: { id: CREDENTIAL_IDS.supabase, name: CREDENTIAL_IDS.supabase } } }),
		],
		connections: {
			Chat: { main: [[{ node: 'Support Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: 'Support Agent', type: 'ai_languageModel', index: 0 }]] },
			'Send Reset Email Tool': { ai_tool: [[{ node: 'Support Agent', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
};

/**
 * The examples run by `n8n execute`. The form example runs in a browser (test/e2e/form.cjs); the
 * agent example needs a model, so its tool runs on its own (agentTool).
 */
const EXECUTED_EXAMPLES = { resetFlow, failureModes, stopOnError, bulkSendResetEmail, helpDeskResetLink, helpDeskTemporaryPassword };
const WORKFLOWS = { ...EXECUTED_EXAMPLES, selfServiceReset, aiAgentTool };
/** Workflows the e2e suite runs that make no example. */
const E2E_WORKFLOWS = {
	...EXECUTED_EXAMPLES,
	expressionErrorStop,
	agentTool,
	agentToolRefusal,
	agentToolMapped,
	agentToolLinkRefusal,
	agentToolSetRefusal,
	mappedReset,
	passwordChecks,
	resetLinks,
	setPasswords,
	...MAPPED_N8N_ERRORS,
};

module.exports = { smtpCredential, SMTP_CREDENTIAL_ID, WORKFLOWS, E2E_WORKFLOWS, selfServiceReset, credentials, CREDENTIAL_IDS, EMAIL, RESET_FLOW_SERVICES, SEND_ONLY_SERVICES, RESET_FORM_PATH, RESET_PAGE_MESSAGES, PASSWORD_CHECK_ITEMS, LINK_SERVICES, SET_PASSWORD_SERVICES, SET_PASSWORD_CASES, BREACHED_RESET_ACCOUNT };
