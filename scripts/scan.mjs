/**
 * `npm run scan`: n8n's own scanner on the all-services package's source and packed tarball
 * (see scanner.mjs). Prints each violation and a closing count; exits non-zero on any. The
 * per-service packages are scanned by `npm run test:packages`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanPackage } from './scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = await scanPackage(root);
for (const { name, passed, report } of results) console.log(`${passed ? 'ok  ' : 'FAIL'} scanner: ${name}${passed ? '' : `\n${report}`}`);
const failed = results.filter((result) => !result.passed).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
