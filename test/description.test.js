const fs = require('node:fs');
const path = require('node:path');
/** What n8n and an AI agent read off the node: the conventions a well-made node keeps. */
const { loadedPackage } = require('./support/engine.cjs');

let description;
let credential;
beforeAll(async () => {
	const loaded = await loadedPackage();
	description = loaded.passwordResetNode.description;
	credential = loaded.passwordResetCredential;
});

const property = (name) => description.properties.filter((p) => p.name === name);

test('public names are fixed', () => {
	// 1.1 checks new passwords by default; a workflow saved with 1 keeps its behaviour.
	expect(description).toMatchObject({ name: 'passwordReset', displayName: 'Password Reset', version: [1, 1.1, 1.2], defaultVersion: 1.2, usableAsTool: true });
	expect(credential).toMatchObject({ name: 'passwordResetApi', displayName: 'Password Reset API' });
	expect(property('operation')[0].options.map((o) => o.value).sort()).toEqual(['checkPassword', 'createResetLink', 'resetPassword', 'sendResetEmail', 'setPassword', 'verifyResetToken']);
	// A saved credential stores its service's id: the profiles, the sandbox and the test tables must agree on each.
	const ids = credential.properties.find((p) => p.name === 'service').options.map((o) => o.value).sort();
	const { SANDBOX_SERVICES } = require('../sandbox/services/index.cjs');
	expect(ids).toEqual([...SANDBOX_SERVICES.map((service) => service.id), 'custom'].sort());
	const tables = fs.readdirSync(path.join(__dirname, 'services')).map((file) => fs.readFileSync(path.join(__dirname, 'services', file), 'utf8')).join('\n');
	for (const id of ids) expect([id, tables.includes(`describeCredentialProbe('${id}'`)]).toEqual([id, true]);
});

test('Resource and Operation take no expressions', () => {
	expect(property('resource')[0].noDataExpression).toBe(true);
	expect(property('operation')[0].noDataExpression).toBe(true);
});

test('secrets are password fields', () => {
	for (const field of property('resetToken')) expect(field.typeOptions.password).toBe(true);
	expect(property('newPassword')[0].typeOptions.password).toBe(true);
	expect(credential.properties.find((p) => p.name === 'apiKey').typeOptions.password).toBe(true);
	for (const name of ['supabaseServiceRoleKey', 'auth0ManagementClientSecret']) {
		expect([name, credential.properties.find((p) => p.name === name).typeOptions?.password]).toEqual([name, true]);
	}
});

test('operations have distinct actions and descriptions, for people and agents', () => {
	const options = property('operation')[0].options;
	expect(new Set(options.map((o) => o.action)).size).toBe(options.length);
	expect(new Set(options.map((o) => o.description)).size).toBe(options.length);
	// Every value an agent fills in is described (Resource has one value; Request Options is n8n's).
	// A notice is its own text.
	const inputs = description.properties.filter((field) => !['resource', 'operation', 'requestOptions'].includes(field.name) && field.type !== 'notice');
	for (const field of inputs.flatMap((field) => (field.type === 'collection' ? field.options : [field]))) {
		expect([field.name, field.description?.length > 10]).toEqual([field.name, true]);
	}
});

test('n8n added Request Options when loading the package (it is a declarative node)', () => {
	expect(property('requestOptions')).toHaveLength(1);
});

