/**
 * A real Payload CMS 3 for test/real/payload.cjs: its own REST handler (`handleEndpoints`) behind
 * plain node:http, SQLite, a `users` auth collection, and an email adapter that appends each
 * mail to MAIL_FILE (the reset mail carries the token). No Next.js. Prints "ready" once it serves.
 * Environment: PAYLOAD_DIR (the installed tools/payload), PORT, WORK_DIR, MAIL_FILE, and the one
 * user it starts with, SEED_EMAIL and SEED_PASSWORD (its REST API lets nobody create one), and a
 * help-desk user whose API key is ADMIN_API_KEY (the collection has `useAPIKey`).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const { PAYLOAD_DIR, PORT, WORK_DIR, MAIL_FILE, SEED_EMAIL, SEED_PASSWORD, ADMIN_API_KEY } = process.env;
/** A package of the installed tools/payload, by its ESM entry point. */
const load = async (name) => import(pathToFileURL(path.join(PAYLOAD_DIR, 'node_modules', name, 'dist/index.js')).href);
const { buildConfig, getPayload, handleEndpoints } = await load('payload');
const { sqliteAdapter } = await load('@payloadcms/db-sqlite');

const fileMailer = () => ({
	name: 'file',
	defaultFromAddress: 'noreply@example.com',
	defaultFromName: 'Payload',
	sendEmail: async (message) => {
		fs.appendFileSync(MAIL_FILE, `${JSON.stringify({ to: message.to, subject: message.subject, html: message.html })}\n`);
	},
});

const config = await buildConfig({
	secret: 'password-reset-real-payload-secret',
	serverURL: `http://127.0.0.1:${PORT}`,
	telemetry: false,
	collections: [{ slug: 'users', auth: { useAPIKey: true, forgotPassword: { generateEmailHTML: ({ token }) => `reset token: ${token}` } }, fields: [] }],
	db: sqliteAdapter({ client: { url: `file:${path.join(WORK_DIR, 'payload.db')}` }, push: true }),
	email: fileMailer,
});
const payload = await getPayload({ config });
await payload.create({ collection: 'users', data: { email: SEED_EMAIL, password: SEED_PASSWORD } });
// The help desk's user, with the API key Set Password sends (`<collection> API-Key <key>`).
await payload.create({ collection: 'users', data: { email: 'help-desk@example.com', password: 'Help-desk-pw-1', enableAPIKey: true, apiKey: ADMIN_API_KEY } });

const server = http.createServer(async (req, res) => {
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	const body = chunks.length ? Buffer.concat(chunks) : undefined;
	const request = new Request(`http://127.0.0.1:${PORT}${req.url}`, { method: req.method, headers: req.headers, body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body });
	const response = await handleEndpoints({ config, request });
	res.writeHead(response.status, Object.fromEntries(response.headers));
	res.end(Buffer.from(await response.arrayBuffer()));
});
server.listen(Number(PORT), '127.0.0.1', () => console.log('ready'));
