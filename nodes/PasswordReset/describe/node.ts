import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { Edition } from '../kernel/types';
import { registryOf } from '../services/registry';
import { operationsOf, userDescription } from '../user';

/**
 * The node of an edition: its names, what it offers and where, its fields. The shell (scripts/shells.cjs)
 * adds what n8n's lint reads in the class itself: the icon beside its file, the subtitle (named again), usableAsTool.
 */
export const nodeDescriptionOf = (edition: Edition): Omit<INodeTypeDescription, 'icon' | 'usableAsTool'> => {
	const registry = registryOf(edition);
	const operations = operationsOf(registry);
	return {
		displayName: edition.node.displayName,
		name: edition.node.name,
		group: ['transform'],
		// The operation's name, as the Actions list shows it (test/description.test.js keeps them equal).
		subtitle:
			'={{ { sendResetEmail: "Send Reset Email", resetPassword: "Reset Password", verifyResetToken: "Verify Reset Token", checkPassword: "Check New Password", createResetLink: "Create Reset Link", setPassword: "Set Password" }[$parameter["operation"]] }}',
		// 1.1: Reset Password checks the new password unless turned off (1 keeps sending it unchecked).
		// 1.2: a failure item is {error: {message, errorCode, …}}, which n8n 1.x and 2.x both route
		// to the error output (1 and 1.1 keep {error, details}: see outcome/errors.ts).
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		// What it can do here (a service's own package offers what its service does), and where.
		description: `${operations.map((option, index) => (index ? (option.action ?? option.name).toLowerCase() : option.action)).join(', ')}. ${edition.profiles.map((profile) => profile.displayName).join(', ')}${edition.custom ? ', or any REST reset API' : ''}`,
		// An absolute URL: n8n opens it as is (it appends its tracking query to a codex link,
		// after the #anchor, which breaks it).
		documentationUrl: edition.documentationUrl.node,
		defaults: { name: edition.node.displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// The credential tests itself: a probe its service's profile describes (see run/credentialTest.ts).
		credentials: [{ name: edition.credential.name, required: true }],
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
			...userDescription(registry, operations),
		],
	};
};
