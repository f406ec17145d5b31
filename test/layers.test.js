/**
 * The folders import one way (docs/architecture.md): each folder imports only folders below it.
 * KNOWN_UPWARD lists what still goes back up, each with why, until the edition becomes a value;
 * any other upward import fails here, naming the file and the import.
 */
const { folderImports, folderGraph } = require('../scripts/folderGraph.cjs');

const ENGINE = 'nodes/PasswordReset';
/** Lowest first: a folder may import the ones before it. */
const LAYERS = ['kernel', 'safety', 'http', 'outcome', 'services', 'run', 'user'].map((folder) => `${ENGINE}/${folder}`);
/** Above the engine: the shells n8n loads, which pass the edition in. */
const SHELLS = ['credentials', ENGINE];

/** Imports that still go up: the edition is a module that services/index.ts and the credential helpers read. */
const KNOWN_UPWARD = [
	// The registry (services/index.ts) reads the edition module; the edition imports the profiles.
	`${ENGINE}/services/index.ts → ../edition`,
	// The engine reads the credential's settings and auth, which live beside the credential class.
	`${ENGINE}/run/runContext.ts → ../../../credentials/settings`,
	`${ENGINE}/run/runResetRequest.ts → ../../../credentials/settings`,
	`${ENGINE}/run/setup.ts → ../../../credentials/auth`,
	`${ENGINE}/run/setup.ts → ../../../credentials/settings`,
];

const rank = (folder) => {
	const layer = LAYERS.indexOf(folder);
	return layer !== -1 ? layer : LAYERS.length + SHELLS.indexOf(folder);
};

test('every folder is a known layer', () => {
	const folders = new Set(folderImports().flatMap(({ from, to }) => [from, to]));
	expect([...folders].filter((folder) => !LAYERS.includes(folder) && !SHELLS.includes(folder))).toEqual([]);
});

test('no folder imports one above it, but the known ones (the edition as a module)', () => {
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
