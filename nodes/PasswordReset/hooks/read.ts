import type { HookSender } from '../kernel/hooks';
import { textAt } from '../kernel/json';

/** A recipient as senders give it, one field for both channels: an address with @ is an email, else a phone number. */
export const recipient = (to: string | undefined): { email?: string; phone?: string; channel: 'email' | 'sms' } =>
	to === undefined || to.includes('@') ? { email: to, channel: 'email' } : { phone: to, channel: 'sms' };

/** An ISO time `minutes` after `from`, when a sender states a lifetime in minutes. */
export const minutesAfter = (from: Date, minutes: number | string | undefined): string | undefined => {
	const count = Number(minutes);
	return minutes !== undefined && Number.isFinite(count) && count > 0 ? new Date(from.getTime() + count * 60_000).toISOString() : undefined;
};

/**
 * The message a forwarder signs with Standard Webhooks (the spec's recommended
 * `{type, timestamp, data}`), as docs/trigger.md gives it for any app and for the Auth0 and
 * Better Auth forwarders: `data` holds `email` or `phone`, `user_id`, `name`, `code`, `link`,
 * `token`, `redirect_to`, `locale` and `expires_at`, each where the app has it.
 */
export const forwardedMessage =
	(resetTypes: readonly string[]): HookSender['read'] =>
	(body) => {
		const type = textAt(body, 'type') ?? '';
		const to = recipient(textAt(body, 'data.email') ?? textAt(body, 'data.phone'));
		return {
			serviceType: type,
			isReset: resetTypes.includes(type),
			...to,
			userId: textAt(body, 'data.user_id'),
			name: textAt(body, 'data.name'),
			code: textAt(body, 'data.code'),
			link: textAt(body, 'data.link'),
			token: textAt(body, 'data.token'),
			redirectTo: textAt(body, 'data.redirect_to'),
			locale: textAt(body, 'data.locale'),
			expiresAt: textAt(body, 'data.expires_at'),
		};
	};
