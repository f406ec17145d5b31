'use strict';
/**
 * A real Vendure 3 for test/real/vendure.cjs (run as its own process): @vendure/testing's server
 * on sql.js with one generated customer, its Shop API on PORT. Every PasswordResetEvent's token
 * (the value Vendure's EmailPlugin puts in the reset email's link) is appended to TOKEN_FILE, one
 * JSON line per event. Prints `ready <customer's email>` once it serves.
 */
const fs = require('node:fs');
const path = require('node:path');

const { VENDURE_DIR, WORK_DIR, PORT, TOKEN_FILE } = process.env;
const load = (name) => require(path.join(VENDURE_DIR, 'node_modules', name));
const { createTestEnvironment, registerInitializer, SqljsInitializer, testConfig } = load('@vendure/testing');
const { EventBus, LanguageCode, PasswordResetEvent, mergeConfig } = load('@vendure/core');
const gql = load('graphql-tag');

async function main() {
	registerInitializer('sqljs', new SqljsInitializer(WORK_DIR));
	const config = mergeConfig(testConfig, { apiOptions: { port: Number(PORT) }, logger: undefined });
	const { server, adminClient } = createTestEnvironment(config);
	await server.init({
		initialData: { defaultLanguage: LanguageCode.en, defaultZone: 'Europe', taxRates: [], shippingMethods: [], paymentMethods: [], countries: [{ name: 'United Kingdom', code: 'GB', zone: 'Europe' }], collections: [] },
		customerCount: 1,
	});
	server.app.get(EventBus).ofType(PasswordResetEvent).subscribe((event) => {
		const token = event.user.getNativeAuthenticationMethod().passwordResetToken;
		fs.appendFileSync(TOKEN_FILE, `${JSON.stringify({ email: event.user.identifier, token })}\n`);
	});
	await adminClient.asSuperAdmin();
	const { customers } = await adminClient.query(gql`query { customers { items { emailAddress } } }`);
	console.log(`ready ${customers.items[0].emailAddress}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
