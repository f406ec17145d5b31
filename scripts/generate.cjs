'use strict';
/**
 * Writes what names the services from the one list, `SERVICE_PROFILES` (read from dist/): the
 * codex aliases, the package's keywords and description, and the tables of README.md and docs/services.md (between
 * `<!-- generated:NAME -->` markers). `npm run generate` writes them; `--check` (a test) fails
 * when a committed file differs from what it would write.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { contractFor, isUnsupported, offers } = require(path.join(root, 'dist/nodes/PasswordReset/services'));
const { EDITION } = require(path.join(root, 'dist/nodes/PasswordReset/edition'));
const SERVICE_PROFILES = EDITION.profiles;
const CREDENTIAL_SERVICES = require(path.join(root, 'dist/nodes/PasswordReset/services/registry')).registryOf(EDITION).credentialServices;

const { servicePackages } = require('./servicePackages.cjs');

const OPERATIONS = ['sendResetEmail', 'resetPassword', 'verifyResetToken', 'createResetLink'];
/** What Sign Out Other Sessions meets on each service (`SetPasswordEffects.otherSessions`). */
const OTHER_SESSIONS = {
	always: 'all signed out by the service',
	onRequest: 'kept; Sign Out Other Sessions adds the sign-out',
	never: 'kept (no sign-out call; option refused)',
	unknown: 'not documented (option refused)',
};
const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const code = (text) => `\`${text}\``;

/** One request as the tables show it: `METHOD /path?query`, and each further request of a chain. */
const requestText = (contract) => {
	const parts = [];
	for (let step = contract; step; step = step.then) {
		const query = step.query ? `?${new URLSearchParams(step.query)}` : '';
		const graphql = step.graphql ? ` GraphQL ${code(/\{\s*(\w+)/.exec(step.graphql)?.[1] ?? '')}` : '';
		parts.push(`${code(`${step.method} ${step.path || '(your path)'}${query}`)}${graphql}${step.when ? ' (with its option)' : ''}`);
	}
	return parts.join(' → ');
};

const operationCell = (profile, operation) => {
	if (!profile.operations[operation]) return '—';
	const contract = contractFor(profile, operation);
	return isUnsupported(contract) ? 'not offered (`not_supported`)' : requestText(contract);
};

const authCell = ({ auth }) => {
	const key = auth.apiKey;
	const KEY_TEXT = {
		query: () => `API key as ${code(`?${key.name}=`)}`,
		header: () => `API key as ${code(`${key.name}: ${key.prefix}<key>`)}`,
		basic: () => `API key as HTTP Basic's password, ${code(key.userField)} its user`,
	};
	const keyText = key ? KEY_TEXT[key.in]() : '';
	const parts = [keyText && `${keyText}${key.required ? '' : ' (optional)'}`, auth.headers ? 'headers from its own fields' : ''].filter(Boolean);
	return parts.length ? parts.join('; ') : 'none (public)';
};

/** A probe's passing statuses, as runs: `200–299`, `400, 422`. */
const statusesText = (statuses) => {
	const runs = [];
	for (const status of [...statuses].sort((a, b) => a - b)) {
		const last = runs.at(-1);
		if (last && status === last[1] + 1) last[1] = status;
		else runs.push([status, status]);
	}
	return runs.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)).join(', ');
};

