/** Check New Password's pure half and the reset-link check, on the sources. */
const path = require('node:path');

const src = (file) => require(path.resolve(__dirname, '../../nodes/PasswordReset', file));
const { contextWords, localRefusal, passwordLength, breachedRefusal, SINGLE_FACTOR_MIN_LENGTH } = src('safety/newPassword.ts');
const { COMMON_PASSWORDS } = src('safety/commonPasswords.ts');
const { resetLinkProblem } = src('safety/checks.ts');
const { rangeHash } = src('run/breachedPasswords.ts');

describe('context words', () => {
	test("the email's name, its parts, its domain's names, the service's name and its parts", () => {
		expect(contextWords('Ada.Lovelace+n8n@mail.analytical-engine.co.uk', 'Better Auth (Email OTP)', ['Acme'])).toEqual(
			expect.arrayContaining(['ada.lovelace', 'lovelace', 'mail', 'analytical-engine', 'betterauthemailotp', 'better', 'acme']),
		);
	});
	test('no generic parts of service names, nothing shorter than 4 characters, no top-level domain', () => {
		const words = contextWords('ada@example.com', 'Better Auth (Email OTP)', []);
		for (const word of ['ada', 'auth', 'email', 'otp', 'com']) expect(words).not.toContain(word);
	});
});

test('NIST counts characters as code points after NFKC', () => {
	expect(passwordLength('🙂'.repeat(15))).toBe(15);
	expect(passwordLength('e\u0301'.repeat(15))).toBe(15);
	expect(passwordLength('ﬁ')).toBe(2);
});

test('the checks run in the order a user fixes them: length, context, common', () => {
	expect(localRefusal('ada', SINGLE_FACTOR_MIN_LENGTH, ['ada'])?.problem).toBe('too_short');
	expect(localRefusal('password12345678', 8, ['password'])?.problem).toBe('context_word');
	expect(localRefusal('PASSWORD1', 8, [])?.problem).toBe('common');
	expect(localRefusal('a'.repeat(1000), SINGLE_FACTOR_MIN_LENGTH, [])).toBeUndefined();
});

test('no composition rules: a long lower-case passphrase passes', () => {
	expect(localRefusal('violet harbor lantern quietly', SINGLE_FACTOR_MIN_LENGTH, ['ada'])).toBeUndefined();
});

test('the bundled list: 1,000 lower-case passwords of 8 characters or more', () => {
	expect(COMMON_PASSWORDS.size).toBe(1000);
	for (const password of COMMON_PASSWORDS) expect(password.length >= 8 && password === password.toLowerCase()).toBe(true);
	expect(COMMON_PASSWORDS.has('password')).toBe(true);
});

test("a breach count reads as a number, and the range hash is SHA-1's upper-case hex", () => {
	expect(breachedRefusal(3861493).message).toMatch(/3,861,493 times/);
	expect(rangeHash('password')).toBe('5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8');
});

describe('a created link', () => {
	const BASE = 'https://org.okta.test/api';
	test.each([
		['https://org.okta.test/reset_password/abc', undefined],
		[undefined, 'answered without a reset link'],
		['', 'answered without a reset link'],
		[42, 'answered without a reset link'],
		['http://org.okta.test/reset_password/abc', 'answered a reset link that is not an https URL'],
		['javascript:alert(1)', 'answered a reset link that is not an https URL'],
		['/reset_password/abc', 'answered a reset link that is not an https URL'],
		['https://org.okta.test.evil.test/x', "answered a reset link on org.okta.test.evil.test, not on the Base URL's host org.okta.test"],
		['https://org.okta.test:8443/x', "answered a reset link on org.okta.test:8443, not on the Base URL's host org.okta.test"],
		['https://user@org.okta.test/x', 'answered a reset link with a user name in it'],
		['https://org.okta.test/x\r\nSet-Cookie: a', 'answered a reset link that is not an https URL'],
	])('%j → %j', (link, problem) => {
		expect(resetLinkProblem(link, BASE)).toBe(problem);
	});
	test('http only where the Base URL is loopback', () => {
		expect(resetLinkProblem('http://127.0.0.1:8765/okta/reset_password/abc', 'http://127.0.0.1:8765/okta')).toBeUndefined();
	});
});
