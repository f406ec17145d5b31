import type { HookSender } from '../../kernel/hooks';
import { textAt } from '../../kernel/json';
import { minutesAfter, recipient } from '../read';

/** Kratos's reset messages: by code, and by link (courier/template/type.go). The `_invalid` ones go to addresses with no account. */
const RESET_TEMPLATES = ['recovery_code_valid', 'recovery_valid'];

/**
 * Ory Kratos's courier with `delivery_strategy: http` (courier/http_channel.go): the body is the
 * Jsonnet of `courier.http.request_config.body`; Kratos's default one gives `recipient`,
 * `template_type`, `recovery_code` and `recovery_url` at the top, as does the one in
 * docs/trigger.md (which adds `identity_id` and `expires_in_minutes`). Authenticated by the
 * request config's API key header (or Basic auth, in Authorization).
 */
export const kratosHook: HookSender = {
	id: 'kratos',
	displayName: 'Ory Kratos (Courier HTTP)',
	scheme: 'sharedHeader',
	header: 'authorization',
	settings: ['headerName'],
	setup: 'courier.http.request_config.auth: an api_key header value (or Basic auth)',
	notice:
		"In Kratos: courier.delivery_strategy http, courier.http.request_config.url this node's Production URL, and auth type api_key (in: header) with a long random value: the header's name in Header Name, its value in the credential. Kratos signs nothing and sends no timestamp: keep the value secret and the URL https.",
	read: (body, { receivedAt }) => {
		const template = textAt(body, 'template_type') ?? '';
		const to = recipient(textAt(body, 'recipient') ?? textAt(body, 'to'));
		return {
			serviceType: template,
			isReset: RESET_TEMPLATES.includes(template),
			...to,
			channel: textAt(body, 'message_type') === 'sms' ? 'sms' : to.channel,
			userId: textAt(body, 'identity_id'),
			code: textAt(body, 'recovery_code'),
			link: textAt(body, 'recovery_url'),
			expiresAt: minutesAfter(receivedAt, textAt(body, 'expires_in_minutes')),
		};
	},
};
