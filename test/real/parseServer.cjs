'use strict';
/**
 * A real Parse Server for test/real/parse.cjs, run by Node.js 22 from its cached install
 * (PARSE_DIR): PostgreSQL (DATABASE_URI), its master key MASTER_KEY, a password policy of 16 characters, mounted at /parse on PORT, with an email adapter that
 * appends each reset link to MAIL_FILE, its log files in LOGS_FOLDER (outside the clone; Parse's
 * default is ./logs). Prints "ready" once it serves.
 */
const fs = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');

const parseRequire = createRequire(path.join(process.env.PARSE_DIR, 'package.json'));
const express = parseRequire('express');
const { ParseServer } = parseRequire('parse-server');

const origin = `http://127.0.0.1:${process.env.PORT}`;
const mailAdapter = {
	sendPasswordResetEmail: async ({ link, user }) => fs.appendFileSync(process.env.MAIL_FILE, `${JSON.stringify({ to: user.get('email'), link })}\n`),
	sendVerificationEmail: async () => {},
	sendMail: async () => {},
};

async function main() {
	const server = new ParseServer({
		databaseURI: process.env.DATABASE_URI,
		appId: process.env.APP_ID,
		masterKey: process.env.MASTER_KEY,
		// For Set Password's policy refusal (code 142): the suite's passwords are 16 characters or more.
		passwordPolicy: { validatorPattern: /^.{16,}$/, validationError: 'Use at least 16 characters.' },
		serverURL: `${origin}/parse`,
		publicServerURL: `${origin}/parse`,
		appName: 'Password Reset test',
		emailAdapter: mailAdapter,
		logLevel: 'error',
		logsFolder: process.env.LOGS_FOLDER,
	});
	await server.start();
	const app = express();
	app.use('/parse', server.app);
	app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
