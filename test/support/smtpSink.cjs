'use strict';
/**
 * A local SMTP server that accepts every message and keeps it (RFC 5321's minimal dialogue, no
 * TLS, no auth): what n8n's Send Email node talks to in the e2e suite. Each message is kept as
 * its envelope recipients and its text (dot-stuffing undone; quoted-printable decoded when the
 * message says it is).
 */
const net = require('node:net');

/** Undoes quoted-printable (nodemailer's encoding for long text lines): soft breaks, then =XX. */
const decodeQuotedPrintable = (text) =>
	text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex) => String.fromCharCode(parseInt(hex, 16)));

class SmtpSink {
	constructor() {
		this.messages = [];
		this.server = net.createServer((socket) => this.session(socket));
	}

	async listen() {
		await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.port = this.server.address().port;
		return this.port;
	}

	async close() {
		await new Promise((resolve) => this.server.close(resolve));
	}

	session(socket) {
		let buffer = '';
		let inData = false;
		let message = { to: [], data: '' };
		const say = (line) => socket.write(`${line}\r\n`);
		say('220 sink ESMTP');
		socket.on('data', (chunk) => {
			buffer += chunk.toString('utf8');
			for (;;) {
				if (inData) {
					const end = buffer.indexOf('\r\n.\r\n');
					if (end === -1) return;
					message.data = buffer.slice(0, end);
					buffer = buffer.slice(end + 5);
					inData = false;
					// SMTP's transparency (RFC 5321 4.5.2): a line that began with a dot was sent with one more.
					const data = message.data.replace(/^\.\./gm, '.');
					const [, ...bodyParts] = data.split(/\r\n\r\n/);
					const body = bodyParts.join('\r\n\r\n');
					// Only a quoted-printable body is decoded: a 7bit one may hold "=3D"-looking text of its own ("code=535955").
					const text = /^content-transfer-encoding:\s*quoted-printable/im.test(data) ? decodeQuotedPrintable(body) : body;
					this.messages.push({ to: message.to, raw: data, text });
					message = { to: [], data: '' };
					say('250 OK: queued');
					continue;
				}
				const lineEnd = buffer.indexOf('\r\n');
				if (lineEnd === -1) return;
				const line = buffer.slice(0, lineEnd);
				buffer = buffer.slice(lineEnd + 2);
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO' || verb === 'HELO') say('250 sink');
				else if (verb === 'RCPT') {
					message.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
					say('250 OK');
				} else if (verb === 'DATA') {
					inData = true;
					say('354 End data with <CR><LF>.<CR><LF>');
				} else if (verb === 'QUIT') {
					say('221 Bye');
					socket.end();
				} else say('250 OK');
			}
		});
		socket.on('error', () => {});
	}
}

module.exports = { SmtpSink };
