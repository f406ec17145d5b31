'use strict';
/**
 * The self-service reset page (examples/selfServiceReset.json) in a real browser: Debian's
 * Chromium, driven by playwright-core, against the form's production URL on a real `n8n start`,
 * with the sandbox as the back end. Then n8n's database is searched for the new password.
 */
const fs = require('node:fs');
const path = require('node:path');
const { selfServiceReset, RESET_FORM_PATH } = require('./workflows.cjs');
const { assert } = require('../support/checks.cjs');
const { credentialTestChecks } = require('./credentialTest.cjs');
const { n8nDatabase } = require('../support/realN8n.cjs');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Flags for a closed network: no background calls to Google's hosts (see the machine notes). */
const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const launchChromium = () => {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
	const { chromium } = require('playwright-core');
	return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
};

/** Waits until the published form answers: n8n registers a published trigger just after start. */
async function waitForForm(url) {
	for (let attempt = 0; attempt < 120; attempt++) {
		const response = await fetch(url).catch(() => undefined);
		if (response?.ok) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`${url} never answered 200`);
}

/**
 * @param {{ n8n, start, userFolder }} instance from prepareN8n, with the credentials imported
 * @param sandbox the running ResetSandbox
 * @param check (name, fn) => void
 * @param secrets the new password the browser types, collected for the scan
 * @param credentials the sandbox credentials imported into the instance
 * @param onServer (server) => Promise: more checks on the same started n8n
 */
