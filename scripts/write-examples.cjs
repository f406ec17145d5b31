'use strict';
/**
 * Writes examples/*.json: the workflows the end-to-end suite runs, with example values.
 * Import them into n8n next to examples/credentials.json, with the sandbox running:
 * `npm run sandbox` (it listens on 127.0.0.1:8765 by default).
 */
const fs = require('node:fs');
const path = require('node:path');
const { SANDBOX_KEYS } = require('../sandbox/server.cjs');
const { WORKFLOWS, credentials } = require('../test/e2e/workflows.cjs');
const { supabaseResetMailer, clerkResetCodeBySms, hookCredentials } = require('../test/e2e/triggerWorkflows.cjs');

/** The Password Reset Trigger's credentials in the examples: each to be replaced by the secret its service shows. */
const EXAMPLE_HOOK_SECRETS = {
	supabase: 'v1,whsec_PASTE-THE-SECRET-SUPABASE-GENERATED',
	clerk: 'whsec_PASTE-THE-ENDPOINT-SIGNING-SECRET',
};

const EXAMPLE_VALUES = {
	sandboxUrl: 'http://127.0.0.1:8765',
	newPassword: 'Example-new-password-1',
	wibiclickApiKey: 'sandbox-wibiclick-key',
	keys: SANDBOX_KEYS,
};

const examples = () => ({
	'credentials.json': [...credentials(EXAMPLE_VALUES), ...hookCredentials(EXAMPLE_HOOK_SECRETS)],
	...Object.fromEntries(Object.entries({ ...WORKFLOWS, supabaseResetMailer, clerkResetCodeBySms }).map(([key, build]) => [`${key}.json`, build(EXAMPLE_VALUES)])),
});

if (require.main === module) {
	const dir = path.resolve(__dirname, '../examples');
	fs.mkdirSync(dir, { recursive: true });
	for (const [file, content] of Object.entries(examples())) {
		fs.writeFileSync(path.join(dir, file), `${JSON.stringify(content, null, '\t')}\n`);
	}
}

module.exports = { examples };
