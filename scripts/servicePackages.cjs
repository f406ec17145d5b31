'use strict';
/**
 * Which packages `npm run build:packages` makes, and their names: one per service profile file
 * (Better Auth's holds its plain and its Email OTP profiles), from the all-services edition and
 * the compiled profile files that export its profiles (read after `npm run build`), with the hook
 * senders of its service (for its trigger). The README's packages table reads it too.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const ENGINE = 'nodes/PasswordReset';

/** The all-services edition, compiled: read after `npm run build` (see `buildPackages`). */
const edition = () => require(path.join(root, 'dist', ENGINE, 'edition.js')).EDITION;

/** The edition's profiles in order, each with the file that exports it and its export name (the compiled files, not the sources' text). */
function profileSources() {
	const { profiles } = edition();
	const servicesDir = path.join(root, 'dist', ENGINE, 'services');
	const sourceOf = new Map();
	for (const file of fs.readdirSync(servicesDir).filter((name) => name.endsWith('.js'))) {
		for (const [name, value] of Object.entries(require(path.join(servicesDir, file)))) {
			if (profiles.includes(value)) sourceOf.set(value, { name, file: file.slice(0, -'.js'.length) });
		}
	}
	const missing = profiles.filter((profile) => !sourceOf.has(profile)).map((profile) => profile.id);
	if (missing.length) throw new Error(`No file in services/ exports the profiles ${missing.join(', ')}`);
	return profiles.map((profile) => ({ ...sourceOf.get(profile), profile }));
}

/** The edition's hook senders that belong to `profiles` (a sender names its service), each with the file that exports it and its export name. */
function senderSources(profiles) {
	const ids = profiles.map((profile) => profile.id);
	const sendersDir = path.join(root, 'dist', ENGINE, 'hooks', 'senders');
	const sources = [];
	for (const sender of (edition().trigger?.senders ?? []).filter((candidate) => ids.includes(candidate.service))) {
		for (const file of fs.readdirSync(sendersDir).filter((name) => name.endsWith('.js'))) {
			for (const [name, value] of Object.entries(require(path.join(sendersDir, file)))) {
				if (value === sender) sources.push({ name, file: file.slice(0, -'.js'.length), sender });
			}
		}
	}
	return sources;
}

const words = (displayName) => displayName.replace(/\s*\(.*\)$/, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
const pascal = (parts) => parts.map((part) => (/^[A-Z0-9]+$/.test(part) ? part[0] + part.slice(1).toLowerCase() : part[0].toUpperCase() + part.slice(1))).join('');

/** Each service's package: its profiles (one file's), its names. */
function servicePackages() {
	const byFile = new Map();
	for (const source of profileSources()) byFile.set(source.file, [...(byFile.get(source.file) ?? []), source]);
	return [...byFile.entries()].map(([file, sources]) => {
		const vendor = sources[0].profile.displayName.replace(/\s*\(.*\)$/, '');
		const parts = words(vendor);
		const className = `${pascal(parts)}PasswordReset`;
		const senders = senderSources(sources.map(({ profile }) => profile));
		return {
			file,
			sources,
			/** The hook senders of its service: a package with one has a Password Reset Trigger of its own. */
			senders,
			triggerClassName: `${className}Trigger`,
			triggerNodeName: `${className[0].toLowerCase()}${className.slice(1)}Trigger`,
			hookCredentialClass: `${className}HookApi`,
			hookCredentialName: `${className[0].toLowerCase()}${className.slice(1)}HookApi`,
			vendor,
			packageName: `n8n-nodes-${parts.join('-').toLowerCase()}-password-reset`,
			className,
			nodeName: className[0].toLowerCase() + className.slice(1),
			credentialClass: `${className}Api`,
			credentialName: `${className[0].toLowerCase()}${className.slice(1)}Api`,
			displayName: `${vendor} Password Reset`,
		};
	});
}

module.exports = { servicePackages, ENGINE };
