import type { HookSender } from '../../kernel/hooks';
import { objectAt, textAt } from '../../kernel/json';
import { minutesAfter, recipient } from '../read';

/** Logto's verification codes live 10 minutes (logto-io/logto packages/core/src/libraries/passcode.ts). */
const CODE_MINUTES = 10;

/**
 * Logto's HTTP email (and SMS) connector (@logto/connector-http-email): `{to, type, payload, ip}`
 * with the Authorization value typed into the connector, verbatim. A reset is `ForgotPassword`,
 * its code in `payload.code` (typed into Logto's own page: no link).
 */
export const logtoHook: HookSender = {
	id: 'logto',
	displayName: 'Logto (HTTP Email Connector)',
	scheme: 'sharedHeader',
	header: 'authorization',
	setup: 'Connectors → Email and SMS → HTTP Email; the Authorization value you type there',
	notice:
		"In Logto: Connectors → Email and SMS connectors → HTTP Email, Endpoint: this node's Production URL, Authorization: a long random value (e.g. Bearer and 32 random characters), the same in the credential. Logto signs nothing and sends no timestamp: keep the value secret and the URL https.",
	read: (body, { receivedAt }) => {
		const payload = objectAt(body, 'payload');
		const type = textAt(body, 'type') ?? '';
		return {
			serviceType: type,
			isReset: type === 'ForgotPassword',
			...recipient(textAt(body, 'to')),
			userId: textAt(payload, 'user.id'),
			name: textAt(payload, 'user.name'),
			code: textAt(payload, 'code'),
			link: textAt(payload, 'link'),
			locale: textAt(payload, 'locale'),
			expiresAt: textAt(payload, 'code') ? minutesAfter(receivedAt, CODE_MINUTES) : undefined,
		};
	},
};
