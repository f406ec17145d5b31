/**
 * `npm run scan`: n8n's own scanner (@n8n/scan-community-package, as n8n runs it to verify a
 * package) on the source and on the packed tarball, offline: `analyzePackage` with the
 * scanner's own file patterns (its scanner.mjs), inline eslint-disable comments ignored. Prints
 * each violation and a closing count; exits non-zero on any.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scannerDir = execFileSync('bash', [path.join(root, 'scripts/ensure-scanner.sh')], { encoding: 'utf8' }).trim();
const { analyzePackage } = await import(pathToFileURL(path.join(scannerDir, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs')).href);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-scan-'));
const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1);
execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work]);

const targets = [
	['source', root, ['package.json', '{nodes,credentials}/**/*.{js,ts,json}']],
	[`tarball ${tarball}`, path.join(work, 'package'), ['**/*.js', 'package.json']],
];
let passed = 0;
let failed = 0;
for (const [name, dir, patterns] of targets) {
	const result = await analyzePackage(dir, patterns);
	if (result.passed) passed += 1;
	else failed += 1;
	console.log(`${result.passed ? 'ok  ' : 'FAIL'} scanner: ${name}${result.passed ? '' : `\n${result.message ?? ''}\n${result.details ?? ''}`}`);
}
fs.rmSync(work, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
