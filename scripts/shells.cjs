'use strict';
/**
 * The node and credential classes n8n loads, as a few lines that pass an edition to the engine
 * (nodes/PasswordReset/describe/): the all-services package's (nodes/PasswordReset/PasswordReset.node.ts,
 * credentials/PasswordResetApi.credentials.ts, test/layers.test.js keeps them equal to these) and
 * each service package's (scripts/build-packages.cjs). `engine` and `edition` are import paths
 * from the file's own folder.
 */

const nodeShell = ({ className, engine, edition }) => `import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { nodeDescriptionOf } from '${engine}/describe/node';
import { EDITION } from '${edition}';

/** This edition's node, built from its edition (see describe/node.ts). */
const node = nodeDescriptionOf(EDITION);

export class ${className} implements INodeType {
	description: INodeTypeDescription = {
		...node,
		icon: { light: 'file:../../icons/password-reset.svg', dark: 'file:../../icons/password-reset.dark.svg' },
		subtitle: node.subtitle,
		usableAsTool: true,
	};
}
`;

const credentialShell = ({ className, engine, edition }) => `import type { ICredentialType, Icon } from 'n8n-workflow';

import { credentialTypeOf } from '${engine}/describe/credential';
import { EDITION } from '${edition}';

/** This edition's credential, built from its edition (see describe/credential.ts). */
const credential = credentialTypeOf(EDITION);

export class ${className} implements ICredentialType {
	name = credential.name;

	displayName = credential.displayName;

	icon: Icon = { light: 'file:../icons/password-reset.svg', dark: 'file:../icons/password-reset.dark.svg' };

	documentationUrl = credential.documentationUrl;

	properties = credential.properties;

	authenticate = credential.authenticate;

	test = credential.test;
}
`;

/** The all-services package's shells, as the templates write them. */
const ROOT_SHELLS = {
	'nodes/PasswordReset/PasswordReset.node.ts': nodeShell({ className: 'PasswordReset', engine: '.', edition: './edition' }),
	'credentials/PasswordResetApi.credentials.ts': credentialShell({ className: 'PasswordResetApi', engine: '../nodes/PasswordReset', edition: '../nodes/PasswordReset/edition' }),
};

module.exports = { nodeShell, credentialShell, ROOT_SHELLS };
