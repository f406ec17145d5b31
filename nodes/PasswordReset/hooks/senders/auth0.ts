import type { HookSender } from '../../kernel/hooks';
import { forwardedMessage } from '../read';

/**
 * Auth0's custom email provider Action (onExecuteCustomEmailProvider) forwarding
 * `event.notification` signed with Standard Webhooks (the Action is in docs/trigger.md): a reset
 * is `reset_email` (a link) or `reset_email_by_code` (a code), which the Action finds in the
 * rendered text, as Auth0 gives no separate field.
 */
export const auth0Hook: HookSender = {
	id: 'auth0',
	displayName: 'Auth0 (Custom Email Provider Action)',
	service: 'auth0',
	scheme: 'standardWebhooks',
	setup: 'Branding → Email Provider → Custom Provider; the Action signs with a whsec_ secret',
	notice:
		"In Auth0: Branding → Email Provider → Use my own email provider → Custom Provider, with the Action from this package's docs (docs/trigger.md); its secrets N8N_HOOK_URL (this node's Production URL) and N8N_HOOK_SECRET (the credential's whsec_ secret).",
	read: forwardedMessage(['auth0.reset_email', 'auth0.reset_email_by_code']),
};
