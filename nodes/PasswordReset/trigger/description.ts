import type { ICredentialType, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { HookSender } from '../kernel/hooks';
import type { Edition } from '../kernel/types';

/*
 * The Password Reset Trigger's node and credential, built from an edition's senders, the one
 * list of them: each sender's option, notice and settings show for it alone.
 */

type HookSenderList = readonly HookSender[];

/** The edition's trigger: only an edition with a service that hands messages over has one. */
export const triggerOf = (edition: Edition) => {
	if (!edition.trigger?.senders.length) throw new Error(`${edition.packageName} has no hook sender: it has no Password Reset Trigger`);
	return edition.trigger;
};

/** The credential test's name (the node's methods.credentialTest), which checks the secret's form. */
export const HOOK_SECRET_TEST = 'hookSecretForm';

/** Answer at once (the default) or after the workflow: n8n's webhook response modes. */
export const RESPOND_AFTER = 'whenLastNodeFinishes';

const showFor = (ids: string[]) => ({ show: { service: ids } });

const serviceField = (senders: HookSenderList): INodeProperties => {
	const firstSender = senders[0].id;
	return {
		displayName: 'Service',
		name: 'service',
		type: 'options',
		noDataExpression: true,
		default: firstSender,
		options: senders.map((sender) => ({
			name: sender.displayName,
			value: sender.id,
			description: sender.setup,
		})),
		description: 'The back end that sends its reset messages to this trigger',
	};
};

const senderNotices = (senders: HookSenderList): INodeProperties[] =>
	senders.map((sender) => ({
		displayName: sender.notice,
		name: `${sender.id}Notice`,
		type: 'notice',
		default: '',
		displayOptions: showFor([sender.id]),
	}));

/** A node setting some senders read (`HookSender.settings`), shown for those senders only; none when no sender reads it. */
const settingFor = (senders: HookSenderList, setting: 'projectUrl' | 'headerName', property: INodeProperties): INodeProperties[] => {
	const readers = senders.filter((sender) => sender.settings?.includes(setting)).map((sender) => sender.id);
	return readers.length === 0 ? [] : [{ ...property, displayOptions: showFor(readers) }];
};

const PROJECT_URL: INodeProperties = {
	displayName: 'Project URL',
	name: 'projectUrl',
	type: 'string',
	default: '',
	placeholder: 'https://abcdefghijklmnop.supabase.co',
	description:
		"Your Supabase project's URL (Project Settings → API), to build each message's reset link from its token. Empty: the link is built from the message's site_url when that is the project's Auth API address (hosted projects), else left empty.",
};

const HEADER_NAME: INodeProperties = {
	displayName: 'Header Name',
	name: 'headerName',
	type: 'string',
	default: 'Authorization',
	description:
		"The header that carries the credential's value (the api_key auth's name; Authorization for Basic auth, its value then being Basic and the encoded user and password)",
};

const PROPERTIES_AFTER_SERVICE: INodeProperties[] = [
	{
		displayName: 'Respond',
		name: 'respond',
		type: 'options',
		default: 'immediately',
		options: [
			{
				name: 'Immediately',
				value: 'immediately',
				description: 'Once the message is verified (200), before the workflow runs. Fits Supabase, which waits only 5 seconds.',
			},
			{
				name: 'When Last Node Finishes',
				value: RESPOND_AFTER,
				description:
					"After the workflow: 204 when it succeeds, n8n's 500 when it fails, so the back end reports the failure (Supabase, Logto) or sends the message again later (Clerk, Zitadel, Kratos)",
			},
		],
		description: 'When this trigger answers the back end',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Include Other Email Types',
				name: 'includeOtherTypes',
				type: 'boolean',
				default: false,
				description:
					"Whether the service's other messages (sign-up confirmations, magic links, invitations) start the workflow too, their own type in the item's type. Off: they are acknowledged and start nothing.",
			},
			{
				displayName: 'Include Whole Payload',
				name: 'includePayload',
				type: 'boolean',
				default: false,
				description: "Whether each item carries the service's whole message as payload (it holds the code, and user details)",
			},
			{
				displayName: 'Max Body Size (KB)',
				name: 'maxBodyKb',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1024 },
				default: 256,
				description: 'A larger message is refused (413) before its signature is checked',
			},
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'toleranceSeconds',
				type: 'number',
				typeOptions: { minValue: 30, maxValue: 3600 },
				default: 300,
				description: 'A message signed longer ago (or further ahead) than this is refused; a message received before within this time is refused as a replay',
			},
		],
	},
];

export function triggerDescriptionOf(edition: Edition): INodeTypeDescription {
	const { node, credential, senders } = triggerOf(edition);
	return {
		displayName: node.displayName,
		name: node.name,
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["service"] }}',
		description: 'Starts the workflow when a back end hands over a password reset code or link for n8n to deliver',
		defaults: { name: node.displayName },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: credential.name, required: true, testedBy: HOOK_SECRET_TEST }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				path: 'password-reset',
				responseMode: `={{ $parameter["respond"] === "${RESPOND_AFTER}" ? "lastNode" : "onReceived" }}`,
				responseData: `={{ $parameter["respond"] === "${RESPOND_AFTER}" ? "noData" : "" }}`,
				responseCode: `={{ $parameter["respond"] === "${RESPOND_AFTER}" ? 204 : 200 }}`,
			},
		],
		properties: [
			{
				displayName:
					"Each item carries the reset code or link, which is what this trigger is for: deliver it and keep it nowhere else. In the workflow's settings, set Save Successful Production Executions (and failed ones) to Do Not Save.",
				name: 'secretOutputNotice',
				type: 'notice',
				default: '',
			},
			serviceField(senders),
			...senderNotices(senders),
			...settingFor(senders, 'projectUrl', PROJECT_URL),
			...settingFor(senders, 'headerName', HEADER_NAME),
			...PROPERTIES_AFTER_SERVICE,
		],
	};
}

export function hookCredentialTypeOf(edition: Edition): Pick<ICredentialType, 'name' | 'displayName' | 'documentationUrl' | 'properties'> {
	const { credential, senders, documentationUrl } = triggerOf(edition);
	return {
		name: credential.name,
		displayName: credential.displayName,
		documentationUrl,
		properties: [
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				required: true,
				default: '',
				description: `What the back end signs with or sends: ${senders.map((sender) => `${sender.displayName}: ${sender.setup}`).join('; ')}` + '.',
			},
		],
	};
}
