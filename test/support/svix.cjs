'use strict';
/**
 * Svix's own library, run in its own process by svixSign.mjs (npm svix is ESM only; jest and
 * the suites are CommonJS): `svixSign(entries)` signs each `{secret, id, timestamp, body}` (the
 * headers) or verifies each `{verify: {secret, body, headers}}` (`{verified}`).
 */
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const svixSign = (entries) => JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'svixSign.mjs')], { input: JSON.stringify(entries), encoding: 'utf8' }));

module.exports = { svixSign };
