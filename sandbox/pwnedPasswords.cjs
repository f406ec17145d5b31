'use strict';
/**
 * Have I Been Pwned's Pwned Passwords range API, played: `GET /range/{5 hex}` answers
 * `SUFFIX:COUNT` lines (CRLF) for the breached passwords below whose SHA-1 starts with the
 * prefix, and with `Add-Padding: true` padding lines of count 0 to between 800 and 1,000 lines,
 * as the real one does. Mounted at `/pwnedpasswords` (`@down`: 503 on everything).
 */
const crypto = require('node:crypto');

/** Passwords the sandbox knows as breached, with how often each was seen. */
const BREACHED = { 'correct horse battery staple': 3920, 'qwertyuiopasdfghjkl': 25108, 'Sandbox-breached-2026!': 7 };

const sha1 = (text) => crypto.createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();

function handlePwned({ method, path, headers, mode }, reply) {
	if (mode === 'down') return reply(503, 'Service Unavailable');
	const match = /^\/range\/([0-9A-Fa-f]{5})$/.exec(path);
	if (method !== 'GET' || !match) return reply(400, 'The hash prefix was not in a valid format');
	const prefix = match[1].toUpperCase();
	const lines = Object.entries(BREACHED)
		.map(([password, count]) => [sha1(password), count])
		.filter(([hash]) => hash.startsWith(prefix))
		.map(([hash, count]) => `${hash.slice(5)}:${count}`);
	if (String(headers['add-padding']).toLowerCase() === 'true') {
		const total = 800 + crypto.randomInt(201);
		while (lines.length < total) lines.push(`${crypto.randomBytes(18).toString('hex').toUpperCase().slice(0, 35)}:0`);
	}
	return reply(200, lines.join('\r\n'));
}

module.exports = { handlePwned, BREACHED };
