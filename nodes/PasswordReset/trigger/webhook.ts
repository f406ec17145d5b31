import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { receiveHook, REFUSALS } from '../hooks/receive';
import { RECEIVED } from '../hooks/replay';
import type { HookSender } from '../kernel/hooks';
import type { Edition } from '../kernel/types';
import { InputProblem } from '../safety/checks';
import { RESPOND_AFTER, triggerOf } from './description';
import { projectUrlOf, secretProblem } from './settings';

/*
 * The trigger's n8n side: activation checks the settings, each request gets its verdict from
 * hooks/receive.ts, and only an accepted message becomes an item. A refusal is answered here
 * (401, 400, 413) and starts nothing; n8n's log names the reason, never a value.
 */

type RawRequest = { rawBody?: Buffer; readRawBody?: () => Promise<void> };

const senderOf = (edition: Edition, id: string): HookSender | undefined => triggerOf(edition).senders.find((sender) => sender.id === id);

const secretOf = async (context: IHookFunctions | IWebhookFunctions, edition: Edition) => String((await context.getCredentials(triggerOf(edition).credential.name)).secret ?? '');

/**
 * Activation (and Listen for Test Event): the settings a message cannot fix are refused here,
 * with the field named, so a trigger never waits with a secret that cannot verify anything.
 */
export async function checkTriggerSettings(this: IHookFunctions, edition: Edition): Promise<boolean> {
	const service = String(this.getNodeParameter('service'));
	const sender = senderOf(edition, service);
	if (!sender) throw new NodeOperationError(this.getNode(), `Service "${service}" is not one this trigger knows`);
	const problem = secretProblem(await secretOf(this, edition), sender);
	if (problem) throw new NodeOperationError(this.getNode(), `The credential's Secret cannot verify ${sender.displayName} messages: ${problem}`);
	if (sender.settings?.includes('projectUrl')) {
		try {
			projectUrlOf(String(this.getNodeParameter('projectUrl', '')));
		} catch (error) {
			throw new NodeOperationError(this.getNode(), error instanceof InputProblem ? error.message : String(error));
		}
	}
	return true;
}

export async function answerHookRequest(this: IWebhookFunctions, edition: Edition): Promise<IWebhookResponseData> {
	const node = this.getNode();
	const request = this.getRequestObject() as unknown as RawRequest;
	// n8n reads the body only for the content types it parses: read it as received, whatever the type.
	if (request.rawBody === undefined) await request.readRawBody?.();
	const sender = senderOf(edition, String(this.getNodeParameter('service')));
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const answersAfterWorkflow = this.getNodeParameter('respond', 'immediately') === RESPOND_AFTER;
	let projectUrl = '';
	try {
		projectUrl = sender?.settings?.includes('projectUrl') ? projectUrlOf(String(this.getNodeParameter('projectUrl', ''))) : '';
	} catch {
		// Checked at activation; a link is simply not built if it changed since.
	}
	const reception = sender
		? receiveHook(
				{
					headers: this.getHeaderData(),
					rawBody: request.rawBody ?? Buffer.alloc(0),
				},
				{
					sender,
					secret: await secretOf(this, edition),
					sharedHeader: sender.settings?.includes('headerName') ? String(this.getNodeParameter('headerName', '')) : undefined,
					toleranceSeconds: Number(options.toleranceSeconds ?? 300),
					maxBodyBytes: Number(options.maxBodyKb ?? 256) * 1024,
					includeOtherTypes: options.includeOtherTypes === true,
					includePayload: options.includePayload === true,
					answersAfterWorkflow,
					projectUrl,
					scope: `${this.getWorkflow().id}:${node.id}`,
					now: new Date(),
				},
				RECEIVED,
			)
		: ({ outcome: 'refused', reason: 'unknown_service' } as const);
	if (reception.outcome === 'refused') {
		const { status, message } = REFUSALS[reception.reason];
		this.logger.warn(`${node.name} refused a message (${status}): ${reception.reason}`, { workflowId: this.getWorkflow().id, node: node.name });
		this.getResponseObject().status(status).json({ message });
		return { noWebhookResponse: true };
	}
	if (reception.outcome === 'acknowledged') {
		this.logger.debug(`${node.name} acknowledged a message and started nothing: ${reception.why}`, { workflowId: this.getWorkflow().id, node: node.name });
		return { webhookResponse: { received: true, started: false } };
	}
	return {
		workflowData: [[{ json: reception.item }]],
		webhookResponse: { received: true, started: true },
	};
}

/** The credential test: the secret's form, without any request (the credential names no service). */
export async function testHookSecret(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const problem = secretProblem(String(credential.data?.secret ?? ''));
	return problem
		? { status: 'Error', message: problem }
		: {
				status: 'OK',
				message: 'The secret has a form a trigger can verify with',
			};
}
