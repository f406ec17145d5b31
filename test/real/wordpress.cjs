'use strict';
/**
 * The WordPress profile against a real WordPress from Debian's packages (wordpress 6.1.9, PHP 8.2,
 * MariaDB 10.11; a copy of /usr/share/wordpress served by `php -S` with a router that plays the
 * .htaccess rewrites, its mail through PHPMailer to a local SMTP sink), the packed node inside a
 * real n8n: Send Reset Email through the lost-password form (the mail WordPress sent carries its
 * link; an unknown address neutral, or user_not_found when revealed; a wrong Base URL), Set
 * Password through the REST API with an Application Password (sign-in with the set password and not
 * the old, the user's earlier login cookie ended, WordPress's one password rule, an unknown email,
 * a wrong Application Password, Stop), a search of n8n's user folder for every secret; then the
 * sandbox's answers against the real ones. Prints "N passed, N failed".
 */
const { execFile, execFileSync, spawn } = require('node:child_process');
const { promisify } = require('node:util');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { testCredential } = require('../support/engine.cjs');
const { Checks, assert, equal } = require('../support/checks.cjs');
const { freePort } = require('../support/realN8n.cjs');
const { realNodeRunner } = require('../support/realNodeRunner.cjs');
const { startMariadb } = require('../support/debianServices.cjs');
const { waitUntilReady, answers } = require('../support/realServers.cjs');
const { sandboxParity } = require('../support/sandboxParity.cjs');
const { SmtpSink } = require('../support/smtpSink.cjs');

const root = path.resolve(__dirname, '../..');
const EMAIL = 'ada@example.com';
const OLD_PASSWORD = 'Original-pw-1234';
const SECRETS = {
	setPassword: 'SENTINEL-REAL-WP-SET-PW-3a9d!',
	adminPassword: `Admin-${crypto.randomBytes(8).toString('hex')}`,
};
const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

/** wp-config.php for the copy: MariaDB on loopback, its own salts, a local environment (Application Passwords over http), mail to the sink. */
const wpConfig = ({ dbPort, origin, work }) => `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1:${dbPort}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map((name) => `define('${name}', '${crypto.randomBytes(24).toString('hex')}');`).join('\n')}
$table_prefix = 'wp_';
define('WP_HOME', '${origin}');
define('WP_SITEURL', '${origin}');
define('WP_ENVIRONMENT_TYPE', 'local');
// No call to wordpress.org (no network here: each would wait for its timeout), no cron, no updates.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WPMU_PLUGIN_DIR', '${path.join(work, 'mu-plugins')}');
define('WP_DEBUG', false);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`;

/** A must-use plugin: WordPress's mail over SMTP to the sink (no sendmail here). */
const smtpPlugin = (smtpPort) => `<?php
add_action('phpmailer_init', function ($mailer) {
	$mailer->isSMTP();
	$mailer->Host = '127.0.0.1';
	$mailer->Port = ${smtpPort};
	$mailer->SMTPAuth = false;
	$mailer->SMTPAutoTLS = false;
});
`;

