'use strict';
/**
 * `npm run build:packages`: one n8n package per service, from the same source, for n8n Cloud
 * (whose verification takes packages that integrate exactly one service). For each service's
 * profile file (Better Auth's holds two profiles, its plain and its Email OTP plugin), in
 * build/packages/<name>/:
 * - the engine's sources with only that file's profiles (no Custom), and its shells written from
 *   the templates in scripts/shells.cjs: its edition (`nodes/SupabasePasswordReset/edition.ts`),
 *   its node and its credential classes (`SupabasePasswordReset`, `SupabasePasswordResetApi`),
 *   which pass that edition to the engine; its codex, the icons, compiled into dist/ (no maps, no types);
 * - its package.json (MIT, the same repository and author, no runtime dependency) and its README,
 *   both written from the profile, and the LICENSE.
 * Then packs each into build/tarballs/. Prints each package's name and packed size.
 * The all-services package (the product for self-hosted n8n, with Custom) is the root one.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const BUILD = path.join(root, 'build');
const PACKAGES = path.join(BUILD, 'packages');
const TARBALLS = path.join(BUILD, 'tarballs');
const rootPackage = require(path.join(root, 'package.json'));
const { codexAliases } = require('./generate.cjs');
const { servicePackages, ENGINE } = require('./servicePackages.cjs');
const { nodeShell, credentialShell, triggerShell, hookCredentialShell } = require('./shells.cjs');

const copyTree = (from, to, skip = () => false) => {
	fs.mkdirSync(to, { recursive: true });
	for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
		const source = path.join(from, entry.name);
		if (skip(path.relative(root, source))) continue;
		if (entry.isDirectory()) copyTree(source, path.join(to, entry.name), skip);
		else fs.copyFileSync(source, path.join(to, entry.name));
	}
};

const senderImports = (pkg) => pkg.senders.map((source) => `import { ${source.name} } from '../PasswordReset/hooks/senders/${source.file}';\n`).join('');

/** The edition's trigger, for a package whose service hands its reset messages over (a sender). */
const triggerSource = (pkg) =>
	pkg.senders.length === 0
		? ''
		: `	trigger: {
		node: { name: ${JSON.stringify(pkg.triggerNodeName)}, displayName: ${JSON.stringify(`${pkg.vendor} Password Reset Trigger`)} },
		credential: { name: ${JSON.stringify(pkg.hookCredentialName)}, displayName: ${JSON.stringify(`${pkg.vendor} Password Reset Hook API`)} },
		documentationUrl: ${JSON.stringify(`https://www.npmjs.com/package/${pkg.packageName}#password-reset-trigger`)},
		senders: [${pkg.senders.map((source) => source.name).join(', ')}],
	},
`;

const editionSource = (pkg) => `${senderImports(pkg)}import type { Edition } from '../PasswordReset/kernel/types';
import { ${pkg.sources.map((source) => source.name).join(', ')} } from '../PasswordReset/services/${pkg.file}';

