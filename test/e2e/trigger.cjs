'use strict';
/**
 * The Password Reset Trigger in a real n8n (`n8n start`, the workflows published): each
 * service's message, signed by the service's own library where one exists (standardwebhooks,
 * svix) or sent by its real client (Logto's @logto/connector-http-email), starts exactly one
 * execution, which mails the code through n8n's Send Email node to the suite's SMTP sink; every
 * forged, stale, replayed, unsigned or oversized one is refused and starts none (n8n's database
 * is counted). The Supabase example (examples/supabaseResetMailer.json) runs as shipped, keeping
 * nothing of its runs.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { Webhook } = require('standardwebhooks');
const { svixSign } = require('../support/svix.cjs');
const { assert, equal } = require('../support/checks.cjs');
const { N8N_LINE, n8nDatabase, waitForWebhook } = require('../support/realN8n.cjs');
const { SANDBOX_KEYS } = require('../../sandbox/server.cjs');
const { supabaseResetMailer, triggerWorkflow, afterWorkflowMailer, mailerWorkflow, hookCredentials, webhookIdOf } = require('./triggerWorkflows.cjs');

/** The services the suite sends as, each to its own workflow (Auth0 and Better Auth forwarders sign as any app does, and are run as such). */
const SERVICES = ['clerk', 'logto', 'zitadel', 'kratos', 'auth0', 'betterAuth', 'standardWebhooks'];

const whsec = () => `whsec_${crypto.randomBytes(32).toString('base64')}`;

/** Fresh secrets for every run; the suite's scans look for each of them. */
const hookSecrets = () => ({
	supabase: `v1,${whsec()}`,
	clerk: `whsec_${crypto.randomBytes(24).toString('base64')}`,
	logto: `Bearer SENTINEL-LOGTO-${crypto.randomBytes(16).toString('hex')}`,
	zitadel: `SENTINEL-ZITADEL-${crypto.randomBytes(16).toString('hex')}`,
	kratos: `SENTINEL-KRATOS-${crypto.randomBytes(16).toString('hex')}`,
	auth0: whsec(),
	betterAuth: whsec(),
	standardWebhooks: whsec(),
});

const seconds = () => Math.floor(Date.now() / 1000);

/** Signs `body` as each service does, at `at` seconds: the headers. */
const SIGNERS = {
	standard: (secret, body, { id = `msg_${crypto.randomUUID()}`, at = seconds() } = {}) => ({
		'webhook-id': id,
		'webhook-timestamp': String(at),
		'webhook-signature': new Webhook(secret.replace(/^v1,/, '')).sign(id, new Date(at * 1000), body),
	}),
	clerk: (secret, body, { id = `msg_${crypto.randomUUID()}`, at = seconds() } = {}) => svixSign([{ secret, id, timestamp: at, body }])[0],
	zitadel: (secret, body, { at = seconds() } = {}) => ({ 'zitadel-signature': `t=${at},v1=${crypto.createHmac('sha256', secret).update(`${at}.${body}`).digest('hex')}` }),
	logto: (secret) => ({ authorization: secret }),
	kratos: (secret) => ({ 'x-hook-secret': secret }),
};

const code = () => String(crypto.randomInt(100000, 1000000));

/** Each service's reset message (the shapes of reset-hooks.md's sources), for `email` with `otp`. */
const MESSAGES = {
	supabase: (email, otp) => ({
		metadata: { uuid: crypto.randomUUID(), name: 'send-email' },
		user: { id: `user-${otp}`, email, phone: '' },
		email_data: { token: otp, token_hash: crypto.createHash('sha224').update(`${email}${otp}`).digest('hex'), redirect_to: 'https://app.example.com/reset', email_action_type: 'recovery', site_url: 'https://abcd.supabase.co/auth/v1' },
	}),
	clerk: (email, otp) => ({ object: 'event', type: 'email.created', data: { object: 'email', id: `ema_${otp}`, slug: 'reset_password_code', to_email_address: email, user_id: 'user_e2e', delivered_by_clerk: false, data: { otp_code: otp } } }),
	zitadel: (email, otp) => ({
		contextInfo: { eventType: 'user.human.password.code.added', recipientEmailAddress: email },
		templateData: { url: `https://zitadel.example.com/ui/login/password/init?userID=u1&code=${otp}` },
		args: { Code: otp, UserID: 'u1' },
	}),
	kratos: (email, otp) => ({ recipient: email, template_type: 'recovery_code_valid', recovery_code: otp, expires_in_minutes: 15, identity_id: 'identity-e2e' }),
	auth0: (email, otp) => ({ type: 'auth0.reset_email_by_code', timestamp: new Date().toISOString(), data: { email, code: otp, user_id: 'auth0|e2e' } }),
	betterAuth: (email, otp) => ({ type: 'better_auth.otp.forget-password', timestamp: new Date().toISOString(), data: { email, code: otp } }),
	standardWebhooks: (email, otp) => ({ type: 'password_reset', timestamp: new Date().toISOString(), data: { email, code: otp, user_id: 'app-user' } }),
};
const signerOf = (service) => SIGNERS[service] ?? SIGNERS.standard;

