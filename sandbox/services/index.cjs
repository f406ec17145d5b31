'use strict';
/**
 * The sandbox's services: every file in this folder is one, a route family with its token rule
 * (and, where it has them, its base path and keys). Adding a service is adding a file.
 */
const fs = require('node:fs');

const SANDBOX_SERVICES = fs
	.readdirSync(__dirname)
	.filter((file) => file.endsWith('.cjs') && file !== 'index.cjs')
	.sort()
	.map((file) => require(`./${file}`));

module.exports = { SANDBOX_SERVICES };
