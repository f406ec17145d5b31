/**
 * The behaviours of n8n the node is built on (docs/n8n-compatibility.md), each a test through
 * n8n's real engine whose name says which behaviour broke. A new n8n release that changes one
 * fails here, by name, before users see a wrong outcome. The e2e suites run the same node in a
 * real n8n 2.x and 1.123.
 */
const nock = require('nock');
const { runNode, loadedPackage } = require('../support/engine.cjs');

const BASE = 'https://api.wabotify.test';
const credential = { service: 'wabotify', baseUrl: BASE, apiKey: 'contract-key', company: 'wabotify' };
const items = [{ email: 'a@example.com' }, { email: 'b@example.com' }, { email: 'c@example.com' }];
const send = { operation: 'sendResetEmail', email: '={{ $json.email }}' };

/** Every call of the operations' pagination hook while `fn` runs: its item index and execute data. */
async function hookCalls(fn) {
	const { passwordResetNode } = await loadedPackage();
	const routing = passwordResetNode.description.properties
		.flatMap((property) => property.options ?? [])
		.map((option) => option.routing)
		.find((candidate) => candidate?.operations?.pagination);
	const original = routing.operations.pagination;
	const calls = [];
	routing.operations.pagination = async function (...args) {
		calls.push({ itemIndex: this.getItemIndex(), executeData: this.getExecuteData() });
		return await original.apply(this, args);
	};
	try {
		await fn();
	} finally {
		routing.operations.pagination = original;
	}
	return calls;
}

afterEach(() => nock.cleanAll());

test("n8n behaviour relied on: RoutingNode calls an operation's pagination hook (routing.operations.pagination with send.paginate) once per item, with that item's index", async () => {
	nock(BASE).post('/api/user/sendEmailToResetPassword').times(3).reply(200, { success: true, message: 'sent' });
	let result;
	const calls = await hookCalls(async () => {
		result = await runNode({ parameters: send, credential, items });
	});
	expect(calls.map((call) => call.itemIndex)).toEqual([0, 1, 2]);
	expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
});

test('n8n behaviour relied on: getExecuteData() is one object for every item of a node run, and another for the next run (the run state is keyed on it)', async () => {
	nock(BASE).post('/api/user/sendEmailToResetPassword').times(6).reply(200, { success: true, message: 'sent' });
	const first = await hookCalls(() => runNode({ parameters: send, credential, items }));
	const second = await hookCalls(() => runNode({ parameters: send, credential, items }));
	expect(new Set(first.map((call) => call.executeData)).size).toBe(1);
	expect(new Set(second.map((call) => call.executeData)).size).toBe(1);
	expect(first[0].executeData).not.toBe(second[0].executeData);
});

test("n8n behaviour relied on: a failure item's json {error: {…}} alone stays whole on the error output (n8n merges only the input item's json into it)", async () => {
	const result = await runNode({ parameters: { operation: 'sendResetEmail', email: 'not-an-email' }, credential, onError: 'continueErrorOutput', typeVersion: 1.2, items: [{ marker: 'input' }] });
	expect(result.output).toEqual([]);
	expect(Object.keys(result.errorOutput[0].json).sort()).toEqual(['error', 'marker']);
	expect(result.errorOutput[0].json.error).toMatchObject({ errorCode: 'invalid_input', operation: 'sendResetEmail' });
});

test("n8n behaviour relied on: with disableFollowRedirect, n8n's request helper hands the node a 3xx with its Location header and follows nothing (WordPress's lost-password success is that redirect)", async () => {
	const site = 'https://shop.wordpress.test';
	const form = nock(site).post('/wp-login.php').query({ action: 'lostpassword' }).reply(302, '', { Location: 'wp-login.php?checkemail=confirm' });
	const followed = nock(site).get('/wp-login.php').query(true).reply(200, 'followed');
	const { output } = await runNode({ parameters: { operation: 'sendResetEmail', email: 'a@example.com' }, credential: { service: 'wordpress', baseUrl: site }, onError: 'continueRegularOutput' });
	expect(form.isDone()).toBe(true);
	expect(followed.isDone()).toBe(false);
	expect(output[0].json).toMatchObject({ success: true, operation: 'sendResetEmail', service: 'wordpress' });
});
