/**
 * Every service end to end against the sandbox, on n8n's engine: the demo's scenarios, each
 * step's outcome as expected (send → token from the outbox → verify → reset → reuse fails), and
 * a Supabase reset delivered through the Password Reset Trigger.
 */
const { runDemo } = require('../scripts/demo.cjs');
const { SANDBOX_SCENARIOS } = require('../sandbox/services/index.cjs');

test('every demo scenario gives its expected outcomes', async () => {
	const rows = await runDemo();
	expect(rows.filter((row) => !row.ok)).toEqual([]);
	// One per scenario, Check New Password's, and the trigger's (Supabase's Send Email Hook).
	expect(new Set(rows.map((row) => row.service)).size).toBe(SANDBOX_SCENARIOS.length + 2);
	expect(rows.filter((row) => row.service === 'supabase → trigger').length).toBe(4);
	expect(rows.filter((row) => row.step === 'create reset link').length).toBe(SANDBOX_SCENARIOS.filter((scenario) => scenario.link).length);
}, 60_000);