/** This package's edition, written by \`npm run build:packages\`: ${pkg.vendor} only, no Custom. */
export const EDITION: Edition = {
	packageName: ${JSON.stringify(pkg.packageName)},
	documentationUrl: { node: ${JSON.stringify(`https://www.npmjs.com/package/${pkg.packageName}`)}, credential: ${JSON.stringify(`https://www.npmjs.com/package/${pkg.packageName}#credential-${pkg.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-api`)} },
	node: { name: ${JSON.stringify(pkg.nodeName)}, displayName: ${JSON.stringify(pkg.displayName)} },
	credential: { name: ${JSON.stringify(pkg.credentialName)}, displayName: ${JSON.stringify(`${pkg.displayName} API`)} },
	profiles: [${pkg.sources.map((source) => source.name).join(', ')}],
${triggerSource(pkg)}};
`;

/**
 * The profile files of other services, Custom, the all-services node, credentials and edition;
 * the hook senders of other services, and the trigger's code where the service has no sender.
 */
const notInPackage = (pkg) => (relative) => {
	const service = /^nodes\/PasswordReset\/services\/([A-Za-z0-9]+)\.ts$/.exec(relative)?.[1];
	if (service && !['index', 'answers', 'registry', pkg.file].includes(service)) return true;
	if (pkg.senders.length === 0 && [`${ENGINE}/hooks`, `${ENGINE}/trigger`].includes(relative)) return true;
	const sender = /^nodes\/PasswordReset\/hooks\/senders\/([A-Za-z0-9]+)\.ts$/.exec(relative)?.[1];
	if (sender && !pkg.senders.map((source) => source.file).includes(sender)) return true;
	return [`${ENGINE}/PasswordReset.node.ts`, `${ENGINE}/PasswordReset.node.json`, `${ENGINE}/edition.ts`, 'credentials/PasswordResetApi.credentials.ts', 'credentials/PasswordResetHookApi.credentials.ts'].includes(relative);
};

const codex = (pkg) => {
	const shared = require(path.join(root, ENGINE, 'PasswordReset.node.json'));
	return { ...shared, node: `${pkg.packageName}.${pkg.nodeName}`, alias: codexAliases(pkg.sources.map(({ profile }) => profile)) };
};

const packageJson = (pkg, operations) => ({
	name: pkg.packageName,
	version: rootPackage.version,
	description: `n8n node for ${pkg.vendor} password resets: ${operations.join(', ').toLowerCase()}`,
	keywords: ['n8n-community-node-package', 'n8n', ...new Set(pkg.sources.map(({ profile }) => profile.id.toLowerCase())), 'password-reset', 'forgot-password'],
	license: rootPackage.license,
	homepage: rootPackage.homepage,
	bugs: rootPackage.bugs,
	author: rootPackage.author,
	repository: rootPackage.repository,
	files: ['dist'],
	n8n: {
		n8nNodesApiVersion: 1,
		strict: true,
		credentials: [`dist/credentials/${pkg.credentialClass}.credentials.js`, ...(pkg.senders.length ? [`dist/credentials/${pkg.hookCredentialClass}.credentials.js`] : [])],
		nodes: [`dist/nodes/${pkg.className}/${pkg.className}.node.js`, ...(pkg.senders.length ? [`dist/nodes/${pkg.triggerClassName}/${pkg.triggerClassName}.node.js`] : [])],
	},
	peerDependencies: rootPackage.peerDependencies,
});

/** The package's Password Reset Trigger and its credential, from the templates, with the trigger's codex. */
function writeTrigger(pkg, dir) {
	const triggerDir = path.join(dir, 'nodes', pkg.triggerClassName);
	fs.mkdirSync(triggerDir, { recursive: true });
	fs.writeFileSync(path.join(triggerDir, `${pkg.triggerClassName}.node.ts`), triggerShell({ className: pkg.triggerClassName, engine: '../PasswordReset', edition: `../${pkg.className}/edition` }));
	const shared = require(path.join(root, 'nodes/PasswordResetTrigger/PasswordResetTrigger.node.json'));
	// The generic aliases, and this service's own (another service's name never shows in its search).
	const aliases = shared.alias.filter((alias) => /^[a-z]/.test(alias) || alias.startsWith(pkg.vendor));
	fs.writeFileSync(path.join(triggerDir, `${pkg.triggerClassName}.node.json`), `${JSON.stringify({ ...shared, node: `${pkg.packageName}.${pkg.triggerNodeName}`, alias: aliases }, null, '\t')}\n`);
	fs.writeFileSync(path.join(dir, 'credentials', `${pkg.hookCredentialClass}.credentials.ts`), hookCredentialShell({ className: pkg.hookCredentialClass, engine: '../nodes/PasswordReset', edition: `../nodes/${pkg.className}/edition` }));
}

/** Writes every service's package (after `npm run build`); returns what was written, for the caller to check. */
function buildPackages() {
	const { readme, offeredOperations } = require('./packageReadme.cjs');
	fs.rmSync(BUILD, { recursive: true, force: true });
	const packages = servicePackages();
	for (const pkg of packages) {
		const dir = path.join(PACKAGES, pkg.packageName);
		pkg.dir = dir;
		copyTree(path.join(root, ENGINE), path.join(dir, ENGINE), notInPackage(pkg));
		copyTree(path.join(root, 'credentials'), path.join(dir, 'credentials'), notInPackage(pkg));
		copyTree(path.join(root, 'icons'), path.join(dir, 'icons'));
		const nodeDir = path.join(dir, 'nodes', pkg.className);
		fs.mkdirSync(nodeDir, { recursive: true });
		fs.writeFileSync(path.join(nodeDir, 'edition.ts'), editionSource(pkg));
		fs.writeFileSync(path.join(nodeDir, `${pkg.className}.node.ts`), nodeShell({ className: pkg.className, engine: '../PasswordReset', edition: './edition' }));
		fs.writeFileSync(path.join(nodeDir, `${pkg.className}.node.json`), `${JSON.stringify(codex(pkg), null, '\t')}\n`);
		fs.writeFileSync(path.join(dir, 'credentials', `${pkg.credentialClass}.credentials.ts`), credentialShell({ className: pkg.credentialClass, engine: `../nodes/PasswordReset`, edition: `../nodes/${pkg.className}/edition` }));
		if (pkg.senders.length) writeTrigger(pkg, dir);
		fs.writeFileSync(path.join(dir, 'tsconfig.json'), fs.readFileSync(path.join(root, 'tsconfig.json')));
		for (const file of ['LICENSE', 'eslint.config.mjs']) fs.copyFileSync(path.join(root, file), path.join(dir, file));
		const operations = offeredOperations(pkg.sources.map(({ profile }) => profile));
		fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(packageJson(pkg, operations), null, 2)}\n`);
		fs.writeFileSync(path.join(dir, 'README.md'), readme(pkg, operations));
	}
	compile(packages);
	fs.mkdirSync(TARBALLS, { recursive: true });
	for (const pkg of packages) {
		const file = execFileSync('npm', ['pack', '--silent', '--pack-destination', TARBALLS], { cwd: pkg.dir, encoding: 'utf8' }).trim().split('\n').pop();
		pkg.tarball = path.join(TARBALLS, file);
		pkg.packedBytes = fs.statSync(pkg.tarball).size;
	}
	return packages;
}