async function startWordpress(smtpPort) {
	const php = '/usr/bin/php';
	if (!fs.existsSync('/usr/share/wordpress/wp-login.php') || !fs.existsSync(php)) {
		throw new Error("WordPress is not installed: apt-get install wordpress php-cli php-mysql mariadb-server (scripts/ensure-wordpress.sh does)");
	}
	const database = await startMariadb('wordpress');
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-wordpress-'));
	const site = path.join(work, 'site');
	fs.cpSync('/usr/share/wordpress', site, { recursive: true, dereference: false, verbatimSymlinks: true });
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	fs.rmSync(path.join(site, 'wp-config.php'), { force: true });
	fs.writeFileSync(path.join(site, 'wp-config.php'), wpConfig({ dbPort: database.port, origin, work }));
	fs.mkdirSync(path.join(work, 'mu-plugins'));
	fs.writeFileSync(path.join(work, 'mu-plugins', 'smtp.php'), smtpPlugin(smtpPort));
	for (const file of ['router.php', 'install.php']) fs.copyFileSync(path.join(__dirname, 'wordpress', file), path.join(work, file));
	const installStarted = Date.now();
	// Not execFileSync: the install mails the admin through the sink, which answers on this process's event loop.
	const { stdout } = await promisify(execFile)(php, [path.join(work, 'install.php')], {
		env: { ...process.env, WP_HOST: `127.0.0.1:${port}`, ADMIN_PASSWORD: SECRETS.adminPassword, SEED_EMAIL: EMAIL, SEED_PASSWORD: OLD_PASSWORD },
	});
	const appPassword = stdout.trim();
	console.log(`WordPress installed in ${((Date.now() - installStarted) / 1000).toFixed(1)} s`);
	const server = spawn(php, ['-S', `127.0.0.1:${port}`, '-t', site, path.join(work, 'router.php')], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
	await waitUntilReady(server, answers(origin, (response) => response.ok), 30, 'WordPress');
	return {
		origin,
		appPassword,
		stop: async () => {
			server.kill('SIGTERM');
			await database.stop();
		},
	};
}

/** Signs in through wp-login.php as a browser does: its login cookie, or undefined when refused. */
async function signIn(origin, password) {
	const response = await fetch(`${origin}/wp-login.php`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
		body: new URLSearchParams({ log: 'ada', pwd: password, testcookie: '1', 'wp-submit': 'Log In' }),
	});
	const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).filter((cookie) => cookie.startsWith('wordpress_logged_in_'));
	return response.status === 302 && cookies.length ? cookies.join('; ') : undefined;
}

/** Whether a login cookie still opens the profile page (200), rather than the login form (302). */
const cookieWorks = async (origin, cookie) => (await fetch(`${origin}/wp-admin/profile.php`, { redirect: 'manual', headers: { Cookie: cookie } })).status === 200;

