/**
 * The Password Reset Trigger on n8n's engine (n8n-core's HookContext and WebhookContext, the
 * built package as n8n loads it): activation refuses settings no message can fix, naming the
 * field; a verified message becomes the one item n8n starts the workflow with; a refused one is
 * answered 401/400/413 and gives n8n no item to start with.
 */
const crypto = require('node:crypto');
const { Webhook } = require('standardwebhooks');
const { runTrigger, loadedPackage } = require('../support/engine.cjs');

const secret = `whsec_${crypto.randomBytes(32).toString('base64')}`;
const signed = (body, key = secret, at = new Date()) => {
	const id = `msg_${crypto.randomUUID()}`;
	return { 'Webhook-Id': id, 'Webhook-Timestamp': String(Math.floor(at.getTime() / 1000)), 'Webhook-Signature': new Webhook(key).sign(id, at, body) };
};
const recovery = JSON.stringify({
	metadata: { uuid: 'uuid-engine', name: 'send-email' },
	user: { id: 'user-1', email: 'ana@example.com' },
	email_data: { token: '123456', token_hash: 'a'.repeat(56), email_action_type: 'recovery', redirect_to: 'https://app.example.com', site_url: 'http://127.0.0.1:9999' },
});

describe('activation (the webhook methods n8n calls when the workflow is published)', () => {
	test.each([
		['Supabase with its v1,whsec_ secret', { service: 'supabase' }, `v1,${secret}`, undefined],
		['Clerk with a header value', { service: 'clerk' }, 'Bearer a-long-random-value-0123', /cannot verify Clerk messages: .*Clerk secrets look like whsec_/],
		['Zitadel with a short key', { service: 'zitadel' }, 'short-key', /cannot verify Zitadel \(HTTP Provider\) messages: The secret is shorter than 16 characters/],
		['Supabase with an http Project URL', { service: 'supabase', projectUrl: 'http://abcd.supabase.co' }, secret, /The Project URL must start with https:\/\//],
		['Logto with no secret', { service: 'logto' }, '', /The secret is empty/],
	])('%s', async (_name, parameters, credentialSecret, refusal) => {
		const { activation } = await runTrigger({ parameters, secret: credentialSecret });
		if (refusal) expect(activation.error).toMatch(refusal);
		else expect(activation).toEqual({ ok: true });
		if (refusal) expect(activation.error).not.toContain(credentialSecret || '\u0000');
	});
});

describe('a request (WebhookContext)', () => {
	test('a signed Supabase recovery → one item for the workflow, the answer {received, started}; the link from the Project URL', async () => {
		const { result } = await runTrigger({ parameters: { service: 'supabase', projectUrl: 'https://abcd.supabase.co' }, secret, request: { body: recovery, headers: signed(recovery) } });
		expect(result.webhookResponse).toEqual({ received: true, started: true });
		expect(result.workflowData).toHaveLength(1);
		expect(result.workflowData[0]).toHaveLength(1);
		expect(result.workflowData[0][0].json).toMatchObject({ service: 'supabase', type: 'password_reset', email: 'ana@example.com', code: '123456', messageId: 'uuid-engine' });
		expect(result.workflowData[0][0].json.link).toMatch(/^https:\/\/abcd\.supabase\.co\/auth\/v1\/verify\?token=a{56}&type=recovery/);
	});

	test.each([
		['forged', 401, (headers) => ({ body: recovery.replace('123456', '654321'), headers })],
		['unsigned', 401, () => ({ body: recovery, headers: {} })],
		['stale', 401, () => ({ body: recovery, headers: signed(recovery, secret, new Date(Date.now() - 600_000)) })],
		['oversized (Max Body Size 1 KB)', 413, (headers) => ({ body: JSON.stringify({ pad: 'x'.repeat(2000) }), headers })],
	])('%s → answered %d here, no item for n8n to start with, nothing of the request in the answer', async (_name, status, make) => {
		const request = make(signed(recovery));
		const { result, response } = await runTrigger({ parameters: { service: 'supabase', options: { maxBodyKb: 1 } }, secret, request });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(status);
		expect(JSON.stringify(response.body)).not.toMatch(/123456|654321|whsec|v1,/);
	});

	test("Kratos: the value in the header the node's Header Name names", async () => {
		const value = 'kratos-shared-value-0123456789';
		const body = JSON.stringify({ recipient: 'ana@example.com', template_type: 'recovery_valid', recovery_url: 'https://kratos.example.com/self-service/recovery?flow=1&token=T' });
		const accepted = await runTrigger({ parameters: { service: 'kratos', headerName: 'X-Kratos-Key' }, secret: value, request: { body, headers: { 'X-Kratos-Key': value } } });
		expect(accepted.result.workflowData[0][0].json).toMatchObject({ service: 'kratos', link: 'https://kratos.example.com/self-service/recovery?flow=1&token=T' });
		const wrongHeader = await runTrigger({ parameters: { service: 'kratos', headerName: 'X-Kratos-Key' }, secret: value, request: { body, headers: { Authorization: value } } });
		expect(wrongHeader.response.status).toBe(401);
	});

	test('a message Include Other Email Types leaves out → 200 {started: false}, no item', async () => {
		const signup = recovery.replace('"recovery"', '"signup"');
		const { result } = await runTrigger({ parameters: { service: 'supabase' }, secret, request: { body: signup, headers: signed(signup) } });
		expect(result).toEqual({ webhookResponse: { received: true, started: false } });
	});

	test("the answer modes: n8n's response mode, data and code follow Respond", async () => {
		const { triggerNode } = await loadedPackage();
		const [webhook] = triggerNode.description.webhooks;
		expect([webhook.httpMethod, webhook.path]).toEqual(['POST', 'password-reset']);
		expect(webhook.responseMode).toMatch(/"whenLastNodeFinishes" \? "lastNode" : "onReceived"/);
		expect(webhook.responseData).toMatch(/\? "noData" : ""/);
		expect(webhook.responseCode).toMatch(/\? 204 : 200/);
	});
});

test('the credential test checks the secret form, sends nothing', async () => {
	const { triggerNode } = await loadedPackage();
	const test = (value) => triggerNode.methods.credentialTest.hookSecretForm.call({}, { data: { secret: value } });
	expect(await test(secret)).toEqual({ status: 'OK', message: 'The secret has a form a trigger can verify with' });
	expect(await test('whsec_abc')).toMatchObject({ status: 'Error', message: expect.stringMatching(/decodes to 2 bytes/) });
	expect(await test('short')).toMatchObject({ status: 'Error', message: expect.stringMatching(/shorter than 16/) });
});
