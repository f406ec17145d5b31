'use strict';
/**
 * The per-service packages (`npm run build:packages`), each as n8n Cloud's verification would
 * take it: `@n8n/node-cli` lint clean, n8n's scanner clean on its source and its tarball, packed
 * under 100 kB, only its own service in it (and its Password Reset Trigger where its service hands
 * reset messages over: Supabase, Auth0, Better Auth), every require resolving inside it (or to n8n-workflow
 * and Node.js), names of the `n8n-nodes-` form that collide with no node or credential of n8n's
 * own. Then all of them, and not the all-services package, installed in one real n8n: each
 * one's node sends, resets (with the token from the sandbox outbox), creates a link and checks
 * a new password, where its service can, against the sandbox; then, on `n8n start`, each package's
 * own trigger takes its service's signed message and refuses a forged one. Prints "N passed, N failed".
 */
const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');
const { execFileSync } = require('node:child_process');
const { ResetSandbox, SANDBOX_KEYS } = require('../../sandbox/server.cjs');
const { SANDBOX_SERVICES, SANDBOX_SCENARIOS } = require('../../sandbox/services/index.cjs');
const { Checks, assert, equal } = require('../support/checks.cjs');
const { prepareN8n, ensureN8n, n8nDatabase, waitForWebhook } = require('../support/realN8n.cjs');
const { buildPackages } = require('../../scripts/build-packages.cjs');
const crypto = require('node:crypto');
const { signedReset } = require('../e2e/trigger.cjs');

const root = path.resolve(__dirname, '../..');
const MAX_PACKED_BYTES = 100 * 1024;
const EMAIL = 'ada@example.com';
const NEW_PASSWORD = 'SENTINEL-PKG-PW-7e2a!';
const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

/** n8n's own node and credential names (n8n-nodes-base, as installed for the e2e suite). */
function builtInNames(n8nBin) {
	const base = path.join(path.dirname(fs.realpathSync(n8nBin)), '..', '..', 'n8n-nodes-base');
	const names = (file) => new Set(require(path.join(base, 'dist', 'types', file)).flatMap((entry) => [entry.name, entry.displayName]));
	return { nodes: names('nodes.json'), credentials: names('credentials.json') };
}

/** Every module a package's compiled code requires that is neither inside it nor n8n-workflow nor Node.js's own. */
function outsideRequires(dir) {
	const outside = [];
	const walk = (folder) => {
		for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
			const file = path.join(folder, entry.name);
			if (entry.isDirectory()) walk(file);
			else if (file.endsWith('.js')) {
				for (const [, name] of fs.readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
					if (name.startsWith('.')) {
						const target = path.resolve(path.dirname(file), name);
						if (!target.startsWith(dir) || !['', '.js', '.json'].some((ext) => fs.existsSync(`${target}${ext}`))) outside.push(`${path.relative(dir, file)} → ${name}`);
					} else if (name !== 'n8n-workflow' && !builtinModules.includes(name.replace(/^node:/, ''))) outside.push(`${path.relative(dir, file)} → ${name}`);
				}
			}
		}
	};
	walk(path.join(dir, 'dist'));
	return outside;
}

/** The node and credential types n8n's own loader (n8n-core's PackageDirectoryLoader) finds in a package, and its trigger's Service options. */
async function loadedTypes(dir) {
	// n8n-core settles its instance folder when first loaded: a scratch one, never ~/.n8n.
	process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'password-reset-packages-'));
	const { PackageDirectoryLoader } = require('n8n-core');
	const loader = new PackageDirectoryLoader(dir);
	await loader.loadAll();
	const trigger = Object.values(loader.nodeTypes).find(({ type }) => type.description.group.includes('trigger'))?.type;
	const service = trigger?.description.properties.find((property) => property.name === 'service');
	return {
		nodes: Object.keys(loader.nodeTypes).sort(),
		credentials: Object.keys(loader.credentialTypes).sort(),
		triggerServices: (service?.options ?? []).map((option) => option.value),
	};
}