async function main() {
	execFileSync('bash', [path.join(root, 'scripts/ensure-wordpress.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
	const smtp = new SmtpSink();
	const smtpPort = await smtp.listen();
	const started = Date.now();
	const wordpress = await startWordpress(smtpPort);
	console.log(`WordPress on ${wordpress.origin} (${((Date.now() - started) / 1000).toFixed(1)} s, MariaDB and the install included)`);
	try {
		const credentials = {
			wordpress: { service: 'wordpress', baseUrl: wordpress.origin, wordpressUsername: 'help-desk', wordpressAppPassword: wordpress.appPassword },
			wordpressWrongKey: { service: 'wordpress', baseUrl: wordpress.origin, wordpressUsername: 'help-desk', wordpressAppPassword: 'abcd efgh ijkl mnop qrst uvwx' },
			wordpressWrongBase: { service: 'wordpress', baseUrl: `${wordpress.origin}/shop`, wordpressUsername: 'help-desk', wordpressAppPassword: wordpress.appPassword },
		};
		const node = await realNodeRunner({ credentials });
		const send = (email, options = {}, credential = 'wordpress') => node.run({ credential, parameters: { operation: 'sendResetEmail', email, options } });
		const setPassword = (email, newPassword, { credential = 'wordpress', onError } = {}) =>
			node.run({ credential, parameters: { operation: 'setPassword', email }, secrets: { newPassword }, onError });

		const sent = await send(EMAIL);
		const mail = smtp.messages.at(-1);
		const key = /action=rp&(?:amp;)?key=([A-Za-z0-9]+)/.exec(mail?.text ?? '')?.[1];
		check("Send Reset Email → success: the lost-password form's redirect to checkemail=confirm; WordPress mailed its link", () =>
			equal([sent.outcome, mail?.to?.includes(EMAIL), Boolean(key)], ['success', true, true], JSON.stringify(sent.output)));
		const mailsBefore = smtp.messages.length;
		const unknown = await send('nobody@example.com');
		check('an unknown email (WordPress names it) → the neutral success, no mail', () => equal([unknown.outcome, smtp.messages.length - mailsBefore], ['success', 0], JSON.stringify(unknown.output)));
		const revealed = await send('nobody@example.com', { revealUnknownAccounts: true });
		check('an unknown email with Reveal Unknown Accounts → user_not_found', () => equal(revealed.outcome, 'user_not_found', JSON.stringify(revealed.output)));
		const wrongBase = await send(EMAIL, {}, 'wordpressWrongBase');
		check('a Base URL with a path WordPress does not have → endpoint_not_found, nothing mailed', () =>
			equal([wrongBase.outcome, smtp.messages.length - mailsBefore], ['endpoint_not_found', 0], JSON.stringify(wrongBase.output)));

		const cookie = await signIn(wordpress.origin, OLD_PASSWORD);
		check('the user signs in with the old password (a login cookie)', () => assert(cookie, 'no login cookie'));
		const set = await setPassword('Ada@Example.com', SECRETS.setPassword);
		check('Set Password (the email in another case, an Application Password) → success', () => equal(set.outcome, 'success', JSON.stringify(set.output)));
		const [withNew, withOld] = [await signIn(wordpress.origin, SECRETS.setPassword), await signIn(wordpress.origin, OLD_PASSWORD)];
		check('after the set: the set password signs in, the old one is refused', () => equal([Boolean(withNew), Boolean(withOld)], [true, false], 'sign-ins'));
		const cookieAfter = await cookieWorks(wordpress.origin, cookie);
		check("after the set: the user's earlier login cookie no longer opens their profile (its hash held the old password's)", () => equal(cookieAfter, false, 'cookie'));
		const backslash = await setPassword(EMAIL, 'Has-a-back\\slash-2026');
		check("WordPress's one password rule (no backslash) → weak_password, its reason in the message", () =>
			equal([backslash.outcome, /cannot contain the "\\" character/.test(backslash.output[0]?.json.error ?? '')], ['weak_password', true], JSON.stringify(backslash.output)));
		const nobody = await setPassword('nobody@example.com', SECRETS.setPassword);
		check('an unknown email → user_not_found', () => equal(nobody.outcome, 'user_not_found', JSON.stringify(nobody.output)));
		const wrongKey = await setPassword(EMAIL, SECRETS.setPassword, { credential: 'wordpressWrongKey' });
		check('a wrong Application Password → auth_failed', () => equal(wrongKey.outcome, 'auth_failed', JSON.stringify(wrongKey.output)));
		const stopped = await setPassword('nobody@example.com', SECRETS.setPassword, { onError: 'stop' });
		check('under Stop, an unknown email stops the execution with user_not_found', () => equal(stopped.outcome, 'stopped: user_not_found', stopped.outcome));

		const probe = await testCredential(credentials.wordpress);
		check('credential test: the REST index answers at the right Base URL', () => equal(probe.status, 'OK', probe.message));
		const wrongProbe = await testCredential(credentials.wordpressWrongBase);
		check('credential test: a wrong Base URL fails', () => equal(wrongProbe.status, 'Error', wrongProbe.message));
		check("no secret anywhere in n8n's user folder (database, logs): the set password, the Application Password, the mailed key", () =>
			equal(node.leaks({ ...SECRETS, appPassword: wordpress.appPassword, key }), [], 'leaked'));

		const form = (fields) => ({ form: fields });
		const rows = await sandboxParity({
			service: 'wordpress',
			realBase: wordpress.origin,
			requests: [
				['lost password, a known email', '/wp-login.php?action=lostpassword', form({ user_login: EMAIL })],
				['lost password, an unknown email', '/wp-login.php?action=lostpassword', form({ user_login: 'nobody@example.com' })],
				['users search, a wrong Application Password', '/wp-json/wp/v2/users?search=ada&context=edit', { method: 'GET', headers: { Authorization: `Basic ${Buffer.from('help-desk:abcd efgh ijkl mnop qrst uvwx').toString('base64')}` } }],
				['a route it does not have', '/wp-json/wp/v2/nothing', { method: 'GET' }],
			],
		});
		for (const { name, real, sandbox } of rows) check(`sandbox plays WordPress: ${name} (${real.status} ${real.type})`, () => equal(sandbox, real, 'sandbox vs real'));
	} finally {
		await wordpress.stop();
		await smtp.close();
	}
}

checks.run('real WordPress', main);
