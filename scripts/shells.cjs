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

const triggerShell = ({ className, engine, edition }) => `import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { triggerDescriptionOf } from '${engine}/trigger/description';
import { answerHookRequest, checkTriggerSettings, testHookSecret } from '${engine}/trigger/webhook';
import { EDITION } from '${edition}';

/** This edition's Password Reset Trigger, built from its edition (see trigger/). */
const trigger = triggerDescriptionOf(EDITION);

export class ${className} implements INodeType {
	description: INodeTypeDescription = {
		...trigger,
		icon: { light: 'file:../../icons/password-reset.svg', dark: 'file:../../icons/password-reset.dark.svg' },
		subtitle: trigger.subtitle,
	};

	methods = { credentialTest: { hookSecretForm: testHookSecret } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				// Nothing is registered with the back end: checking the settings is all activation does.
				return await checkTriggerSettings.call(this, EDITION);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await checkTriggerSettings.call(this, EDITION);
			},
			async delete(): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await answerHookRequest.call(this, EDITION);
	}
}
`;

const hookCredentialShell = ({ className, engine, edition }) => `import type { ICredentialType, Icon } from 'n8n-workflow';

import { hookCredentialTypeOf } from '${engine}/trigger/description';
import { EDITION } from '${edition}';

/** This edition's Password Reset Trigger credential: the hook's secret (see trigger/description.ts). */
const credential = hookCredentialTypeOf(EDITION);

export class ${className} implements ICredentialType {
	name = credential.name;

	displayName = credential.displayName;

	icon: Icon = { light: 'file:../icons/password-reset.svg', dark: 'file:../icons/password-reset.dark.svg' };

	documentationUrl = credential.documentationUrl;

	properties = credential.properties;
}
`;

/** The all-services package's shells, as the templates write them. */
const ROOT_SHELLS = {
	'nodes/PasswordReset/PasswordReset.node.ts': nodeShell({ className: 'PasswordReset', engine: '.', edition: './edition' }),
	'credentials/PasswordResetApi.credentials.ts': credentialShell({ className: 'PasswordResetApi', engine: '../nodes/PasswordReset', edition: '../nodes/PasswordReset/edition' }),
	'nodes/PasswordResetTrigger/PasswordResetTrigger.node.ts': triggerShell({ className: 'PasswordResetTrigger', engine: '../PasswordReset', edition: '../PasswordReset/edition' }),
	'credentials/PasswordResetHookApi.credentials.ts': hookCredentialShell({ className: 'PasswordResetHookApi', engine: '../nodes/PasswordReset', edition: '../nodes/PasswordReset/edition' }),
};

module.exports = { nodeShell, credentialShell, triggerShell, hookCredentialShell, ROOT_SHELLS };