async function staticChecks(packages, builtIn) {
	const { scanPackage } = await import(path.join(root, 'scripts/scanner.mjs'));
	for (const pkg of packages) {
		const name = pkg.packageName;
		const lint = (() => {
			try {
				execFileSync('bash', [path.join(root, 'scripts/node24.sh'), 'npx', 'n8n-node', 'lint'], { cwd: pkg.dir, encoding: 'utf8', stdio: 'pipe' });
				return '';
			} catch (error) {
				return `${error.stdout ?? ''}${error.stderr ?? ''}`;
			}
		})();
		check(`${name}: @n8n/node-cli lint clean`, () => assert(!lint, lint.slice(-2000)));
		for (const result of await scanPackage(pkg.dir, pkg.tarball)) check(`${name}: n8n's scanner clean on its ${result.name.split(' ')[0]}`, () => assert(result.passed, result.report));
		check(`${name}: packs to ${(pkg.packedBytes / 1024).toFixed(1)} kB (< 100 kB)`, () => assert(pkg.packedBytes < MAX_PACKED_BYTES, `${pkg.packedBytes} bytes`));
		check(`${name}: its code requires nothing outside itself but n8n-workflow and Node.js`, () => equal(outsideRequires(pkg.dir), [], 'requires'));
		const profileFiles = fs.readdirSync(path.join(pkg.dir, 'dist/nodes/PasswordReset/services')).filter((file) => !['index.js', 'answers.js', 'registry.js'].includes(file));
		check(`${name}: only its own service's profile file, no Custom`, () => equal(profileFiles, [`${pkg.file}.js`], 'profiles'));
		const manifest = require(path.join(pkg.dir, 'package.json'));
		check(`${name}: MIT, no runtime dependency, the repository and author of the all-services package`, () => {
			const main = require(path.join(root, 'package.json'));
			equal([manifest.license, manifest.dependencies, manifest.repository, manifest.author], ['MIT', undefined, main.repository, main.author], 'fields');
		});
		const loaded = await loadedTypes(pkg.dir);
		const senderIds = pkg.senders.map(({ sender }) => sender.id);
		check(
			pkg.senders.length
				? `${name}: n8n loads its node and its trigger (Service: ${senderIds.join(', ')}, its own senders only), and their credentials`
				: `${name}: n8n loads its node and credential; no trigger (its service hands no reset message over)`,
			() =>
				equal(
					[loaded.nodes, loaded.credentials, loaded.triggerServices],
					[
						[pkg.nodeName, ...(pkg.senders.length ? [pkg.triggerNodeName] : [])].sort(),
						[pkg.credentialName, ...(pkg.senders.length ? [pkg.hookCredentialName] : [])].sort(),
						senderIds,
					],
					'loaded types',
				),
		);
		if (pkg.senders.length) {
			check(`${name}: trigger ${pkg.triggerNodeName} and credential ${pkg.hookCredentialName} are not n8n's own names`, () =>
				equal([pkg.triggerNodeName].filter((value) => builtIn.nodes.has(value)).concat([pkg.hookCredentialName].filter((value) => builtIn.credentials.has(value))), [], 'built-in names'),
			);
		}
		check(`${name}: named n8n-nodes-…; node ${pkg.nodeName} ("${pkg.displayName}") and credential ${pkg.credentialName} are not n8n's own names`, () => {
			assert(/^n8n-nodes-[a-z0-9-]+$/.test(name), name);
			const taken = [pkg.nodeName, pkg.displayName].filter((value) => builtIn.nodes.has(value)).concat([pkg.credentialName, `${pkg.displayName} API`].filter((value) => builtIn.credentials.has(value)));
			equal(taken, [], 'built-in names');
		});
	}
}

/** Each service of each package: what its smoke run does, from its sandbox scenario and its profile. */
const smokePlan = (packages) =>
	packages.flatMap((pkg) =>
		pkg.sources.map(({ profile }) => {
			const scenario = SANDBOX_SCENARIOS.find((candidate) => candidate.service === profile.id && !candidate.mode);
			const offers = (operation) => profile.operations[operation] && !('notSupported' in profile.operations[operation]);
			return { pkg, profile, scenario, send: offers('sendResetEmail'), reset: offers('resetPassword'), link: offers('createResetLink') };
		}),
	);

const httpRequest = (name, parameters) => ({ id: name.replace(/\W/g, '-'), name, type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters: { ...parameters, options: {} } });

