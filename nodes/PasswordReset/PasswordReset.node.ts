import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { EDITION } from './edition';
import { SERVICE_PROFILES } from './services';
import { OPERATIONS, userDescription } from './user';

export class PasswordReset implements INodeType {
	description: INodeTypeDescription = {
		displayName: EDITION.node.displayName,
		name: EDITION.node.name,
		icon: { light: 'file:../../icons/password-reset.svg', dark: 'file:../../icons/password-reset.dark.svg' },
		group: ['transform'],
		// 1.1: Reset Password checks the new password unless turned off (1 keeps sending it unchecked).
		// 1.2: a failure item is {error: {message, errorCode, …}}, which n8n 1.x and 2.x both route
		// to the error output (1 and 1.1 keep {error, details}: see outcome/errors.ts).
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		// The operation's name, as the Actions list shows it (test/description.test.js keeps them equal).
		subtitle:
			'={{ { sendResetEmail: "Send Reset Email", resetPassword: "Reset Password", verifyResetToken: "Verify Reset Token", checkPassword: "Check New Password", createResetLink: "Create Reset Link" }[$parameter["operation"]] }}',
		// What it can do here (a service's own package offers what its service does), and where.
		description: `${OPERATIONS.map((option, index) => (index ? (option.action ?? option.name).toLowerCase() : option.action)).join(', ')}. ${SERVICE_PROFILES.map((profile) => profile.displayName).join(', ')}${EDITION.custom ? ', or any REST reset API' : ''}`,
		// An absolute URL: n8n opens it as is (it appends its tracking query to a codex link,
		// after the #anchor, which breaks it).
		documentationUrl: EDITION.documentationUrl.node,
		defaults: { name: EDITION.node.displayName },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// The credential tests itself: a probe its service's profile describes (see credentials/credentialTest.ts).
		credentials: [{ name: EDITION.credential.name, required: true }],
		// No expressions here: RoutingNode would resolve each for every item. The credential is
		// read once per run instead, and the Base URL set from it (see run/runContext.ts).
		requestDefaults: {
			headers: { Accept: 'application/json' },
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'User', value: 'user' }],
				default: 'user',
			},
			...userDescription,
		],
	};
}
