'use strict';
/**
 * A real Strapi 5 for test/real/strapi.cjs, on Node.js 22: the app in test/real/strapi-app
 * (config only, SQLite, no admin build), copied to WORK_DIR and started with
 * `createStrapi({ appDir, distDir }).start()`. Prints "ready" once it serves.
 * Environment: STRAPI_DIR (the installed tools/strapi), WORK_DIR, PORT, MAIL_FILE, SEED_EMAIL, SEED_PASSWORD.
 */
const fs = require('node:fs');
const path = require('node:path');

const { STRAPI_DIR, WORK_DIR } = process.env;
const appDir = path.join(WORK_DIR, 'app');
fs.cpSync(path.join(__dirname, 'strapi-app'), appDir, { recursive: true });
// Its upload plugin refuses to start without this folder.
fs.mkdirSync(path.join(appDir, 'public', 'uploads'), { recursive: true });
// Strapi finds its plugins from the app's own dependencies.
fs.symlinkSync(path.join(STRAPI_DIR, 'node_modules'), path.join(appDir, 'node_modules'));
// Strapi lower-cases a provider's name before it requires it: the path must be lower case.
const provider = path.join(WORK_DIR.toLowerCase() === WORK_DIR ? WORK_DIR : '/tmp', `password-reset-strapi-mail-${process.pid}.js`);
fs.copyFileSync(path.join(appDir, 'mail-provider.js'), provider);
process.env.MAIL_PROVIDER = provider;
process.env.DATABASE_FILE = path.join(WORK_DIR, 'strapi.db');
const { createStrapi } = require(path.join(STRAPI_DIR, 'node_modules/@strapi/strapi'));

createStrapi({ appDir, distDir: appDir })
	.start()
	.then(() => console.log('ready'))
	.catch((error) => {
		console.error(error);
		process.exit(1);
	});