const workflowFor = (plan, sandboxUrl) => {
	const nodes = [{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
	const connections = {};
	plan.forEach((entry, row) => {
		const { pkg, profile } = entry;
		const credentials = { [pkg.credentialName]: { id: `pkg-${profile.id}`, name: `pkg-${profile.id}` } };
		const node = (step, parameters, extra = {}) => ({
			id: `${profile.id}-${step}`,
			name: `${profile.id}: ${step}`,
			type: `${pkg.packageName}.${pkg.nodeName}`,
			typeVersion: 1.1,
			parameters: { resource: 'user', ...parameters },
			credentials,
			onError: 'continueRegularOutput',
			...extra,
		});
		const chain = [
			...(entry.send ? [node('send', { operation: 'sendResetEmail', email: EMAIL })] : []),
			...(entry.reset
				? [
						// The token from the sandbox's outbox, or issued by the sandbox where the service cannot send from n8n (Industrial IOT).
						entry.scenario.tokenFromSandbox
							? httpRequest(`${profile.id}: token`, { method: 'POST', url: `${sandboxUrl}/__sandbox/tokens`, sendBody: true, specifyBody: 'json', jsonBody: JSON.stringify({ service: profile.id, email: EMAIL }) })
							: httpRequest(`${profile.id}: token`, { url: `${sandboxUrl}/__sandbox/outbox?service=${profile.id}&email=${EMAIL}` }),
						node('reset', {
							operation: 'resetPassword',
							email: EMAIL,
							resetToken: `={{ $('${profile.id}: token').item.json.${entry.scenario.tokenFromSandbox ? 'token' : 'latest.token'} }}`,
							newPassword: NEW_PASSWORD,
						}),
					]
				: []),
			...(entry.link ? [node('link', { operation: 'createResetLink', email: 'grace@example.com' })] : []),
			node('check', { operation: 'checkPassword', newPassword: NEW_PASSWORD }),
		];
		chain.forEach((step, column) => {
			step.position = [(column + 1) * 240, row * 160];
			nodes.push(step);
			const from = column ? chain[column - 1].name : 'Start';
			((connections[from] ??= { main: [[]] }).main[0]).push({ node: step.name, type: 'main', index: 0 });
		});
	});
	return { id: 'prPackagesSmoke', name: 'Password Reset: every service package', nodes, connections, settings: { executionOrder: 'v1' }, pinData: {}, active: false };
};

async function smokeRun(packages) {
	const instance = prepareN8n({ tarballs: packages.map((pkg) => pkg.tarball), logLevel: 'info' });
	const sandbox = new ResetSandbox({ wibiclickApiKey: SANDBOX_KEYS.wibiclickApiKey });
	const sandboxUrl = await sandbox.listen();
	try {
		const plan = smokePlan(packages);
		const basePath = (service) => SANDBOX_SERVICES.find((candidate) => candidate.id === service).basePath ?? '';
		// A one-service package's Service field is hidden: its credential names no service, as one
		// made in the editor does, except where the package has two (Better Auth).
		const credentialList = plan.map(({ pkg, profile, scenario }) => ({
			id: `pkg-${profile.id}`,
			name: `pkg-${profile.id}`,
			type: pkg.credentialName,
			data: {
				...(pkg.sources.length > 1 ? { service: profile.id } : {}),
				baseUrl: `${sandboxUrl}/${profile.id}${basePath(profile.id)}`,
				...(scenario.credential?.(SANDBOX_KEYS, sandboxUrl) ?? {}),
			},
		}));
		const write = (file, content) => {
			const target = path.join(instance.userFolder, file);
			fs.writeFileSync(target, JSON.stringify(content));
			return target;
		};
		const imported = await instance.n8n('import:credentials', `--input=${write('credentials.json', credentialList)}`);
		check('smoke: each package\'s credential imports into n8n', () => assert(imported.status === 0, imported.stderr));
		const workflow = workflowFor(plan, sandboxUrl);
		const importedWorkflow = await instance.n8n('import:workflow', `--input=${write('workflow.json', workflow)}`);
		check('smoke: the workflow with every package\'s node imports', () => assert(importedWorkflow.status === 0, importedWorkflow.stderr));
		const execution = await instance.execute(workflow.id);
		check('smoke: n8n ran it with every package installed alone (no all-services package)', () => assert(execution.json, execution.diagnosis));
		const outcome = (name) => {
			const json = execution.json?.data?.resultData?.runData?.[name]?.[0]?.data?.main?.[0]?.[0]?.json;
			return json ? (json.success ? 'success' : json.details?.errorCode ?? json.error) : 'not run';
		};
		for (const entry of plan) {
			const { pkg, profile } = entry;
			const steps = [entry.send && 'send', entry.reset && 'reset', entry.link && 'link', 'check'].filter(Boolean);
			const expected = steps.map((step) => (step === 'reset' && entry.scenario.reset && entry.scenario.reset !== 'success' ? entry.scenario.reset : 'success'));
			check(`smoke: ${pkg.packageName} (${profile.displayName}): ${steps.join(' → ')}`, () => equal(steps.map((step) => outcome(`${profile.id}: ${step}`)), expected, 'outcomes'));
			if (entry.reset) check(`smoke: ${pkg.packageName} (${profile.displayName}): the sandbox account has the new password`, () => equal(sandbox.account(profile.id, EMAIL)?.password, NEW_PASSWORD, 'password'));
		}
		await triggerSmoke(instance, packages.filter((pkg) => pkg.senders.length));
	} finally {
		await sandbox.close();
	}
}

/**
 * The packages' own triggers in the same n8n, started: each one's service's signed reset message
 * → 200 and one successful execution; a forged one → 401.
 */
async function triggerSmoke(instance, packages) {
	const triggers = packages.flatMap((pkg) => pkg.senders.map(({ sender }) => ({ pkg, sender, secret: `whsec_${crypto.randomBytes(32).toString('base64')}` })));
	const write = (file, content) => {
		const target = path.join(instance.userFolder, file);
		fs.writeFileSync(target, JSON.stringify(content));
		return target;
	};
	const credentialList = triggers.map(({ pkg, sender, secret }) => ({ id: `hook-${sender.id}`, name: `hook-${sender.id}`, type: pkg.hookCredentialName, data: { secret } }));
	const workflow = {
		id: 'prPackagesTriggers',
		name: 'Password Reset Trigger: every package that has one',
		nodes: triggers.map(({ pkg, sender }, row) => ({
			id: `trigger-${sender.id}`,
			name: `${sender.displayName} Message`,
			type: `${pkg.packageName}.${pkg.triggerNodeName}`,
			typeVersion: 1,
			position: [0, row * 200],
			webhookId: `pkg-${sender.id}`,
			parameters: { service: sender.id },
			credentials: { [pkg.hookCredentialName]: { id: `hook-${sender.id}`, name: `hook-${sender.id}` } },
		})),
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
	const results = [
		await instance.n8n('import:credentials', `--input=${write('hook-credentials.json', credentialList)}`),
		await instance.n8n('import:workflow', `--input=${write('triggers.json', workflow)}`),
		await instance.n8n('publish:workflow', `--id=${workflow.id}`),
	];
	check(`trigger smoke: the ${triggers.length} packages' triggers import and publish`, () => assert(results.every((result) => result.status === 0), results.map((result) => result.stderr).join('\n')));
	const server = await instance.start();
	try {
		const url = (sender) => `${server.url}/webhook/pkg-${sender.id}/password-reset`;
		await waitForWebhook(url(triggers[0].sender));
		for (const { pkg, sender, secret } of triggers) {
			const message = signedReset(sender.id, secret, `${sender.id.toLowerCase()}@example.com`);
			const signed = await fetch(url(sender), { method: 'POST', body: message.body, headers: message.headers });
			const answer = await signed.json().catch(() => undefined);
			const forged = await fetch(url(sender), { method: 'POST', body: message.body.replace(message.code, '000000'), headers: message.headers });
			check(`trigger smoke: ${pkg.packageName}: its ${sender.displayName} message → 200 started; forged → 401`, () => equal([signed.status, answer?.started, forged.status], [200, true, 401], 'answers'));
		}
		let statuses = [];
		for (let attempt = 0; attempt < 40; attempt++) {
			const db = n8nDatabase(instance.userFolder);
			statuses = db.prepare('SELECT status FROM execution_entity WHERE workflowId = ?').all(workflow.id).map((row) => row.status);
			db.close();
			if (statuses.length >= triggers.length && statuses.every((status) => status === 'success')) break;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		check(`trigger smoke: ${triggers.length} successful executions, one per signed message, none for the forged ones`, () => equal(statuses, triggers.map(() => 'success'), 'executions'));
	} finally {
		await server.stop();
	}
}

checks.run('packages', async () => {
	const packages = buildPackages();
	check(`build: ${packages.length} packages, one per service profile file`, () => assert(packages.length >= 19, String(packages.length)));
	const n8nBin = ensureN8n('2');
	await staticChecks(packages, builtInNames(n8nBin));
	await smokeRun(packages);
});
