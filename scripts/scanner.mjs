/**
 * n8n's own scanner (@n8n/scan-community-package, as n8n runs it to verify a package), offline:
 * `analyzePackage` with the scanner's own file patterns (its scanner.mjs) on a package's source
 * and on its packed tarball, inline eslint-disable comments ignored. Used by `npm run scan` (the
 * all-services package) and the per-service packages' suite.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scannerDir = execFileSync('bash', [path.join(root, 'scripts/ensure-scanner.sh')], { encoding: 'utf8' }).trim();
const { analyzePackage } = await import(pathToFileURL(path.join(scannerDir, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs')).href);

/**
 * Scans a package folder (its source) and its tarball (packed with npm when not given).
 * @returns {Promise<Array<{ name: string, passed: boolean, report: string }>>}
 */
export async function scanPackage(dir, tarball) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'password-reset-scan-'));
	const packed = tarball ?? path.join(work, execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: dir, encoding: 'utf8' }).trim().split('\n').at(-1));
	execFileSync('tar', ['-xzf', packed, '-C', work]);
	const targets = [
		['source', dir, ['package.json', '{nodes,credentials}/**/*.{js,ts,json}']],
		[`tarball ${path.basename(packed)}`, path.join(work, 'package'), ['**/*.js', 'package.json']],
	];
	const results = [];
	for (const [name, target, patterns] of targets) {
		const result = await analyzePackage(target, patterns);
		results.push({ name, passed: result.passed, report: result.passed ? '' : `${result.message ?? ''}\n${result.details ?? ''}` });
	}
	fs.rmSync(work, { recursive: true, force: true });
	return results;
}
