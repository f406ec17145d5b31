import type { HookSender } from '../../kernel/hooks';
import { objectAt, textAt } from '../../kernel/json';

/**
 * Clerk's `email.created` and `sms.created` events, sent by Svix (clerk/openapi-specs webhooks
 * 2025-04-15, EmailEventPayload). A reset is the template `reset_password_code`, its code in
 * `data.data.otp_code`; Clerk has no reset link. Clerk sends the event for the messages it
 * delivers itself too: those are acknowledged and start nothing, or the user gets two codes.
 */
export const clerkHook: HookSender = {
	id: 'clerk',
	service: 'clerk',
	displayName: 'Clerk',
	scheme: 'standardWebhooks',
	setup: 'Webhooks → Add Endpoint, event email.created; its Signing Secret is whsec_…',
	notice:
		"In Clerk: Customization → Emails → Reset password code, turn off Delivered by Clerk; then Webhooks → Add Endpoint with this node's Production URL and the event email.created (sms.created for codes by SMS), and paste the endpoint's Signing Secret (whsec_…) into the credential.",
	read: (body) => {
		const data = objectAt(body, 'data');
		const sms = textAt(body, 'type') === 'sms.created';
		const slug = textAt(data, 'slug') ?? '';
		return {
			serviceType: slug,
			isReset: slug === 'reset_password_code',
			acknowledgeOnly: data.delivered_by_clerk === false ? undefined : 'Clerk delivers this message itself (Delivered by Clerk is on for its template)',
			channel: sms ? 'sms' : 'email',
			email: textAt(data, 'to_email_address'),
			phone: textAt(data, 'to_phone_number'),
			userId: textAt(data, 'user_id'),
			code: textAt(data, 'data.otp_code'),
		};
	},
};
