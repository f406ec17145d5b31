/**
 * The folders import one way (docs/architecture.md): each folder imports only folders below it,
 * and any import that goes back up fails here, naming the file and the import. The shells n8n
 * loads are the templates' few lines that pass their edition in.
 */
const fs = require('node:fs');
const path = require('node:path');
const { folderImports, folderGraph } = require('../scripts/folderGraph.cjs');
const { ROOT_SHELLS } = require('../scripts/shells.cjs');

const ENGINE = 'nodes/PasswordReset';
/** Lowest first: a folder may import the ones before it. */
const LAYERS = ['kernel', 'safety', 'hooks', 'hooks/senders', 'http', 'outcome', 'services', 'run', 'user', 'describe', 'trigger'].map((folder) => `${ENGINE}/${folder}`);
/** Above the engine: the shells n8n loads, which pass the edition in. */
const SHELLS = ['credentials', ENGINE, 'nodes/PasswordResetTrigger'];

/** Imports that go up: none. The edition is a value the shells pass in. */
const KNOWN_UPWARD = [];

const rank = (folder) => {
	const layer = LAYERS.indexOf(folder);
	return layer !== -1 ? layer : LAYERS.length + SHELLS.indexOf(folder);
};

test('every folder is a known layer', () => {
	const folders = new Set(folderImports().flatMap(({ from, to }) => [from, to]));
	expect([...folders].filter((folder) => !LAYERS.includes(folder) && !SHELLS.includes(folder))).toEqual([]);
});

test('no folder imports one above it', () => {
	const upward = folderImports()
		.filter(({ from, to }) => rank(to) > rank(from) && !(SHELLS.includes(from) && SHELLS.includes(to)))
		.map(({ file, specifier }) => `${file} → ${specifier}`);
	expect([...new Set(upward)].sort()).toEqual([...KNOWN_UPWARD].sort());
});

test('the kernel imports nothing of the project; the transport (http) knows no operation, profile or credential', () => {
	const graph = folderGraph();
	expect(graph.find((line) => line.startsWith(`${ENGINE}/kernel →`))).toBeUndefined();
	expect(graph.find((line) => line.startsWith(`${ENGINE}/http →`))).toBe(`${ENGINE}/http → ${ENGINE}/kernel, ${ENGINE}/safety`);
});

test("the all-services package's node and credential classes are the templates' shells (scripts/shells.cjs), as each service's package's are", () => {
	for (const [file, text] of Object.entries(ROOT_SHELLS)) expect(fs.readFileSync(path.join(__dirname, '..', file), 'utf8')).toBe(text);
});

test('the folder graph has no cycle', () => {
	const edges = new Map();
	for (const { from, to } of folderImports()) edges.set(from, new Set([...(edges.get(from) ?? []), to]));
	const reaches = (from, target, seen = new Set()) =>
		[...(edges.get(from) ?? [])].some((next) => next === target || (!seen.has(next) && (seen.add(next), reaches(next, target, seen))));
	expect([...edges.keys()].filter((folder) => reaches(folder, folder))).toEqual([]);
});
