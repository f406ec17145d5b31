/** Medusa v2: the actor in the path, 201 for every identifier, and the reset token as a Bearer token, never in the URL. */
const { describeServiceContract } = require('../support/serviceContract.cjs');
const { SENTINELS, EMAIL } = require('../support/fixtures.cjs');
const { NEUTRAL } = require('../support/messages.cjs');

describeServiceContract({
	service: 'medusa',
	baseUrl: 'https://medusa.example.test',
	credential: { medusaActor: 'user' },
	operations: {
		sendResetEmail: {
			parameters: { email: EMAIL },
			request: { method: 'POST', path: '/auth/user/emailpass/reset-password', body: { identifier: EMAIL }, absentHeaders: ['Authorization'] },
			success: { status: 201, body: 'Created', output: { success: true, operation: 'sendResetEmail', service: 'medusa', message: NEUTRAL } },
			errors: [[400, { type: 'invalid_data', message: "Invalid request: Field 'identifier' is required" }, 'invalid_input']],
		},
		resetPassword: {
			parameters: { email: EMAIL, resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword },
			request: {
				method: 'POST',
				path: '/auth/user/emailpass/update',
				body: { email: EMAIL, password: SENTINELS.newPassword },
				headers: { Authorization: `Bearer ${SENTINELS.resetToken}` },
			},
			success: { body: { success: true }, output: { success: true, operation: 'resetPassword', service: 'medusa', message: 'Password reset successfully' } },
			errors: [
				[401, { type: 'unauthorized', message: 'Invalid token' }, 'invalid_or_expired_token'],
				[200, { success: false }, 'unexpected_response'],
			],
		},
	},
});

const nock = require('nock');
const { runNode } = require('../support/engine.cjs');

describe('Medusa as it really answers', () => {
	const credential = { service: 'medusa', baseUrl: 'https://medusa.example.test', medusaActor: 'customer' };
	afterEach(() => nock.cleanAll());

	// route.ts ends with res.sendStatus(201): Express writes the text "Created".
	test('its 201 "Created" (text/plain) is the neutral success', async () => {
		nock(credential.baseUrl).post('/auth/customer/emailpass/reset-password').reply(201, 'Created', { 'Content-Type': 'text/plain; charset=utf-8' });
		const result = await runNode({ parameters: { operation: 'sendResetEmail', email: EMAIL }, credential });
		expect(result.output.map((item) => item.json)).toEqual([{ success: true, operation: 'sendResetEmail', service: 'medusa', message: NEUTRAL }]);
	});

	// A real Medusa 2.21 takes the account from the token: the Email is optional, never required.
	test('Reset Password without an Email sends the token and the password alone', async () => {
		let seen;
		nock(credential.baseUrl).post('/auth/customer/emailpass/update', (body) => ((seen = body), true)).reply(200, { success: true });
		const result = await runNode({ parameters: { operation: 'resetPassword', resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword }, credential });
		expect(result.output.map((item) => item.json)).toEqual([{ success: true, operation: 'resetPassword', service: 'medusa', message: 'Password reset successfully' }]);
		expect(seen).toEqual({ password: SENTINELS.newPassword });
	});

	test.each([
		['a line break', `${SENTINELS.resetToken}\r\nX-Injected: 1`],
		['a non-ASCII letter', `${SENTINELS.resetToken}Ü`],
	])('a reset token with %s is refused, naming the Reset Token, and nothing is sent', async (_name, resetToken) => {
		const anyRequest = nock(credential.baseUrl).post(/.*/).reply(200, { success: true });
		const result = await runNode({
			parameters: { operation: 'resetPassword', email: EMAIL, resetToken, newPassword: SENTINELS.newPassword },
			credential,
			onError: 'continueRegularOutput',
		});
		expect(result.output[0].json.details.errorCode).toBe('invalid_input');
		expect(result.output[0].json.error).toMatch(/^The Reset Token goes in the Authorization header/);
		expect(anyRequest.isDone()).toBe(false);
	});
});

// Its credential test: the route it calls, the answer there when the address is right, extra fields, headers and query it carries.
const { describeCredentialProbe } = require('../support/credentialProbe.cjs');
describeCredentialProbe('medusa', 'POST', '/auth/user/emailpass/reset-password', [400, { type: 'invalid_data', message: "Invalid request: Field 'identifier' is required" }], { medusaActor: 'user' }, { authorization: undefined });

test("the credential test fails under /store: a real Medusa answers its publishable-key 400 there, which is no answer of the reset route", async () => {
	const { testCredential } = require('../support/engine.cjs');
	const message = 'Publishable API key required in the request header: x-publishable-api-key. You can manage your keys in settings in the dashboard.';
	nock('https://medusa.example.test').post('/store/auth/customer/emailpass/reset-password').reply(400, { type: 'not_allowed', message });
	expect(await testCredential({ service: 'medusa', baseUrl: 'https://medusa.example.test/store', medusaActor: 'customer' })).toEqual({
		status: 'Error',
		message: "The Base URL leads to Medusa's store API, which asks for a publishable key. Use the server's own address, without /store",
	});
});

test('a send under /store is endpoint_not_found saying so, not "the input is not valid": a real Medusa answers its publishable-key 400 there', async () => {
	const message = 'Publishable API key required in the request header: x-publishable-api-key. You can manage your keys in settings in the dashboard.';
	nock('https://medusa.example.test').post('/store/auth/customer/emailpass/reset-password').reply(400, { type: 'not_allowed', message });
	const { output } = await runNode({
		parameters: { operation: 'sendResetEmail', email: EMAIL },
		credential: { service: 'medusa', baseUrl: 'https://medusa.example.test/store', medusaActor: 'customer' },
		onError: 'continueRegularOutput',
	});
	expect(output[0].json.error).toBe("The Base URL leads to Medusa's store API, which asks for a publishable key. Use the server's own address, without /store [item 0]");
	expect(output[0].json.details.errorCode).toBe('endpoint_not_found');
});