describe('the editor shows each field only where it is used', () => {
	const { EDITION: { profiles: SERVICE_PROFILES } } = require('../dist/nodes/PasswordReset/edition');
	const { credentialServices: CREDENTIAL_SERVICES } = require('../dist/nodes/PasswordReset/services/registry').registryOf(require('../dist/nodes/PasswordReset/edition').EDITION);
	const shownFor = (service) =>
		credential.properties.filter((field) => !field.displayOptions || field.displayOptions.show.service.includes(service));
	const names = (fields) => fields.map((field) => field.name);

	test.each(CREDENTIAL_SERVICES.map((profile) => [profile.id, profile]))('%s: the credential form', (id, profile) => {
		const fields = shownFor(id);
		// Each field once: one Base URL, one API Key, per service.
		expect(new Set(names(fields)).size).toBe(fields.length);
		expect(names(fields).includes('apiKey')).toBe(Boolean(profile.auth.apiKey));
		const supported = (operation) => Boolean(profile.operations[operation] && !profile.operations[operation].notSupported);
		expect(names(fields).includes('sendEmailPath')).toBe(supported('sendResetEmail'));
		expect(names(fields).includes('resetPath')).toBe(supported('resetPassword'));
		for (const own of profile.credentialFields ?? []) expect(names(fields)).toContain(own.name);
		const baseUrl = fields.find((field) => field.name === 'baseUrl');
		expect(baseUrl).toMatchObject({ required: true, placeholder: profile.baseUrl.placeholder, default: profile.baseUrl.default ?? '' });
	});

	test("a service's own fields show for no other service (one both declare, as Better Auth's two flows share its admin token, shows for both)", () => {
		for (const profile of CREDENTIAL_SERVICES) {
			const own = profile.credentialFields ?? [];
			for (const other of CREDENTIAL_SERVICES.filter((candidate) => candidate !== profile)) {
				const theirs = names((other.credentialFields ?? []).filter((field) => !own.includes(field))).filter((name) => !['sendEmailPath', 'resetPath'].includes(name));
				expect([profile.id, names(shownFor(profile.id)).filter((name) => theirs.includes(name))]).toEqual([profile.id, []]);
			}
		}
	});

	test('Custom marks its paths required; the listed services offer them as optional overrides', () => {
		const required = (service, name) => shownFor(service).find((field) => field.name === name).required === true;
		expect([required('custom', 'sendEmailPath'), required('custom', 'resetPath')]).toEqual([true, true]);
		expect([required('supabase', 'sendEmailPath'), required('supabase', 'resetPath')]).toEqual([false, false]);
	});

	test("Firebase's fixed address is filled in", () => {
		expect(shownFor('firebase').find((field) => field.name === 'baseUrl').default).toBe('https://identitytoolkit.googleapis.com/v1');
	});

	test('each service option says what it can do and whether it takes a key', () => {
		const options = credential.properties.find((p) => p.name === 'service').options;
		expect(options.find((o) => o.value === 'auth0').description).toBe('Send Reset Email, Create Reset Link, Set Password · no API key');
		expect(options.find((o) => o.value === 'supabase').description).toBe('Send Reset Email, Reset Password, Create Reset Link, Set Password · API key required');
		expect(options.every((o) => o.description)).toBe(true);
	});

	test('options only Send Reset Email reads show only under it', () => {
		const options = property('options')[0].options;
		const sendOnly = options.filter((option) => option.displayOptions?.show?.['/operation']?.join() === 'sendResetEmail').map((o) => o.name);
		expect(sendOnly.sort()).toEqual(['maxRetryAfter', 'maxSendsPerRun', 'revealUnknownAccounts']);
		expect(options.find((o) => o.name === 'maxRetryAfter').displayName).toMatch(/\(Seconds\)$/);
	});

	test('Actions list in the order of a reset: Send → Reset → Verify, then the checks, then the admin ones: the link and the set', () => {
		expect(property('operation')[0].options.map((o) => o.name)).toEqual(['Send Reset Email', 'Reset Password', 'Verify Reset Token', 'Check New Password', 'Create Reset Link', 'Set Password']);
	});

	test("the canvas subtitle is the operation's name", () => {
		// The expression is plain JavaScript between ={{ and }}.
		const subtitleOf = new Function('$parameter', `return ${/^=\{\{(.*)\}\}$/s.exec(description.subtitle)[1]}`);
		const subtitles = Object.fromEntries(property('operation')[0].options.map((o) => [o.value, subtitleOf({ operation: o.value })]));
		expect(subtitles).toEqual(Object.fromEntries(property('operation')[0].options.map((o) => [o.value, o.name])));
	});

	test('people find it by the words they search: the codex aliases name every service', () => {
		const codex = require('../nodes/PasswordReset/PasswordReset.node.json');
		const aliases = codex.alias.map((alias) => alias.toLowerCase());
		expect(aliases).toEqual(expect.arrayContaining(['forgot password', 'reset password', 'recover account']));
		// n8n's search matches a query within one alias: "supabase reset" needs "Supabase password reset".
		for (const profile of SERVICE_PROFILES) {
			expect(aliases).toContain(`${profile.displayName.replace(/ \(.*\)$/, '')} password reset`.toLowerCase());
		}
	});

	test('the Docs link is absolute, so n8n opens it as is', () => {
		expect(description.documentationUrl).toMatch(/^https:\/\/github\.com\/.*#readme$/);
		expect(require('../package.json').bugs.url).toMatch(/^https:\/\/github\.com\/.*\/issues$/);
	});
});

test('the editor shows only the inputs the Mapping Mode reads: the values below, or the item fields by name', () => {
	const { NodeHelpers } = require('n8n-workflow');
	const node = { name: 'Password Reset', type: 'n8n-nodes-password-reset.passwordReset', typeVersion: 1, parameters: {} };
	const shown = (operation, mappingMode) => {
		const parameters = { resource: 'user', operation, ...(mappingMode ? { mappingMode } : {}) };
		const all = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description);
		return Object.keys(all).filter((name) => !['resource', 'operation', 'mappingMode', 'options', 'requestOptions'].includes(name)).sort();
	};
	// Saved workflows without the parameter keep their meaning: Define Each Value Below is the default.
	expect(shown('sendResetEmail')).toEqual(['email']);
	expect(shown('sendResetEmail', 'defineBelow')).toEqual(['email']);
	expect(shown('resetPassword', 'defineBelow')).toEqual(['email', 'newPassword', 'resetToken']);
	expect(shown('verifyResetToken', 'defineBelow')).toEqual(['resetToken']);
	expect(shown('sendResetEmail', 'autoMapInputData')).toEqual(['emailField']);
	expect(shown('resetPassword', 'autoMapInputData')).toEqual(['emailField', 'newPassField', 'resetCodeField']);
	expect(shown('verifyResetToken', 'autoMapInputData')).toEqual(['resetCodeField']);
	expect(shown('checkPassword', 'defineBelow')).toEqual(['email', 'newPassword']);
	expect(shown('checkPassword', 'autoMapInputData')).toEqual(['emailField', 'newPassField']);
	expect(shown('createResetLink', 'defineBelow')).toEqual(['email', 'resetLinkNotice']);
	expect(shown('createResetLink', 'autoMapInputData')).toEqual(['emailField', 'resetLinkNotice']);
	// No field name takes an expression, and none is a secret.
	for (const field of description.properties.filter((p) => p.name.endsWith('Field'))) {
		expect([field.name, field.noDataExpression, field.typeOptions?.password]).toEqual([field.name, true, undefined]);
	}
});

test("the item fields' parameters in the description are the ones the run reads, with the same defaults", () => {
	const { MAPPED_FIELDS } = require('../dist/nodes/PasswordReset/run/input.js');
	for (const { parameter, default: fallback } of Object.values(MAPPED_FIELDS)) {
		const shown = property(parameter);
		expect([parameter, shown.length > 0, [...new Set(shown.map((p) => p.default))]]).toEqual([parameter, true, [fallback]]);
	}
});
