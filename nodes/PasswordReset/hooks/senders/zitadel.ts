import type { IDataObject } from 'n8n-workflow';

import type { HookSender } from '../../kernel/hooks';
import { objectAt, textAt } from '../../kernel/json';

/** Zitadel's `args` keep the Go field names on email and lower-camel ones on SMS: read either. */
const argument = (args: IDataObject, name: string) => {
	const key = Object.keys(args).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : textAt(args, key);
};

/**
 * Zitadel's HTTP email and SMS providers (internal/notification/channels/webhook, types/*):
 * `{contextInfo, templateData, args}`, signed with the provider's signing key. A reset is the
 * event `user.human.password.code.added`; the code is in `args`, the finished link in
 * `templateData.url`.
 */
export const zitadelHook: HookSender = {
	id: 'zitadel',
	service: 'zitadel',
	displayName: 'Zitadel (HTTP Provider)',
	scheme: 'zitadel',
	setup: 'Settings → Notification providers → HTTP; the signing key Zitadel shows once',
	notice:
		"In Zitadel: add an HTTP email (or SMS) provider with this node's Production URL as its endpoint (POST /admin/v1/email/http), activate it, and paste the signing key it returns into the credential.",
	read: (body) => {
		const context = objectAt(body, 'contextInfo');
		const args = objectAt(body, 'args');
		const eventType = textAt(context, 'eventType') ?? '';
		const phone = textAt(context, 'recipientPhoneNumber');
		return {
			serviceType: eventType,
			isReset: eventType === 'user.human.password.code.added',
			channel: phone ? 'sms' : 'email',
			email: textAt(context, 'recipientEmailAddress'),
			phone,
			userId: argument(args, 'userId') ?? argument(args, 'id'),
			name: argument(args, 'displayName'),
			code: argument(args, 'code'),
			link: textAt(body, 'templateData.url'),
			locale: argument(args, 'preferredLanguage'),
		};
	},
};
