'use strict';
/**
 * The sandbox's services: every file in this folder is one, a route family with its token rule
 * (and, where it has them, its base path, keys and scenarios). Adding a service is adding a file:
 * the demo, the e2e suite and the wrong-address test read their lists from here.
 */
const fs = require('node:fs');

const SANDBOX_SERVICES = fs
	.readdirSync(__dirname)
	.filter((file) => file.endsWith('.cjs') && file !== 'index.cjs')
	.sort()
	.map((file) => require(`./${file}`));

/**
 * Each service's runs in the demo and the e2e suite (a file's `scenarios`, or one plain run):
 * `credential(keys, sandboxUrl)` gives its credential fields; `send`, `verify`, `reset` and `reuse` what each
 * step gives where that is not the default (success; a reused token `invalid_or_expired_token`;
 * `reuse: null` for no reuse); `unknownAccount` what an unknown email gives an admin call where it is not
 * `user_not_found` (FusionAuth's empty 404); `mode` a sandbox mode other than the documented one.
 */
const SANDBOX_SCENARIOS = SANDBOX_SERVICES.flatMap((service) => (service.scenarios ?? [{}]).map((scenario) => ({ service: service.id, ...scenario })));

module.exports = { SANDBOX_SERVICES, SANDBOX_SCENARIOS };
