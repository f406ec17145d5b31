import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { triggerDescriptionOf } from '../PasswordReset/trigger/description';
import { answerHookRequest, checkTriggerSettings, testHookSecret } from '../PasswordReset/trigger/webhook';
import { EDITION } from '../PasswordReset/edition';

/** This edition's Password Reset Trigger, built from its edition (see trigger/). */
const trigger = triggerDescriptionOf(EDITION);

export class PasswordResetTrigger implements INodeType {
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