async function formChecks({ instance, sandbox, check, newPassword, credentials, onServer }) {
	const workflow = selfServiceReset({ rangeApiUrl: sandbox.rangeApiUrl() });
	const file = path.join(instance.userFolder, 'selfServiceReset.json');
	fs.writeFileSync(file, JSON.stringify(workflow));
	const imported = await instance.n8n('import:workflow', `--input=${file}`);
	check('form: import', () => assert(imported.status === 0, imported.stderr));
	const published = await instance.n8n('publish:workflow', `--id=${workflow.id}`);
	check('form: publish', () => assert(published.status === 0, published.stderr));
	const server = await instance.start({ extraEnv: { EXECUTIONS_DATA_PRUNE_HARD_DELETE_INTERVAL: '1' } });
	const formUrl = `${server.url}/form/${RESET_FORM_PATH}`;
	// The same instance serves the editor's credential test.
	await credentialTestChecks({ server, credentials, sandbox, check }).catch((error) =>
		check('credential test in n8n: ran', () => {
			throw error;
		}),
	);
	// Other checks that need a started n8n run on this one (the trigger's).
	await onServer?.(server).catch((error) =>
		check('checks on the started n8n: ran', () => {
			throw error;
		}),
	);
	const browser = await launchChromium();
	const typed = [];
	const page = await browser.newPage();
	try {
		await waitForForm(formUrl);
		const timeout = 30_000;
		page.setDefaultTimeout(timeout);
		const heading = async (text) => page.getByText(text, { exact: false }).first().waitFor({ timeout });
		// The pages' POSTs to the waiting run: the code page's submission, then the last page's
		// "I was shown" (which ends the run).
		let runPosts = 0;
		page.on('response', (response) => {
			if (response.request().method() === 'POST' && response.url().includes('/form-waiting/')) runPosts += 1;
		});
		let postsBeforeSubmit = 0;
		const lastPage = async (text) => {
			await heading(text);
			for (const deadline = Date.now() + timeout; runPosts < postsBeforeSubmit + 2; ) {
				if (Date.now() > deadline) throw new Error(`"${text}" never told n8n it was shown`);
				await page.waitForTimeout(100);
			}
		};
		const askForCode = async (email) => {
			await page.goto(formUrl);
			await page.getByLabel('Email').fill(email);
			await page.getByRole('button', { name: 'Send me a code' }).click();
			await heading('Check your inbox');
		};
		const setPassword = async (code, password) => {
			typed.push(password);
			await page.getByLabel('Code from the email').fill(code);
			await page.getByLabel('New password').fill(password);
			postsBeforeSubmit = runPosts;
			await page.getByRole('button', { name: 'Set new password' }).click();
		};

		// A breached new password (one the sandbox's range API knows, typed nowhere else, so the database
		// scan below means something): refused before it is sent, so the code stays unused; the page says why.
		const refusedMailsBefore = sandbox.outbox.length;
		await askForCode('grace@example.com');
		const graceMail = sandbox.outbox.slice(refusedMailsBefore).find((entry) => entry.service === 'supabase' && entry.to === 'grace@example.com');
		await setPassword(graceMail?.token ?? '000000', 'Sandbox-breached-2026!');
		await lastPage('Your password was not changed');
		const refusedPage = await page.locator('body').innerText();
		check('form: a breached new password → a page that says why; it was never sent (the code is unused)', () =>
			assert(/appeared in data breaches/.test(refusedPage) && graceMail && !sandbox.account('supabase', 'grace@example.com').token.used, refusedPage));

		// A known account: the code from its email, a new password, the success page.
		const email = 'ada@example.com';
		const mailsBefore = sandbox.outbox.length;
		await askForCode(email);
		const mail = sandbox.outbox.slice(mailsBefore).find((entry) => entry.service === 'supabase' && entry.to === email);
		check('form: the email page sent one Supabase reset mail to the address typed', () => assert(mail, 'no mail in the sandbox outbox'));
		await setPassword(mail.token, newPassword);
		await lastPage('Your password has been changed');
		const changedPage = await page.locator('body').innerText();
		check('form: code + new password → "Your password has been changed"', () =>
			assert(/Your password has been changed/.test(changedPage) && !/not changed/.test(changedPage), changedPage));
		check('form: the account has the new password', () => assert(sandbox.account('supabase', email).password === newPassword, 'password unchanged'));

		// An unknown address gets the same page as a known one: the form tells no one who has an account.
		const unknownMailsBefore = sandbox.outbox.length;
		await askForCode('nobody@example.com');
		const unknownPage = await page.locator('body').innerText();
		check('form: an unknown email → the same "Check your inbox" page, no mail sent', () =>
			assert(/Check your inbox/.test(unknownPage) && sandbox.outbox.length === unknownMailsBefore, `${sandbox.outbox.length - unknownMailsBefore} mails; ${unknownPage}`));
		await setPassword('000000', `${newPassword}-unused`);
		await lastPage('Your password was not changed');
		const text = await page.locator('body').innerText();
		check('form: a wrong code → a page that says so, with a link to ask for a new email', () =>
			assert(/That code is wrong, has expired or was already used/.test(text) && /Ask for a new email/.test(text), text));
		await page.getByRole('link', { name: 'Ask for a new email' }).click();
		await heading('Reset your password');
		const backAt = new URL(page.url()).pathname;
		const asksForEmail = await page.getByLabel('Email').isVisible();
		check('form: the link leads back to the first page', () => assert(backAt === `/form/${RESET_FORM_PATH}` && asksForEmail, `${backAt}, email field shown: ${asksForEmail}`));
	} catch (error) {
		// A step that never came: say where the browser was, and what n8n said.
		const body = await page.locator('body').innerText().catch(() => '(no page)');
		check('form: the browser flow ran to the end', () => {
			throw new Error(`${error.message}\nat ${page.url()}: ${body.slice(0, 500)}\n${server.diagnosis(server.child.exitCode)}`);
		});
	} finally {
		await browser.close();
	}
	try {
		// The workflow keeps no execution data. n8n marks each run deleted as it ends (unless it is
		// waiting to show a page), then erases it at its next hard-delete pass: every minute here
		// (EXECUTIONS_DATA_PRUNE_HARD_DELETE_INTERVAL), every 15 minutes by default.
		const visible = await executionsLeft(instance.userFolder, workflow.id, 'AND deletedAt IS NULL', 20_000);
		check('form: each run is deleted as soon as its last page is shown', () => assert(visible === 0, `${visible} runs kept`));
		const kept = await executionsLeft(instance.userFolder, workflow.id, '', 100_000);
		check("form: n8n's next hard-delete pass erases the runs", () => assert(kept === 0, `${kept} runs still in the database`));
		const rows = liveRows(instance.userFolder);
		check(`form: then the new passwords appear in no row of n8n's database (${rows.length} rows)`, () => {
			const found = typed.filter((password) => rows.some((row) => row.includes(password)));
			assert(found.length === 0, `${found.length} of ${typed.length} found`);
		});
	} finally {
		await server.stop();
	}
	return typed;
}

const database = n8nDatabase;

/** Runs of the workflow in n8n's database that match `condition`, once none do or `waitMs` passed. */
async function executionsLeft(userFolder, workflowId, condition, waitMs) {
	const deadline = Date.now() + waitMs;
	for (;;) {
		const db = database(userFolder);
		const { count } = db.prepare(`SELECT COUNT(*) AS count FROM execution_entity WHERE workflowId = ? ${condition}`).get(workflowId);
		db.close();
		if (count === 0 || Date.now() > deadline) return count;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

/** Every row of every table of n8n's SQLite database, as text. */
function liveRows(userFolder) {
	const db = database(userFolder);
	const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((table) => table.name);
	const rows = tables.flatMap((table) => db.prepare(`SELECT * FROM "${table}"`).all().map((row) => JSON.stringify(row)));
	db.close();
	return rows;
}

module.exports = { formChecks, launchChromium, waitForForm, liveRows };
