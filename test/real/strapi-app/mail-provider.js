// An email provider that appends each mail (to, subject, text, html) to providerOptions.file.
const fs = require('node:fs');

module.exports = {
	init(providerOptions) {
		return {
			async send(mail) {
				fs.appendFileSync(providerOptions.file, `${JSON.stringify({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html })}\n`);
			},
		};
	},
};
