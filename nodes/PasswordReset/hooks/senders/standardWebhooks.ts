import type { HookSender } from '../../kernel/hooks';
import { forwardedMessage } from '../read';

/** Any app that signs its calls with Standard Webhooks and sends the forwarded message (hooks/read.ts); `password_reset` is a reset. */
export const standardWebhooksHook: HookSender = {
	id: 'standardWebhooks',
	displayName: 'Standard Webhooks (Any App)',
	scheme: 'standardWebhooks',
	setup: 'Your app signs with a whsec_ secret; type password_reset',
	notice:
		"For your own app: sign each call with Standard Webhooks (the standardwebhooks library) and a whsec_ secret, and send {type: 'password_reset', timestamp, data: {email, code, link, …}}; see the docs for the fields.",
	read: forwardedMessage(['password_reset']),
};
