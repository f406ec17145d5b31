/**
 * One list of services. The services are named by their profiles (`nodes/PasswordReset/services/`,
 * listed in `nodes/PasswordReset/edition.ts`), their sandbox files (`sandbox/services/`) and their test tables
 * (`test/services/`); what else names them (the codex aliases, the package's keywords, the
 * README's tables) is written from the profiles by `npm run generate`, and the demo, e2e and
 * secret lists read them. So no other file lists services: none names five or more service ids.
 * (A generic test may use up to four services as examples of distinct shapes; the real-instance suites in
 * test/real/ and tools/ are per service, and the trigger's tests per hook sender, by design.)
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { SANDBOX_SERVICES } = require('../sandbox/services/index.cjs');

const root = path.resolve(__dirname, '..');
// The trigger's tests are per hook sender by design, and senders share ids with services (Clerk, ZITADEL).
const LISTING_ALLOWED = [/^nodes\/PasswordReset\/services\//, /^sandbox\/services\//, /^test\/services\//, /^test\/real\//, /^tools\//, /^examples\//, /^docs\//, /^test\/hooks\//, /^test\/e2e\/trigger/];
const GENERATED = ['README.md', 'package.json', 'nodes/PasswordReset/PasswordReset.node.json'];
const ids = SANDBOX_SERVICES.map((service) => service.id);

const sourceFiles = () =>
	execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
		.split('\n')
		.filter((file) => /\.(ts|js|cjs|mjs|json|md|sh)$/.test(file) && fs.existsSync(path.join(root, file)));

test('the generated files are what the profiles give (npm run generate)', () => {
	const { generate } = require('../scripts/generate.cjs');
	expect(generate(true)).toEqual([]);
});

test('no other file lists services', () => {
	const lists = sourceFiles()
		.filter((file) => !LISTING_ALLOWED.some((allowed) => allowed.test(file)) && !GENERATED.includes(file))
		.map((file) => {
			const text = fs.readFileSync(path.join(root, file), 'utf8');
			return [file, ids.filter((id) => new RegExp(`['"\`]${id}['"\`]`).test(text))];
		})
		.filter(([, named]) => named.length >= 5);
	expect(lists).toEqual([]);
});
