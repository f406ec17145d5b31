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
	expect(description).toMatchObject({ name: 'passwordReset', displayName: 'Password Reset', version: 1, usableAsTool: true });
	expect(credential).toMatchObject({ name: 'passwordResetApi', displayName: 'Password Reset API' });
	expect(property('operation')[0].options.map((o) => o.value).sort()).toEqual(['resetPassword', 'sendResetEmail', 'verifyResetToken']);
	expect(credential.properties.find((p) => p.name === 'service').options.map((o) => o.value).sort()).toEqual(
		['appwrite', 'auth0', 'custom', 'directus', 'firebase', 'industrialIot', 'pocketbase', 'strapi', 'supabase', 'wabotify', 'wibiclick', 'xano'],
	);
});

test('Resource and Operation take no expressions', () => {
	expect(property('resource')[0].noDataExpression).toBe(true);
	expect(property('operation')[0].noDataExpression).toBe(true);
});

test('secrets are password fields', () => {
	for (const field of property('resetToken')) expect(field.typeOptions.password).toBe(true);
	expect(property('newPassword')[0].typeOptions.password).toBe(true);
	expect(credential.properties.find((p) => p.name === 'apiKey').typeOptions.password).toBe(true);
});

test('operations have distinct actions and descriptions, for people and agents', () => {
	const options = property('operation')[0].options;
	expect(new Set(options.map((o) => o.action)).size).toBe(options.length);
	expect(new Set(options.map((o) => o.description)).size).toBe(options.length);
	// Every value an agent fills in is described (Resource has one value; Request Options is n8n's).
	const inputs = description.properties.filter((field) => !['resource', 'operation', 'requestOptions'].includes(field.name));
	for (const field of inputs.flatMap((field) => (field.type === 'collection' ? field.options : [field]))) {
		expect([field.name, field.description?.length > 10]).toEqual([field.name, true]);
	}
});

test('n8n added Request Options when loading the package (it is a declarative node)', () => {
	expect(property('requestOptions')).toHaveLength(1);
});
