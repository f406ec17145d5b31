/**
 * Svix's own library (npm svix, ESM only, so apart from jest's CommonJS): signs each message it
 * is given on stdin as Clerk's webhooks arrive, and says whether Svix's verify accepts each
 * request. Input: [{secret, id, timestamp (seconds), body}] or [{verify: {secret, body, headers}}];
 * output: the headers, or {verified: true|false}, one per entry.
 */
import { Webhook } from 'svix';

const input = JSON.parse(await new Promise((resolve) => {
	let text = '';
	process.stdin.on('data', (chunk) => (text += chunk));
	process.stdin.on('end', () => resolve(text));
}));
const answers = input.map((entry) => {
	if (entry.verify) {
		try {
			new Webhook(entry.verify.secret).verify(entry.verify.body, entry.verify.headers);
			return { verified: true };
		} catch {
			return { verified: false };
		}
	}
	const signature = new Webhook(entry.secret).sign(entry.id, new Date(entry.timestamp * 1000), entry.body);
	return { 'svix-id': entry.id, 'svix-timestamp': String(entry.timestamp), 'svix-signature': signature };
});
process.stdout.write(JSON.stringify(answers));
