'use strict';
/**
 * The credential test as n8n's editor runs it (POST /rest/credentials/test on a real `n8n
 * start`, as its owner): the declarative test, whose request the credential turns into the
 * service's probe. A right and a wrong Base URL for a service whose probe is a 2xx route
 * (Supabase) and one whose probe is a refused send (Strapi); no mail goes out.
 */
const { assert } = require('../support/checks.cjs');

const OWNER = { email: 'e2e@example.com', password: 'Password-reset-e2e-1', firstName: 'E2E', lastName: 'Owner' };
const BROWSER_ID = 'password-reset-e2e';

/** An owner's session on the instance: the auth cookie n8n sets on setup. */
async function ownerSession(url) {
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
		body: JSON.stringify(OWNER),
	});
	if (!response.ok) throw new Error(`owner setup: HTTP ${response.status} ${await response.text()}`);
	const cookie = response.headers.getSetCookie().map((entry) => entry.split(';')[0]).join('; ');
	return (path, body) =>
		fetch(`${url}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID, cookie },
			body: JSON.stringify(body),
		}).then(async (answer) => ({ status: answer.status, json: await answer.json().catch(() => ({})) }));
}

/**
 * @param server a started instance (`url`)
 * @param credentials the sandbox credentials (credentials() of workflows.cjs)
 * @param sandbox the running ResetSandbox
 */
async function credentialTestChecks({ server, credentials, sandbox, check }) {
	const post = await ownerSession(server.url);
	const mailsBefore = sandbox.outbox.length;
	for (const id of ['sandboxSupabase', 'sandboxStrapi']) {
		const { name, type, data } = credentials.find((credential) => credential.id === id);
		const right = await post('/rest/credentials/test', { credentials: { id, name, type, data } });
		check(`credential test in n8n: ${id}, the right Base URL → OK`, () =>
			assert(right.status === 200 && right.json.data?.status === 'OK', JSON.stringify(right)));
		const wrong = await post('/rest/credentials/test', { credentials: { id, name, type, data: { ...data, baseUrl: `${data.baseUrl}/wrong` } } });
		check(`credential test in n8n: ${id}, a wrong Base URL path → Error naming the 404`, () =>
			assert(wrong.json.data?.status === 'Error' && /^No endpoint of the chosen service at this Base URL \(HTTP 404\)/.test(wrong.json.data.message), JSON.stringify(wrong)));
	}
	check('credential test in n8n: no mail was sent', () => assert(sandbox.outbox.length === mailsBefore, `${sandbox.outbox.length - mailsBefore} mails`));
}

module.exports = { credentialTestChecks };
