'use strict';
/**
 * The folders of the TypeScript sources (a folder = a directory under nodes/ or credentials/) and
 * which import which, read from the sources' relative imports. `node scripts/folderGraph.cjs`
 * prints one line per folder; test/layers.test.js holds them to the layers in docs/architecture.md.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

const sourcesUnder = (dir) =>
	fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourcesUnder(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});

/** The file a relative import names: `x.ts`, or `x/index.ts`. */
const resolved = (from, specifier) => {
	const base = path.resolve(path.dirname(from), specifier);
	return fs.existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, 'index.ts');
};

const folderOf = (file) => path.relative(root, path.dirname(file));

/** Each import between two folders: `{ from, to, file, specifier }`. */
function folderImports() {
	const files = ['nodes', 'credentials'].flatMap((dir) => sourcesUnder(path.join(root, dir)));
	return files.flatMap((file) =>
		[...fs.readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)]
			.map(([, specifier]) => ({ from: folderOf(file), to: folderOf(resolved(file, specifier)), file: path.relative(root, file), specifier }))
			.filter(({ from, to }) => from !== to),
	);
}

/** `from → to, to` for each folder, sorted. */
function folderGraph() {
	const edges = new Map();
	for (const { from, to } of folderImports()) edges.set(from, new Set([...(edges.get(from) ?? []), to]));
	return [...edges.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([from, tos]) => `${from} → ${[...tos].sort().join(', ')}`);
}

if (require.main === module) console.log(folderGraph().join('\n'));

module.exports = { folderImports, folderGraph };
