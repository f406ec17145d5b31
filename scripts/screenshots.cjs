'use strict';
/**
 * `npm run screenshots`: the README's pictures, taken from the real n8n editor (the instance
 * `npm run dev` starts) in Debian's Chromium, driven by playwright-core. Writes docs/*.png.
 */
const fs = require('node:fs');
const path = require('node:path');
const { startDevInstance } = require('./devInstance.cjs');
const { launchChromium } = require('../test/e2e/form.cjs');

const DOCS = path.resolve(__dirname, '../docs');
const VIEWPORT = { width: 1440, height: 900 };

async function main() {
	fs.mkdirSync(DOCS, { recursive: true });
	const dev = await startDevInstance();
	const browser = await launchChromium();
	const taken = [];
	try {
		const page = await browser.newPage({ viewport: VIEWPORT });
		page.setDefaultTimeout(30_000);
		const shot = async (name, locator) => {
			await page.waitForTimeout(1000); // animations settle
			const file = path.join(DOCS, `${name}.png`);
			await (locator ?? page).screenshot({ path: file });
			taken.push(file);
		};
		const dismissPopups = async () => {
			for (const label of ['Close', 'Skip', 'Got it', 'Dismiss']) {
				const button = page.getByRole('button', { name: label, exact: true });
				if (await button.count()) await button.first().click().catch(() => {});
			}
			await page.keyboard.press('Escape');
		};
		const openWorkflow = async (id) => {
			await page.goto(`${dev.url}/workflow/${id}`);
			await page.locator('.vue-flow__node').first().waitFor();
			await dismissPopups();
		};
		const openNode = async (name) => {
			await page.locator('.vue-flow__node', { hasText: name }).first().dblclick();
			await page.getByText('Parameters', { exact: true }).first().waitFor();
		};

		await page.goto(`${dev.url}/signin`);
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(dev.login.email);
		await page.locator('input[type="password"]').first().fill(dev.login.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

		// 1. Finding the node: the nodes panel, searched for what people type.
		await page.goto(`${dev.url}/workflow/new`);
		await page.locator('[data-test-id="node-creator-plus-button"]').first().click();
		await page.keyboard.type('forgot password');
		await page.getByText('Password Reset', { exact: true }).first().waitFor();
		await shot('find-the-node');
		await page.keyboard.press('Escape');

		// 2. The filled node: Supabase's Reset Password in the example flow.
		await openWorkflow(dev.workflowIds.resetFlow);
		await openNode('Supabase: Reset Password');
		await shot('node-reset-password');
		await page.keyboard.press('Escape');

		// 3. The credential form, Supabase's fields only.
		await page.goto(`${dev.url}/home/credentials`);
		await page.locator('[data-test-id="resources-list-search"] input, input[data-test-id="resources-list-search"]').first().fill('sandboxSupabase');
		await page.getByText('sandboxSupabase', { exact: true }).first().click();
		await page.getByText('Connection tested successfully').first().waitFor();
		await shot('credential-supabase');
		await page.keyboard.press('Escape');

		// 4. An error item: the failures example, run in the editor, one node's output.
		await openWorkflow(dev.workflowIds.failureModes);
		await page.locator('[data-test-id="execute-workflow-button"]').first().click();
		await openNode('Xano: Bad Codes');
		await page.getByText('invalid_or_expired_token').first().waitFor({ timeout: 60_000 });
		await shot('error-item');
		await page.keyboard.press('Escape');

		// 5. The node as an AI agent's tool.
		await openWorkflow(dev.workflowIds.aiAgentTool);
		await shot('agent-tool-canvas');
		await openNode('Send Reset Email Tool');
		await shot('agent-tool');
		await page.keyboard.press('Escape');

		// 6. Create Reset Link in the help-desk flow: its notice says what the link is.
		await openWorkflow(dev.workflowIds.helpDeskResetLink);
		await openNode('Create Reset Link');
		await page.getByText('opens this account to whoever holds it', { exact: false }).first().waitFor();
		await shot('node-create-reset-link');
		await page.keyboard.press('Escape');

		// 7. Check New Password's options under Reset Password (node 1.1), in the self-service page.
		await openWorkflow(dev.workflowIds.selfServiceReset);
		await openNode('Reset Password');
		await page.getByText('Check Breached Passwords', { exact: true }).first().waitFor();
		await shot('node-password-check');
	} finally {
		await browser.close();
		await dev.stop();
	}
	console.log(`Wrote ${taken.length} screenshots:\n${taken.map((file) => path.relative(process.cwd(), file)).join('\n')}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
