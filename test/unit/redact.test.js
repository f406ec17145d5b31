/**
 * Redaction (unit tier, on the sources): a secret is taken out in every form the request
 * builder encodes it in (the encoders are the redactor's own, WIRE_ENCODINGS), and in the forms
 * a server may echo it in, as given and trimmed, in keys and values alike.
 */
const { redact } = require('../support/sources.cjs');

const SECRETS = ["SENTINELPW!9d4e-Ünï'()*~ x", ' SENTINEL-TRIM-9d4e ', 'SENTINEL<&>"9d4e', 'SENTINEL\\9d4e\n\t"quote"'];
const leaks = (text) => text.includes('9d4e');

const ECHOES = {
	'as given': (value) => value,
	trimmed: (value) => value.trim(),
	'JSON-escaped': (value) => JSON.stringify(value),
	'JSON with \\u escapes (ensure_ascii)': (value) => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
	'encodeURIComponent': encodeURIComponent,
	'encodeURIComponent, lower-case escapes': (value) => encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
	'form-encoded (URLSearchParams)': (value) => new URLSearchParams({ v: value }).toString().slice(2),
	'form-encoded with %20': (value) => new URLSearchParams({ v: value }).toString().slice(2).replace(/\+/g, '%20'),
	'HTML-escaped': (value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
};

describe.each(SECRETS.map((secret) => [JSON.stringify(secret), secret]))('secret %s', (_name, secret) => {
	test.each(Object.entries(redact.WIRE_ENCODINGS))('sent as %s: redacted in text', (_encoding, encode) => {
		expect(leaks(redact.redactText(`echo: [${encode(secret)}] and [${encode(secret.trim())}]`, [secret]))).toBe(false);
	});
	test.each(Object.entries(ECHOES))('echoed %s: redacted in text, keys and values', (_echo, encode) => {
		const echoed = encode(secret);
		expect(leaks(redact.redactText(`x${echoed}y`, [secret]))).toBe(false);
		expect(leaks(JSON.stringify(redact.redactValue({ [echoed]: [{ note: `got ${echoed}` }] }, [secret])))).toBe(false);
	});
});

test('a form body as the node writes it, echoed whole, keeps nothing of the password', () => {
	const password = "SENTINELPW!9d4e-Ünï'()*~ x";
	const body = `token=abc&new_password=${redact.WIRE_ENCODINGS.form(password)}`;
	expect(body).toContain('SENTINELPW%219d4e-%C3%9Cn%C3%AF');
	expect(leaks(redact.redactText(body, [password]))).toBe(false);
});

test('a lone surrogate in a secret is still redacted as given', () => {
	expect(redact.redactText('a \ud800SENTINEL-9d4e b', ['\ud800SENTINEL-9d4e'])).toBe(`a ${redact.REDACTED} b`);
});

test('n8n\'s own mark stands in for a secret', () => {
	expect(redact.REDACTED).toBe(require('n8n-workflow').REDACTED);
});

test('a raw response has secret-looking keys hidden whatever they hold', () => {
	expect(redact.redactSecretFields({ user: { id: 1 }, token: 'eyJ', refresh_token: 'r', nested: [{ password: 'p' }] })).toEqual({
		user: { id: 1 },
		token: redact.REDACTED,
		refresh_token: redact.REDACTED,
		nested: [{ password: redact.REDACTED }],
	});
});

describe('linkSecrets: what a created link gives away', () => {
	const { linkSecrets } = redact;
	const BASE = 'https://abcd.supabase.co/auth/v1';

	test('the link, encoded as a whole and decoded, and its token; not its type, address, email or the Base URL', () => {
		const link = `${BASE}/verify?token=0123456789abcdef0123&type=recovery&redirect_to=https%3A%2F%2Fapp.example.com&email=ada%40example.com`;
		const secrets = linkSecrets(link, BASE);
		expect(secrets).toEqual(expect.arrayContaining([link, decodeURIComponent(link), encodeURI(link), '0123456789abcdef0123']));
		for (const kept of ['recovery', 'https%3A%2F%2Fapp.example.com', 'https://app.example.com', 'ada%40example.com', 'ada@example.com', 'abcd.supabase.co', 'verify']) {
			expect(secrets).not.toContain(kept);
		}
	});

	test("a path segment token (Okta's reset_password/<token>), as sent and decoded", () => {
		const secrets = linkSecrets('https://org.okta.com/reset_password/drPZr%2Bq-0xuBNAg9xTz1', 'https://org.okta.com');
		expect(secrets).toEqual(expect.arrayContaining(['drPZr%2Bq-0xuBNAg9xTz1', 'drPZr+q-0xuBNAg9xTz1']));
	});

	test('a token in the fragment', () => {
		expect(linkSecrets('https://app.example.com/reset#token=fragmentToken0123456789', 'https://app.example.com')).toContain('fragmentToken0123456789');
	});
});
