'use strict';
/**
 * Which packages `npm run build:packages` makes, and their names: one per service profile file
 * (Better Auth's holds its plain and its Email OTP profiles), from the list in edition.ts and
 * the compiled profiles (read after `npm run build`). The README's packages table reads it too.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const ENGINE = 'nodes/PasswordReset';

/** The all-services edition, compiled: read after `npm run build` (see `buildPackages`). */
const edition = () => require(path.join(root, 'dist', ENGINE, 'edition.js')).EDITION;

/** The profiles' export names as edition.ts lists them, in order, and the file each comes from. */
function profileSources() {
	const text = fs.readFileSync(path.join(root, ENGINE, 'edition.ts'), 'utf8');
	const fileOf = {};
	for (const [, names, file] of text.matchAll(/^import \{ ([^}]+) \} from '\.\/services\/([A-Za-z0-9]+)';$/gm)) {
		for (const name of names.split(',').map((part) => part.trim())) fileOf[name] = file;
	}
	const list = /profiles: \[([^\]]+)\]/.exec(text)[1].split(',').map((name) => name.trim()).filter(Boolean);
	const { profiles } = edition();
	if (list.length !== profiles.length) throw new Error('edition.ts lists its profiles in a shape this script does not read');
	return list.map((name, index) => ({ name, file: fileOf[name], profile: profiles[index] }));
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
		return {
			file,
			sources,
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