const table = (header, rows) => [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
const cell = (text) => String(text).replace(/\|/g, '\\|');

/** The README's tables for a list of services: the credential's (`services`) and the listed profiles. */
const tablesFor = (services, profiles) => ({
	services: () =>
		table(
			['Service', 'Send Reset Email', 'Reset Password', 'Verify Reset Token', 'Create Reset Link', 'Set Password', 'API key / auth'],
			services.map((profile) => [
				profile.displayName,
				...OPERATIONS.map((operation) => operationCell(profile, operation)),
				offers(profile, 'setPassword') ? 'yes' : '—',
				authCell(profile),
			]),
		),
	adminCalls: () =>
		table(
			['Service', 'Set Password calls', 'Require Change at Next Sign-In', 'Other sessions on a set', 'Create Reset Link', 'Credential fields these use'],
			services
				.filter((profile) => offers(profile, 'setPassword') || offers(profile, 'createResetLink'))
				.map((profile) => {
					const effects = offers(profile, 'setPassword') ? profile.operations.setPassword.effects : undefined;
					// The fields only the admin operations read, and the secrets every operation of the service sends.
					const fields = (profile.credentialFields ?? []).filter((field) => /^Only for (Create Reset Link|Set Password)/.test(String(field.description)) || field.typeOptions?.password);
					return [
						profile.displayName,
						offers(profile, 'setPassword') ? requestText(profile.operations.setPassword) : '—',
						effects ? (effects.requireChange ? cell(effects.requireChange) : 'no (refused)') : '—',
						effects ? OTHER_SESSIONS[effects.otherSessions] : '—',
						offers(profile, 'createResetLink') ? requestText(profile.operations.createResetLink) : '—',
						[...fields.map((field) => `**${field.displayName}**`), ...(profile.auth.apiKey ? ['**API Key**'] : [])].join(', ') || '—',
					];
				}),
		),
	credentialNotes: () =>
		table(
			['Service', 'Base URL', 'Where to find the rest'],
			services.map(({ displayName, setup }) => [displayName, cell(setup.baseUrl), cell(setup.notes)]),
		),
	checked: () =>
		table(
			['Service', 'How its profile was checked'],
			services.map(({ displayName, setup }) => [displayName, cell(setup.checked)]),
		),
	probes: () =>
		table(
			['Service', 'The test calls', 'It passes on', 'It proves'],
			services.map(({ displayName, credentialTest: probe }) => [
				displayName,
				code(`${probe.method} ${probe.path || '(your send path)'}`),
				statusesText(probe.passes),
				cell(probe.proves),
			]),
		),
	unknownAccounts: () =>
		table(
			['Service', 'Its "no account" answer', 'Source'],
			profiles.map((profile) => {
				const answers = profile.unknownAccount.map((answer) => `${answer.operation ? `${answer.operation}: ` : ''}HTTP ${typeof answer.status === 'number' ? answer.status : '4xx'}${answer.serviceCode ? ` ${code([answer.serviceCode].flat().join(', '))}` : ''}`);
				const chained = Object.values(profile.operations).some((contract) => contract && !isUnsupported(contract) && hasUnknownAccountStep(contract));
				const cellText = answers.length ? answers.join('; ') : chained ? 'an empty search (`[]`): nothing more is sent' : 'none: unknown emails get the answer known ones get';
				return [profile.displayName, cellText, cell(profile.unknownAccount.map((answer) => answer.source).join('; ') || (chained ? 'its search step' : '—'))];
			}),
		),
});
const TABLES = {
	...tablesFor(CREDENTIAL_SERVICES, SERVICE_PROFILES),
	// The per-service packages (npm run build:packages), for n8n Cloud.
	packages: () =>
		servicePackages()
			.map((pkg) => `| ${pkg.sources.map(({ profile }) => profile.displayName).join(', ')} | \`${pkg.packageName}\` | ${pkg.displayName} |`)
			.join('\n'),
};

const hasUnknownAccountStep = (contract) => {
	for (let step = contract.then; step; step = step.then) if (step.isUnknownAccount) return true;
	return false;
};

const CODEX_ALIASES = [
	'forgot password',
	'reset password',
	'password recovery',
	'recover account',
	'lost password',
	'reset link',
	'one-time code',
	'password strength',
	'breached password',
	'have i been pwned',
	'set password',
	'temporary password',
	'help desk',
];
/** The codex's aliases for these services: what people type into n8n's nodes panel. */
const codexAliases = (profiles) => [...new Set([...CODEX_ALIASES, ...profiles.map((profile) => `${profile.displayName.replace(/ \(.*\)$/, '')} password reset`)])];
const KEYWORDS = ['n8n-community-node-package', 'n8n', 'password-reset', 'forgot-password', 'password-recovery', 'password-strength', 'pwned-passwords'];

/** Each generated file: its path and its content from the current one. */
const OUTPUTS = {
	'nodes/PasswordReset/PasswordReset.node.json': (current) =>
		`${JSON.stringify({ ...JSON.parse(current), alias: codexAliases(SERVICE_PROFILES) }, null, '\t')}\n`,
	'package.json': (current) => {
		const pkg = JSON.parse(current);
		pkg.description = `n8n node for forgot-password flows: send reset emails, reset passwords, check reset tokens and new passwords (NIST SP 800-63B-4, Have I Been Pwned), create reset links and set passwords as an admin on ${SERVICE_PROFILES.map((profile) => profile.displayName).join(', ')} or any REST reset API`;
		pkg.keywords = [...new Set([...KEYWORDS, ...SERVICE_PROFILES.map((profile) => slug(profile.displayName))])];
		return `${JSON.stringify(pkg, null, 2)}\n`;
	},
	'README.md': (current) => withTables('README.md', current),
	'docs/services.md': (current) => withTables('docs/services.md', current),
	'docs/help-desk.md': (current) => withTables('docs/help-desk.md', current),
};

/** A markdown page with each `<!-- generated:name -->` table written anew from the profiles. */
function withTables(file, current) {
	return current.replace(/(<!-- generated:(\w+) -->\n)[\s\S]*?(\n<!-- \/generated -->)/g, (_match, open, name, close) => {
		if (!TABLES[name]) throw new Error(`${file}: no generated table named ${name}`);
		return `${open}${TABLES[name]()}${close}`;
	});
}

const generate = (check) => {
	const stale = [];
	for (const [file, write] of Object.entries(OUTPUTS)) {
		const target = path.join(root, file);
		const current = fs.readFileSync(target, 'utf8');
		const next = write(current);
		if (next === current) continue;
		stale.push(file);
		if (!check) fs.writeFileSync(target, next);
	}
	return stale;
};

if (require.main === module) {
	const check = process.argv.includes('--check');
	const stale = generate(check);
	if (check && stale.length) {
		console.error(`Out of date (run npm run generate): ${stale.join(', ')}`);
		process.exitCode = 1;
	} else if (!check) console.log(stale.length ? `Wrote ${stale.join(', ')}` : 'Up to date');
}

module.exports = { generate, tablesFor, codexAliases };
