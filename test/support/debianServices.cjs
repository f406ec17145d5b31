'use strict';
/**
 * Servers from Debian's packages, started on loopback for one test run and stopped after it:
 * PostgreSQL (a temporary cluster), Redis and MariaDB (a temporary data folder). The queue-mode
 * suite, the real Parse Server suite and the real WordPress suite use them.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { freePort } = require('./realN8n.cjs');

/** A binary of Debian's packages, or a message that says which package to install. */
function debianBinary(name, packageName, dirs) {
	const found = dirs.map((dir) => path.join(dir, name)).find((candidate) => fs.existsSync(candidate));
	if (!found) throw new Error(`${name} not found: install Debian's ${packageName} (apt-get install ${packageName})`);
	return found;
}

const postgresBinDirs = () =>
	fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').sort().reverse().map((version) => `/usr/lib/postgresql/${version}/bin`) : [];

/** Waits until something accepts TCP connections on the port. */
async function listening(port, child, what) {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode})`);
		const open = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1', () => resolve(socket.end() && true));
			socket.on('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`${what} did not listen on ${port} within 60 s`);
}

/** PostgreSQL in a temporary cluster (as the postgres user when run as root: it refuses root). */
async function startPostgres() {
	const initdb = debianBinary('initdb', 'postgresql', postgresBinDirs());
	const postgres = debianBinary('postgres', 'postgresql', postgresBinDirs());
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-pg-'));
	const asRoot = process.getuid?.() === 0;
	if (asRoot) execFileSync('chown', ['postgres', dir]);
	const as = (command, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]);
	execFileSync(...as(initdb, ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8']), { stdio: 'ignore' });
	const port = await freePort();
	const child = spawn(...as(postgres, ['-D', path.join(dir, 'data'), '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1']), { stdio: 'ignore' });
	await listening(port, child, 'PostgreSQL');
	execFileSync(...as(path.join(path.dirname(postgres), 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'n8n']));
	return { port, stop: () => stopChild(child) };
}

async function startRedis() {
	const redis = debianBinary('redis-server', 'redis-server', ['/usr/bin', '/usr/local/bin']);
	const port = await freePort();
	const child = spawn(redis, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
	await listening(port, child, 'Redis');
	return { port, stop: () => stopChild(child) };
}

/** MariaDB in a temporary data folder, root without a password, one empty database `name`. */
async function startMariadb(name) {
	const installDb = debianBinary('mariadb-install-db', 'mariadb-server', ['/usr/bin', '/usr/sbin']);
	const server = debianBinary('mariadbd', 'mariadb-server', ['/usr/sbin', '/usr/bin']);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-mariadb-'));
	const asRoot = process.getuid?.() === 0;
	const user = asRoot ? ['--user=root'] : [];
	execFileSync(installDb, ['--no-defaults', `--datadir=${path.join(dir, 'data')}`, '--auth-root-authentication-method=normal', ...user], { stdio: 'ignore' });
	const port = await freePort();
	const socket = path.join(dir, 'mariadb.sock');
	const child = spawn(server, ['--no-defaults', `--datadir=${path.join(dir, 'data')}`, `--socket=${socket}`, `--port=${port}`, '--bind-address=127.0.0.1', '--skip-log-bin', ...user], { stdio: 'ignore' });
	await listening(port, child, 'MariaDB');
	execFileSync(debianBinary('mariadb', 'mariadb-client', ['/usr/bin']), ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', `CREATE DATABASE ${name}`]);
	return { port, stop: () => stopChild(child) };
}

const stopChild = (child) =>
	new Promise((resolve) => {
		if (child.exitCode !== null) return resolve();
		child.on('close', resolve);
		child.kill('SIGTERM');
	});

module.exports = { startPostgres, startRedis, startMariadb };