/** A reset message of `service` for `email`, signed with `secret` as that service signs: its body, headers and code. */
const signedReset = (service, secret, email) => {
	const otp = code();
	const body = JSON.stringify(MESSAGES[service](email, otp));
	return { body, headers: { 'content-type': 'application/json', ...signerOf(service)(secret, body) }, code: otp };
};

/** Imports the hook credentials and the trigger workflows, and publishes them; call before `n8n start`. */
async function prepareTriggerChecks({ instance, check, supabaseProjectUrl }) {
	const secrets = hookSecrets();
	// The malformed credential cannot verify anything: that workflow's activation must fail.
	const malformed = mailerWorkflow({ id: 'prTriggerMalformed', name: 'Password Reset Trigger e2e: malformed secret', service: 'clerk', credentialKey: 'clerkMalformed', email: { subject: 'never', text: 'never' } });
	const workflows = [triggerWorkflow(SERVICES), supabaseResetMailer({ supabaseProjectUrl }), afterWorkflowMailer(), malformed];
	const file = path.join(instance.userFolder, 'trigger-credentials.json');
	fs.writeFileSync(file, JSON.stringify(hookCredentials({ ...secrets, clerkMalformed: 'not-a-whsec-secret-at-all' })));
	const imported = await instance.n8n('import:credentials', `--input=${file}`);
	fs.rmSync(file);
	check('trigger: credentials import', () => assert(imported.status === 0, imported.stderr));
	const folder = path.join(instance.userFolder, 'trigger-workflows');
	fs.mkdirSync(folder);
	for (const workflow of workflows) fs.writeFileSync(path.join(folder, `${workflow.id}.json`), JSON.stringify(workflow));
	const importedWorkflows = await instance.n8n('import:workflow', '--separate', `--input=${folder}`);
	check(`trigger: ${workflows.length} workflows imported`, () => assert(importedWorkflows.status === 0, importedWorkflows.stderr));
	for (const workflow of workflows) {
		// n8n 2.x publishes a workflow; 1.x activates it.
		const published = N8N_LINE === '1' ? await instance.n8n('update:workflow', `--id=${workflow.id}`, '--active=true') : await instance.n8n('publish:workflow', `--id=${workflow.id}`);
		check(`trigger: ${workflow.id} ${N8N_LINE === '1' ? 'activated' : 'published'}`, () => assert(published.status === 0, published.stderr));
	}
	return { secrets, workflows };
}

/** Waits for the sink's message that carries `text`; undefined after `ms`. */
async function mailWith(smtp, text, ms = 20_000) {
	for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
		const found = smtp.messages.find((message) => message.text.includes(text));
		if (found) return found;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	if (process.env.DEBUG_SINK) console.log(text, JSON.stringify(smtp.messages.map((m) => m.text)));
	return undefined;
}

/** Runs of a workflow n8n's database keeps (not marked deleted), by status. */
const runsOf = (userFolder, workflowId) => {
	const db = n8nDatabase(userFolder);
	const rows = db.prepare('SELECT status FROM execution_entity WHERE workflowId = ? AND deletedAt IS NULL').all(workflowId);
	db.close();
	return rows.map((row) => row.status);
};

