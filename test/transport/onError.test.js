/**
 * n8n's On Error settings over a multi-item input: one output item per input item, paired,
 * failures shaped { error, details } so the engine keeps `details` and routes them right.
 */
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { SENTINELS, leakedSentinels } = require('../support/fixtures.cjs');

const BASE = 'https://api.wabotify.test';
const credential = { service: 'wabotify', baseUrl: BASE, apiKey: SENTINELS.apiKey };
// Each item carries its own email; the server answers by email.
const items = [
	{ email: 'ok1@example.com' },
	{ email: 'gone@example.com' },
	{ email: 'not-an-email' },
	{ email: 'ok2@example.com' },
];
const parameters = {
	operation: 'resetPassword',
	email: '={{ $json.email }}',
	resetToken: SENTINELS.resetToken,
	newPassword: SENTINELS.newPassword,
};

/** Item 2's failure (a malformed email): node 1.2's `error`; 1 and 1.1 split it into `error` (the message) and `details`. */
const INVALID_EMAIL_FAILURE = {
	message: 'The Email parameter is not a valid email address. Use an address like name@example.com [item 2]',
	errorCode: 'invalid_input',
	httpStatus: null,
	retryable: false,
	operation: 'resetPassword',
	service: 'wabotify',
	serverMessage: null,
};

const serveByEmail = () =>
	nock(BASE)
		.post('/api/user/resetPassword')
		.times(3)
		.reply((_uri, body) =>
			body.email === 'gone@example.com'
				? [401, { success: false, code: 401, message: 'verificationId already used' }]
				: [200, { success: true, code: 200, message: 'Password updated successfully' }],
		);

afterEach(() => nock.cleanAll());

test('Stop: the first failing item stops the node with a masked, item-naming error', async () => {
	serveByEmail();
	const result = await runNode({ parameters, credential, items });
	expect(result.output).toEqual([]);
	expect(result.error.name).toBe('NodeApiError');
	expect(result.error.message).toMatch(/reset token is invalid, expired or already used.*\[item 1\]$/);
	expect(result.error.description).toBe('verificationId already used');
	expect(result.error.httpCode).toBe('401');
	expect(result.error.context).toMatchObject({ itemIndex: 1, errorCode: 'invalid_or_expired_token' });
	expect(result.error.node.parameters.resetToken).toBe('**hidden**');
	expect(result.error.node.parameters.newPassword).toBe('**hidden**');
	expect(leakedSentinels(result)).toEqual([]);
});

test('Continue: one item per input, in order, paired, failures with details', async () => {
	serveByEmail();
	const result = await runNode({ parameters, credential, items, onError: 'continueRegularOutput' });
	expect(result.error).toBeUndefined();
	expect(result.output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	expect(result.output.map((item) => item.json.success ?? item.json.details.errorCode)).toEqual([
		true,
		'invalid_or_expired_token',
		'invalid_input',
		true,
	]);
	const { message, ...details } = INVALID_EMAIL_FAILURE;
	expect(result.output[2].json).toEqual({ error: message, details });
	expect(leakedSentinels(result)).toEqual([]);
});

test('Continue (using error output): good items on main, failures on error, each paired', async () => {
	serveByEmail();
	const result = await runNode({ parameters, credential, items, onError: 'continueErrorOutput' });
	expect(result.output.map((item) => [item.pairedItem.item, item.json.success])).toEqual([
		[0, true],
		[3, true],
	]);
	expect(result.errorOutput.map((item) => [item.pairedItem.item, item.json.details.errorCode])).toEqual([
		[1, 'invalid_or_expired_token'],
		[2, 'invalid_input'],
	]);
	// n8n merges the input item's json into error-output items; that is the engine's doing.
	expect(result.errorOutput[0].json.email).toBe('gone@example.com');
	expect(leakedSentinels(result)).toEqual([]);
});

/**
 * n8n 1.x's rule (n8n-core 1.122.48, the engine of n8n 1.123, WorkflowExecute.handleNodeErrorOutput):
 * an item goes to the error output when it carries INodeExecutionData.error (whose json
 * normalizeNodeErrors then replaces with {error: message}), or when its json is exactly {error}
 * or {error, message}. n8n 2.x also takes {error, details}. The e2e compatibility suite runs the
 * node in a real n8n 1.123; this names the rule where it is cheap to check.
 */
const routedToErrorOutputByN8n1 = (item) =>
	Boolean(item.error) ||
	(Boolean(item.json.error) && Object.keys(item.json).length === 1) ||
	(Boolean(item.json.error) && Boolean(item.json.message) && Object.keys(item.json).length === 2);

test.each(['continueRegularOutput', 'continueErrorOutput'])(
	"%s, node 1.2: a failure item is {error: {message, errorCode, …}}: n8n 1.x's WorkflowExecute.handleNodeErrorOutput routes it to the error output (1 and 1.1's {error, details} it leaves on the success output)",
	async (onError) => {
		serveByEmail();
		const result = await runNode({ parameters, credential, items, onError, typeVersion: 1.2 });
		const failures = onError === 'continueErrorOutput' ? result.errorOutput : result.output.filter((item) => item.json.error);
		expect(failures.map((item) => [item.pairedItem.item, item.json.error.errorCode])).toEqual([
			[1, 'invalid_or_expired_token'],
			[2, 'invalid_input'],
		]);
		const [, invalid] = failures;
		expect(invalid.json.error).toEqual(INVALID_EMAIL_FAILURE);
		// What the node made, before n8n merges the input item's json into error-output items.
		const own = (item) => ({ json: { error: item.json.error }, pairedItem: item.pairedItem });
		expect(failures.map(own).every(routedToErrorOutputByN8n1)).toBe(true);
		if (onError === 'continueErrorOutput') expect(result.output.map((item) => item.json.success)).toEqual([true, true]);
		expect(leakedSentinels(result)).toEqual([]);
	},
);

test("node 1 and 1.1 keep {error, details}, which only n8n 2.x routes to the error output (n8n 1.x's rule leaves it on the success output)", async () => {
	serveByEmail();
	const result = await runNode({ parameters, credential, items, onError: 'continueRegularOutput', typeVersion: 1.1 });
	const failure = result.output.find((item) => item.json.error);
	expect(Object.keys(failure.json).sort()).toEqual(['details', 'error']);
	expect(routedToErrorOutputByN8n1(failure)).toBe(false);
});

test('an invalid item fails before its own request; the valid ones are still sent', async () => {
	const sent = [];
	nock(BASE)
		.post('/api/user/resetPassword', (body) => sent.push(body.email))
		.times(4)
		.reply(200, { success: true });
	await runNode({ parameters, credential, items, onError: 'continueRegularOutput' });
	// The malformed email never left; the three others did.
	expect(sent.sort()).toEqual(['gone@example.com', 'ok1@example.com', 'ok2@example.com']);
});
