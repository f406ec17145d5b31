// Medusa mails nothing itself: it emits auth.password_reset. This writes the event's data (with
// the token) to TOKEN_FILE, as a project's mailer subscriber would send it. Medusa's loader reads
// the module's `default` and `config`.
const fs = require('node:fs');

exports.default = async function passwordReset({ event }) {
	fs.appendFileSync(process.env.TOKEN_FILE, `${JSON.stringify(event.data)}\n`);
};
exports.config = { event: 'auth.password_reset' };