/** The runs once none is still going (n8n marks a run it keeps nothing of deleted as it ends), or after `ms`. */
async function settledRunsOf(userFolder, workflowId, ms = 20_000) {
	for (const deadline = Date.now() + ms; ; ) {
		const runs = runsOf(userFolder, workflowId);
		if (!runs.some((status) => ['new', 'running'].includes(status)) || Date.now() > deadline) return runs;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/**
 * The checks, on the running n8n (`server`): per service, a signed message → 200 and one mail
 * with its code; its forged, stale, replayed, unsigned and oversized variants → refused.
 * Returns the secrets, for the suite's scans.
 */
async function triggerChecks({ server, instance, check, smtp, prepared, sandbox }) {
	const { secrets } = prepared;
	const urlOf = (workflowId) => `${server.url}/webhook/${webhookIdOf(workflowId)}/password-reset`;
	const serviceUrl = (service) => `${server.url}/webhook/password-reset-${service}/password-reset`;
	const post = (url, body, headers) => fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
	await waitForWebhook(serviceUrl('standardWebhooks'));

	for (const service of SERVICES.filter((candidate) => candidate !== 'logto')) {
		const url = serviceUrl(service);
		const secret = secrets[service];
		const sign = signerOf(service);
		const otp = code();
		const body = JSON.stringify(MESSAGES[service](`${service.toLowerCase()}@example.com`, otp));
		const headers = sign(secret, body);
		const signed = await post(url, body, headers);
		const answer = await signed.json().catch(() => undefined);
		check(`trigger ${service}: a signed reset message → 200, started`, () => equal([signed.status, answer], [200, { received: true, started: true }], 'answer'));
		const mail = await mailWith(smtp, `code=${otp}`);
		check(`trigger ${service}: n8n mailed its code, as ${service} / password_reset`, () => assert(mail && mail.text.includes(`service=${service}`) && mail.text.includes('type=password_reset'), mail?.text ?? 'no mail'));
		const sharedHeader = service === 'kratos';
		const refusals = {
			// A shared header signs nothing: its forgery is a wrong value.
			forged: sharedHeader ? await post(url, body, { 'x-hook-secret': `${secret}-guess` }) : await post(url, body.replace(otp, code()), headers),
			unsigned: await post(url, body, {}),
			oversized: await post(url, JSON.stringify({ ...JSON.parse(body), padding: 'x'.repeat(300 * 1024) }), headers),
		};
		if (!sharedHeader) {
			refusals.replayed = await post(url, body, headers);
			refusals.stale = await post(url, body, sign(secret, body, { at: seconds() - 600 }));
		}
		const statuses = Object.fromEntries(Object.entries(refusals).map(([name, response]) => [name, response.status]));
		const expected = Object.fromEntries(Object.keys(refusals).map((name) => [name, name === 'oversized' ? 413 : 401]));
		check(`trigger ${service}: ${Object.keys(refusals).join(', ')} → refused (${Object.values(expected).join(', ')})`, () => equal(statuses, expected, 'statuses'));
	}

	// n8n behaviour relied on: the node reads the body as received (n8n's body parser keeps req.rawBody, and reads it on
	// request for a type it does not parse), never n8n's parsed and re-serialized JSON.
	const rawUrl = serviceUrl('standardWebhooks');
	const spaced = `{ "type" : "password_reset",\n  "data" : { "email" : "raw@example.com", "code" : "${code()}" } }`;
	const spacedAnswer = await post(rawUrl, spaced, SIGNERS.standard(secrets.standardWebhooks, spaced));
	const plain = JSON.stringify(MESSAGES.standardWebhooks('raw@example.com', code()));
	const plainAnswer = await fetch(rawUrl, { method: 'POST', body: plain, headers: { 'content-type': 'text/plain', ...SIGNERS.standard(secrets.standardWebhooks, plain) } });
	const octets = JSON.stringify(MESSAGES.standardWebhooks('raw@example.com', code()));
	const octetsAnswer = await fetch(rawUrl, { method: 'POST', body: octets, headers: { 'content-type': 'application/octet-stream', ...SIGNERS.standard(secrets.standardWebhooks, octets) } });
	check("n8n behaviour relied on: the trigger verifies the body n8n received byte for byte (req.rawBody), for JSON with n8n-altering spacing, text/plain, and a type n8n leaves unread (readRawBody)", () =>
		equal([spacedAnswer.status, plainAnswer.status, octetsAnswer.status], [200, 200, 200], 'statuses'));

	// Auth0: the Action of examples/forwarders (Auth0's runtime is not runnable here: its event and api are stand-ins with the documented fields).
	const { onExecuteCustomEmailProvider } = require('../../examples/forwarders/auth0CustomEmailProvider.js');
	const runAction = async (secret, ticket) => {
		const decisions = [];
		const api = { notification: { retry: (reason) => decisions.push(`retry: ${reason}`), drop: (reason) => decisions.push(`drop: ${reason}`) } };
		const notification = { message_type: 'reset_email', to: 'auth0-action@example.com', from: 'no-reply@example.com', subject: 'Reset your password', locale: 'en', html: '<p>…</p>', text: `Hello,\nhttps://example.com/logo.png\nReset it here: ${ticket}\nNot you? Ignore this email.` };
		await onExecuteCustomEmailProvider({ notification, user: { user_id: 'auth0|action' }, secrets: { N8N_HOOK_URL: serviceUrl('auth0'), N8N_HOOK_SECRET: secret } }, api);
		return decisions;
	};
	const ticket = `https://tenant.auth0.com/u/reset-verify?ticket=${crypto.randomBytes(12).toString('hex')}`;
	const actionDecisions = await runAction(secrets.auth0, ticket);
	const actionMail = await mailWith(smtp, `link=${ticket}`);
	check('trigger auth0: the documented Action (examples/forwarders) forwards a reset_email → accepted, n8n mailed the ticket link it found in the text', () =>
		assert(actionDecisions.length === 0 && actionMail && /service=auth0\s/.test(actionMail.text), `${JSON.stringify(actionDecisions)}; ${actionMail?.text ?? 'no mail'}`));
	const wrongSecretDecisions = await runAction(whsec(), `${ticket}0`);
	check('trigger auth0: the Action with a wrong secret → n8n 401 → the Action drops the message (no retry)', () => equal(wrongSecretDecisions, ['drop: n8n answered 401'], 'decisions'));

	// Logto: its real HTTP email connector posts to the trigger, with the Authorization value typed into it.
	const { default: createConnector } = await import('@logto/connector-http-email');
	const logtoUrl = serviceUrl('logto');
	const connector = await createConnector({ getConfig: async () => ({ endpoint: logtoUrl, authorization: secrets.logto }) });
	const logtoCode = code();
	const sent = await connector.sendMessage({ to: 'logto@example.com', type: 'ForgotPassword', payload: { code: logtoCode, locale: 'en' }, ip: '203.0.113.7' }).then(() => 'sent', (error) => `failed: ${error.code ?? error.message}`);
	check('trigger logto: the real @logto/connector-http-email sends ForgotPassword → accepted', () => equal(sent, 'sent', 'connector'));
	const logtoMail = await mailWith(smtp, `code=${logtoCode}`);
	check('trigger logto: n8n mailed its code', () => assert(logtoMail && logtoMail.text.includes('service=logto'), logtoMail?.text ?? 'no mail'));
	const wrongKey = await createConnector({ getConfig: async () => ({ endpoint: logtoUrl, authorization: 'Bearer not-the-value' }) });
	const refused = await wrongKey.sendMessage({ to: 'logto@example.com', type: 'ForgotPassword', payload: { code: code() } }).then(() => 'sent', (error) => `failed: ${error.code}`);
	check("trigger logto: the connector with a wrong Authorization → Logto's own connector error (n8n answered 401)", () => equal(refused, 'failed: general', 'connector'));

	// Supabase's example, as shipped: a recovery message → one mail with the code and the verify link; nothing of the run kept.
	const supabaseOtp = code();
	const supabaseBody = JSON.stringify(MESSAGES.supabase('supabase@example.com', supabaseOtp));
	// Supabase joins one signature per secret with ", ": a second (rotated-away) one first.
	const supabaseHeaders = SIGNERS.standard(secrets.supabase, supabaseBody);
	supabaseHeaders['webhook-signature'] = `${SIGNERS.standard(whsec(), supabaseBody, { id: supabaseHeaders['webhook-id'], at: Number(supabaseHeaders['webhook-timestamp']) })['webhook-signature']}, ${supabaseHeaders['webhook-signature']}`;
	const supabaseAnswer = await post(urlOf('prSupabaseResetMailer'), supabaseBody, supabaseHeaders);
	check('trigger supabase example: a signed recovery message → 200 JSON (what Supabase takes as sent)', () =>
		equal([supabaseAnswer.status, supabaseAnswer.headers.get('content-type')?.split(';')[0]], [200, 'application/json'], 'answer'));
	const supabaseMail = await mailWith(smtp, supabaseOtp);
	check('trigger supabase example: your own email, with the code and the verify link built from the token hash', () =>
		assert(supabaseMail && /^Subject: Reset your password/m.test(supabaseMail.raw) && /\/auth\/v1\/verify\?token=[0-9a-f]{56}&type=recovery/.test(supabaseMail.text), supabaseMail?.text ?? 'no mail'));
	const signupBody = supabaseBody.replace('"recovery"', '"signup"');
	const signup = await post(urlOf('prSupabaseResetMailer'), signupBody, SIGNERS.standard(secrets.supabase, signupBody));
	const signupAnswer = await signup.json().catch(() => undefined);
	check('trigger supabase example: a sign-up message → 200 {started: false}, nothing started (Include Other Email Types off)', () => equal([signup.status, signupAnswer?.started], [200, false], 'answer'));

	// The sandbox's Supabase as the sender: its /recover calls its Send Email Hook (signed as Supabase signs) → the example in n8n → the mail.
	if (sandbox) {
		const control = (body) => fetch(`${sandbox.url}/__sandbox/hooks`, { method: 'POST', body: JSON.stringify(body) });
		await control({ service: 'supabase', url: urlOf('prSupabaseResetMailer'), secret: secrets.supabase });
		const recover = await fetch(`${sandbox.baseUrl('supabase')}/recover`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', apikey: SANDBOX_KEYS.supabase },
			body: JSON.stringify({ email: 'grace@example.com' }),
		});
		await control({ service: 'supabase' });
		const issued = sandbox.account('supabase', 'grace@example.com').token?.value ?? 'none';
		const hookMail = await mailWith(smtp, `code: ${issued}`);
		check("trigger supabase example: the sandbox's Supabase calls its Send Email Hook → the example in n8n → your email with the code it issued; /recover answers 200", () =>
			assert(recover.status === 200 && hookMail?.to.includes('grace@example.com'), `${recover.status}; ${hookMail?.text ?? 'no mail'}`));
	}

	// Answer after the workflow: 204 when it succeeds; n8n's 500 when it fails (no recipient), and a retry of that message runs again.
	const afterUrl = urlOf('prTriggerAfterWorkflow');
	const afterOtp = code();
	const afterBody = JSON.stringify(MESSAGES.standardWebhooks('after@example.com', afterOtp));
	const afterAnswer = await post(afterUrl, afterBody, SIGNERS.standard(secrets.standardWebhooks, afterBody));
	const afterMail = await mailWith(smtp, `code=${afterOtp}`, 1);
	check('trigger respond when last node finishes: 204 once the mail is sent (the mail is there when it answers)', () => assert(afterAnswer.status === 204 && afterMail, `${afterAnswer.status}, mail: ${Boolean(afterMail)}`));
	const failing = JSON.stringify({ type: 'password_reset', data: { phone: '+351912345678', code: code() } });
	const failingId = `msg_${crypto.randomUUID()}`;
	const failed = await post(afterUrl, failing, SIGNERS.standard(secrets.standardWebhooks, failing, { id: failingId }));
	const retried = await post(afterUrl, failing, SIGNERS.standard(secrets.standardWebhooks, failing, { id: failingId, at: seconds() + 1 }));
	check("trigger respond when last node finishes: a failed workflow → n8n's 500, and the sender's retry (same id, signed anew) runs again → 500", () => equal([failed.status, retried.status], [500, 500], 'statuses'));

	// The malformed secret: activation refused, so nothing listens there.
	const malformed = await post(urlOf('prTriggerMalformed'), '{}', {});
	check('trigger: a credential whose secret cannot verify Clerk messages → the workflow is not activated (404)', () => equal(malformed.status, 404, 'status'));

	const runs = {};
	for (const id of ['prTriggerServices', 'prSupabaseResetMailer', 'prTriggerAfterWorkflow']) runs[id] = await settledRunsOf(instance.userFolder, id);
	const mailed = Object.fromEntries(SERVICES.map((service) => [service, smtp.messages.filter((message) => message.to.includes(`${service.toLowerCase()}@example.com`)).length]));
	check(`trigger: the ${SERVICES.length} services' signed messages, the Auth0 Action's and the three raw-body ones started ${SERVICES.length + 4} executions, all successful, one mail each (n8n's database, the sink); the refused messages none`, () =>
		equal([runs.prTriggerServices, mailed], [[...SERVICES, 'auth0 Action', 'raw JSON', 'raw text', 'raw octets'].map(() => 'success'), Object.fromEntries(SERVICES.map((service) => [service, 1]))], 'runs and mails'),
	);
	const supabaseMails = smtp.messages.filter((message) => message.to.includes('supabase@example.com')).length;
	check('trigger: the Supabase example mailed its one recovery message once (not the sign-up one) and keeps none of its runs (saveDataSuccessExecution: none)', () =>
		equal([supabaseMails, runs.prSupabaseResetMailer], [1, []], 'mails and runs'));
	check('trigger: answering after the workflow, one success and two failures (the message and its retry)', () => equal([...runs.prTriggerAfterWorkflow].sort(), ['error', 'error', 'success'], 'runs'));
	return secrets;
}

module.exports = { prepareTriggerChecks, triggerChecks, signedReset };
