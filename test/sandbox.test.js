/** The sandbox plays each service's documented contract and quirks faithfully. */
const { ResetSandbox, SEND_LIMIT } = require('../sandbox/server.cjs');

let sandbox;
beforeEach(async () => {
	sandbox = new ResetSandbox({ wibiclickApiKey: 'key' });
	await sandbox.listen();
});
afterEach(() => sandbox.close());

const call = async (method, path, body, headers = {}) => {
	const response = await fetch(`${sandbox.url}${path}`, {
		method,
		headers: { 'Content-Type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = text;
	}
	return { status: response.status, body: json, retryAfter: response.headers.get('retry-after') };
};
const latestToken = async (service) => (await call('GET', `/__sandbox/outbox?service=${service}&email=ada@example.com`)).body.latest.token;
const issue = async (service) => (await call('POST', '/__sandbox/tokens', { service, email: 'ada@example.com' })).body.token;

test('industrial-IOT tokens are 6 digits + username and expire after 300 s of the global clock', async () => {
	const token = await issue('industrialIot');
	expect(token).toMatch(/^\d{6}ada$/);
	await call('POST', '/__sandbox/clock', { advanceSeconds: 301 });
	const expired = await call('PUT', '/industrialIot/api/resetouttoken', { token, new: 'x' });
	expect(expired).toMatchObject({ status: 400, body: { error: 'expired token' } });
});

test('industrial-IOT send needs a JSON body on its GET: without it, 400', async () => {
	const bare = await fetch(`${sandbox.url}/industrialIot/api/resetpass?email=ada@example.com`);
	expect(bare.status).toBe(400);
	expect((await bare.json()).message.email).toMatch(/Missing required parameter/);
});

test('industrial-IOT as deployed: 500 on the good branch, after changing the password', async () => {
	const token = await issue('industrialIot');
	const answer = await call('PUT', '/industrialIot@as-deployed/api/resetouttoken', { token, new: 'New-pw-123' });
	expect(answer).toMatchObject({ status: 500, body: { message: 'Internal Server Error' } });
	const account = await call('GET', '/__sandbox/account?service=industrialIot&email=ada@example.com');
	expect(account.body.passwordChanges).toBe(1);
});

test('Wabotify: single-use verificationId, 422 for a weak password without spending it', async () => {
	await call('POST', '/wabotify/api/user/sendEmailToResetPassword', { email: 'ada@example.com', company: 'wabotify' });
	const verificationId = await latestToken('wabotify');
	expect(verificationId).toMatch(/^[0-9a-f-]{36}$/);
	const reset = (newPassword) => call('POST', '/wabotify/api/user/resetPassword', { email: 'ada@example.com', newPassword, verificationId });
	expect((await reset('short')).status).toBe(422);
	expect((await reset('Long-enough-1')).status).toBe(200);
	expect((await reset('Long-enough-2')).status).toBe(401);
});

test('Xano: preconditions answer HTTP 500 ERROR_FATAL with a payload; the code is cleared on use', async () => {
	await call('GET', '/xano/reset/password?email=ada@example.com');
	const code = await latestToken('xano');
	const empty = await call('POST', '/xano/reset/password', { code: '', password: 'x' });
	expect(empty).toMatchObject({ status: 500, body: { code: 'ERROR_FATAL', payload: { input: 'code' } } });
	expect((await call('POST', '/xano/reset/password', { code, password: 'New-pw-1' })).status).toBe(200);
	expect((await call('POST', '/xano/reset/password', { code, password: 'New-pw-2' })).status).toBe(500);
});

test('WibiClick: Bearer key required; rate limit with Retry-After after the limit', async () => {
	expect((await call('POST', '/wibiclick/verify-email', { email: 'ada@example.com' })).status).toBe(401);
	const send = () => call('POST', '/wibiclick/verify-email', { email: 'ada@example.com' }, { Authorization: 'Bearer key' });
	for (let i = 0; i < SEND_LIMIT; i++) expect((await send()).status).toBe(200);
	expect(await send()).toMatchObject({ status: 429, retryAfter: '60' });
});

test('modes in the base URL: down answers HTML 500, rate-limited answers 429', async () => {
	expect(await call('POST', '/wabotify@down/api/user/resetPassword', {})).toMatchObject({ status: 500 });
	expect(await call('POST', '/xano@rate-limited/reset/password', {})).toMatchObject({ status: 429, retryAfter: '30' });
});
