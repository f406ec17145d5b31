'use strict';
/**
 * The README of one service's package (`npm run build:packages`), written from its profiles and
 * the tables `npm run generate` writes for the all-services README: what to install, the
 * credential, what each operation sends where, what the credential test proves.
 */
const path = require('node:path');
const { tablesFor } = require('./generate.cjs');

const root = path.resolve(__dirname, '..');
const { OPERATION_NAMES, SERVICE_OPERATIONS, isUnsupported } = require(path.join(root, 'dist/nodes/PasswordReset/services'));
const rootPackage = require(path.join(root, 'package.json'));

/** The operations these profiles offer, as the node lists them; Check New Password always. */
const offeredOperations = (profiles) => [
	...SERVICE_OPERATIONS.filter((operation) => profiles.some((profile) => profile.operations[operation] && !isUnsupported(profile.operations[operation]))).map(
		(operation) => OPERATION_NAMES[operation],
	),
	OPERATION_NAMES.checkPassword,
];

/** A page of the all-services package's docs/ (on its repository), at an anchor. */
const docsPage = (page, anchor) => `${rootPackage.homepage}/blob/main/docs/${page}.md${anchor ? `#${anchor}` : ''}`;

const readme = (pkg, operations) => {
	const profiles = pkg.sources.map(({ profile }) => profile);
	const tables = tablesFor(profiles, profiles);
	return `# ${pkg.packageName}

An [n8n](https://n8n.io) community node for **${pkg.vendor}** password resets: ${operations.join(', ')}.
It is the ${pkg.vendor} edition of [${rootPackage.name}](${rootPackage.homepage}), built from the same
source: the same engine, with only ${pkg.vendor} in it. Self-hosted n8n users who reset passwords
on several back ends (or on any REST API, with Custom) can install that package instead.

## Install

- **n8n Cloud**: once n8n has verified this package, find **${pkg.displayName}** in the nodes panel.
- **Self-hosted**: Settings → Community Nodes → Install → \`${pkg.packageName}\`.

It has no runtime dependency: every request goes through n8n's own HTTP helpers.

## Credential: ${pkg.displayName} API

${tables.credentialNotes()}

The credential test sends one request that changes nothing:

${tables.probes()}

## Operations

${tables.services()}

**Check New Password** refuses a weak new password before anything is sent (NIST SP 800-63B-4:
a minimum length, 15 by default, no composition rules, no maximum; the email's name, its domain
and the service's name; the 1,000 most common passwords; and, when **Check Breached Passwords**
is on, Have I Been Pwned's range API, to which only the first 5 hex digits of the password's
SHA-1 are sent). Reset Password runs it first from node version 1.1. See
[Check New Password](${docsPage('operations', 'check-new-password')}).
${operations.includes(OPERATION_NAMES.createResetLink) ? `
**Create Reset Link** answers \`resetLink\`, a link that opens the account to whoever holds it:
send it only to the account's own address, and keep it out of saved executions (Workflow
Settings → Save successful production executions: Do not save). See
[Create Reset Link](${docsPage('operations', 'create-reset-link')}).
` : ''}
Every failure has an \`errorCode\` (see [Errors](${docsPage('errors')})); the three On Error
modes keep one output item per input item, paired. Secrets (the new password, the token, the
API key and every credential secret) never appear in output, errors or logs
([Security](${docsPage('security')})).

${
		pkg.senders.length
			? `## Password Reset Trigger

**${pkg.vendor} Password Reset Trigger** (credential **${pkg.vendor} Password Reset Hook API**) is
n8n as ${pkg.vendor}'s reset mailer: ${pkg.vendor} hands its reset message to n8n
(${pkg.senders.map(({ sender }) => sender.setup).join('; ')}), the trigger verifies it (the
signature on the raw body in constant time, a 5-minute window, replay refusal, a size cap) and
starts the workflow with one item: \`email\`, \`code\`, \`link\` and more, for your own template and
SMTP, SMS or WhatsApp. The item carries a live code: keep no execution data of that workflow. See
[Password Reset Trigger](${docsPage('trigger')}).

`
			: ''
	}## How this profile was checked

${tables.checked()}

## License

[MIT](LICENSE)
`;
};

module.exports = { readme, offeredOperations };
