/**
 * The edition is a value: an edition with one made-up service, built by the engine's describe/
 * (as each package's shells build theirs) and run through n8n's engine. Its node, credential,
 * hints and messages name its own service and credential, never the all-services package's.
 */
const nock = require('nock');
const { runNode } = require('./support/engine.cjs');
const { EMAIL, leakedSentinels, SENTINELS } = require('./support/fixtures.cjs');
const { nodeDescriptionOf } = require('../dist/nodes/PasswordReset/describe/node.js');
const { credentialTypeOf } = require('../dist/nodes/PasswordReset/describe/credential.js');
const { successFlag, SUCCESS_STATUSES } = require('../dist/nodes/PasswordReset/services/answers.js');

const BASE = 'https://api.made-up.test';

/** A made-up back end: a send route and a reset route, an API key in a header. */
const madeUp = {
	id: 'madeUp',
	displayName: 'Made Up',
	setup: { checked: 'A test', baseUrl: '`https://api.made-up.test`', notes: 'none', resetToken: 'the code from the email' },
	baseUrl: { placeholder: 'e.g. https://api.made-up.test' },
	credentialTest: { method: 'GET', path: '/health', passes: SUCCESS_STATUSES, proves: 'It answered' },
	auth: { apiKey: { in: 'header', name: 'X-Made-Up-Key', prefix: '', required: true, description: 'The key' } },
	operations: {
		sendResetEmail: { method: 'POST', path: '/forgot', requires: ['email'], isSuccess: successFlag, fields: ({ email }) => ({ email }) },
		resetPassword: {
			method: 'POST',
			path: '/reset',
			requires: ['resetToken', 'newPassword'],
			isSuccess: successFlag,
			fields: ({ resetToken, newPassword }) => ({ code: resetToken, password: newPassword }),
		},
	},
	unknownAccount: [],
	errorRules: [{ status: 400, code: 'invalid_or_expired_token' }],
};

const EDITION = {
	packageName: 'n8n-nodes-made-up-password-reset',
	documentationUrl: { node: 'https://example.test/made-up', credential: 'https://example.test/made-up#credential' },
	node: { name: 'madeUpPasswordReset', displayName: 'Made Up Password Reset' },
	credential: { name: 'madeUpPasswordResetApi', displayName: 'Made Up Password Reset API' },
	profiles: [madeUp],
};
const credential = { service: 'madeUp', baseUrl: BASE, apiKey: SENTINELS.apiKey };

afterEach(() => nock.cleanAll());

test("the edition's node and credential: its names, its one service (the Service field hidden), only the operations it offers", () => {
	const node = nodeDescriptionOf(EDITION);
	expect(node).toMatchObject({ name: 'madeUpPasswordReset', displayName: 'Made Up Password Reset', credentials: [{ name: 'madeUpPasswordResetApi', required: true }] });
	expect(node.description).toMatch(/Made Up$/);
	const operations = node.properties.find((property) => property.name === 'operation').options.map((option) => option.value);
	expect(operations).toEqual(['sendResetEmail', 'resetPassword', 'checkPassword']);
	const { name, displayName, properties } = credentialTypeOf(EDITION);
	expect([name, displayName]).toEqual(['madeUpPasswordResetApi', 'Made Up Password Reset API']);
	expect(properties.find((property) => property.name === 'service')).toMatchObject({ type: 'hidden', default: 'madeUp' });
	expect(JSON.stringify(node)).not.toMatch(/Supabase|Custom with/);
});

test("through n8n's engine: a send and a reset go to its routes with its key header; a refused key names its own credential", async () => {
	const sent = [];
	nock(BASE)
		.post('/forgot')
		.reply(function (_uri, body) {
			sent.push([this.req.headers['x-made-up-key'], body]);
			return [200, { success: true }];
		});
	nock(BASE).post('/reset', { code: SENTINELS.resetToken, password: SENTINELS.newPassword }).reply(200, { success: true });
	nock(BASE).post('/forgot').reply(401, { message: 'bad key' });
	const send = await runNode({ edition: EDITION, parameters: { operation: 'sendResetEmail', email: EMAIL }, credential });
	expect(send.output.map((item) => item.json.success)).toEqual([true]);
	expect(sent).toEqual([[SENTINELS.apiKey, { email: EMAIL }]]);
	const reset = await runNode({ edition: EDITION, parameters: { operation: 'resetPassword', resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword }, credential });
	expect(reset.output[0].json).toMatchObject({ success: true, operation: 'resetPassword', service: 'madeUp' });
	const refused = await runNode({ edition: EDITION, parameters: { operation: 'sendResetEmail', email: EMAIL }, credential, onError: 'continueRegularOutput', typeVersion: 1.2 });
	expect(refused.output[0].json.error).toMatchObject({ errorCode: 'auth_failed', message: expect.stringContaining('in the Made Up Password Reset API credential') });
	expect([send, reset, refused].flatMap(leakedSentinels)).toEqual([]);
});

test("a service the edition lacks fails naming the edition's own credential", async () => {
	const { output } = await runNode({ edition: EDITION, parameters: { operation: 'sendResetEmail', email: EMAIL }, credential: { ...credential, service: 'supabase' }, onError: 'continueRegularOutput' });
	expect(output[0].json.error).toMatch(/The credential's Service "supabase" is not known. Choose a service in the Made Up Password Reset API credential/);
});

test("a refusal before any request names the edition's own node (Ignore SSL Issues)", async () => {
	const { output } = await runNode({
		edition: EDITION,
		parameters: { operation: 'sendResetEmail', email: EMAIL },
		requestOptions: { allowUnauthorizedCerts: true },
		credential,
		onError: 'continueRegularOutput',
	});
	expect(output[0].json.error).toMatch(/but Made Up Password Reset always verifies TLS certificates/);
});

test("a duplicate of a refused send repeats the first's message with the edition's own names, no placeholder left", async () => {
	nock(BASE).post('/forgot').reply(401, { message: 'bad key' });
	const { output } = await runNode({ edition: EDITION, parameters: { operation: 'sendResetEmail', email: EMAIL }, items: [{}, {}], credential, onError: 'continueRegularOutput' });
	expect(output.map((item) => item.json.details.errorCode)).toEqual(['auth_failed', 'auth_failed']);
	expect(output[1].json.error).toMatch(/^Not sent: item 0 has the same email, and its send failed \(auth_failed\): .*in the Made Up Password Reset API credential \[item 1\]$/);
	expect(output.map((item) => item.json.error).join(' ')).not.toMatch(/\{(credential|node)\}/);
});
