import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { SERVICE_PROFILES } from './services';
import { userDescription } from './user';

export class PasswordReset implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Password Reset',
		name: 'passwordReset',
		icon: { light: 'file:../../icons/password-reset.svg', dark: 'file:../../icons/password-reset.dark.svg' },
		group: ['transform'],
		// 1.1: Reset Password checks the new password unless turned off (1 keeps sending it unchecked).
		version: [1, 1.1],
		defaultVersion: 1.1,
		// The operation's name, as the Actions list shows it (test/description.test.js keeps them equal).
		subtitle:
			'={{ { sendResetEmail: "Send Reset Email", resetPassword: "Reset Password", verifyResetToken: "Verify Reset Token", checkPassword: "Check New Password", createResetLink: "Create Reset Link" }[$parameter["operation"]] }}',
		description: `Forgot password flows: send reset emails, reset passwords with the emailed code, check reset tokens and new passwords, create reset links. ${SERVICE_PROFILES.map((profile) => profile.displayName).join(', ')}, or any REST reset API`,
		// An absolute URL: n8n opens it as is (it appends its tracking query to a codex link,
		// after the #anchor, which breaks it).
		documentationUrl: 'https://github.com/n8n-nodes-password-reset/n8n-nodes-password-reset#readme',
		defaults: { name: 'Password Reset' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// The credential tests itself: a probe its service's profile describes (see credentials/credentialTest.ts).
		credentials: [{ name: 'passwordResetApi', required: true }],
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