/** One tsc for every package (a fraction of the time of one each), then each package's output into its dist/. */
function compile(packages) {
	const out = path.join(BUILD, 'out');
	const config = {
		extends: path.join(root, 'tsconfig.json'),
		compilerOptions: { rootDir: PACKAGES, outDir: out, declaration: false, sourceMap: false },
		include: ['*/nodes/**/*', '*/credentials/**/*', '*/nodes/**/*.json'],
	};
	fs.writeFileSync(path.join(PACKAGES, 'tsconfig.json'), JSON.stringify(config, null, 2));
	execFileSync('bash', ['scripts/node24.sh', 'npx', 'tsc', '-p', path.join(PACKAGES, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
	fs.rmSync(path.join(PACKAGES, 'tsconfig.json'));
	for (const pkg of packages) {
		const dist = path.join(pkg.dir, 'dist');
		fs.renameSync(path.join(out, pkg.packageName), dist);
		copyTree(path.join(root, 'icons'), path.join(dist, 'icons'));
	}
	fs.rmSync(out, { recursive: true, force: true });
}

if (require.main === module) {
	const packages = buildPackages();
	for (const pkg of packages) console.log(`${pkg.packageName.padEnd(44)} ${(pkg.packedBytes / 1024).toFixed(1)} kB packed`);
	console.log(`\n${packages.length} packages in ${path.relative(root, PACKAGES)}, tarballs in ${path.relative(root, TARBALLS)}`);
}

module.exports = { buildPackages, PACKAGES, TARBALLS };
