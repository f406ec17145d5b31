/**
 * What every service profile must state. Its unknown-account answers are the only answers that
 * can become the neutral "email sent": each names a status, a body shape only the service sends
 * (never a bare status, which a wrong route also gives) and where it comes from. Its credential
 * probe never carries an email, so testing a credential mails no one.
 */
const { EDITION: { profiles: SERVICE_PROFILES } } = require('../../dist/nodes/PasswordReset/edition.js');

describe.each(SERVICE_PROFILES.map((profile) => [profile.id, profile]))('%s profile', (_id, profile) => {
	test('each unknown-account answer has a status, a body condition and a source', () => {
		for (const answer of profile.unknownAccount) {
			expect(answer.status).toBeDefined();
			expect(answer.when ?? answer.serviceCode).toBeDefined();
			expect(answer.source).toMatch(/.{20,}/);
		}
	});

	test('no error rule maps a bare 404 to an account answer', () => {
		for (const rule of profile.errorRules) {
			expect(rule.code).not.toBe('user_not_found');
			if (rule.status === 404) expect(rule.when ?? rule.serviceCode).toBeDefined();
		}
	});

	test('the credential probe sends no email and says what it proves', () => {
		const { credentialTest } = profile;
		// No address anywhere, and a field that would name the account is empty (Strapi's `email: ''`:
		// a real Strapi answers a body-less POST with a 500, so its probe sends an empty email).
		expect(JSON.stringify(credentialTest.fields ?? {})).not.toMatch(/@/);
		for (const [key, value] of Object.entries(credentialTest.fields ?? {})) {
			if (/email|identifier|username|login/i.test(key)) expect([key, value]).toEqual([key, '']);
		}
		expect(credentialTest.proves).toMatch(/.{40,}/);
	});
});
