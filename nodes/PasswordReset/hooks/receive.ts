import type { IDataObject } from 'n8n-workflow';

import type { HookSender } from '../kernel/hooks';
import { isJsonObject } from '../kernel/json';
import type { ReceivedMessages } from './replay';
import { type Headers, type Refused, verifySignature } from './signatures';

/*
 * One request to the trigger, start to verdict, in this order: the size cap, the signature on
 * the raw body, the timestamp window, replay, then the message itself. Nothing is parsed before
 * it is verified, and no verdict carries a value from the request.
 */

export interface HookRequest {
	headers: Headers;
	rawBody: Buffer;
}

export interface ReceiveSettings {
	sender: HookSender;
	secret: string;
	/** For shared-header senders: the header's name (the node's Header Name), else the sender's own. */
	sharedHeader?: string;
	toleranceSeconds: number;
	maxBodyBytes: number;
	includeOtherTypes: boolean;
	includePayload: boolean;
	/** True when n8n answers after the workflow: then a sender's retry of a message runs again. */
	answersAfterWorkflow: boolean;
	projectUrl: string;
	/** What keeps one trigger's memory apart from another's: the workflow and node ids. */
	scope: string;
	now: Date;
}

export type RefusalReason = Refused['reason'] | 'body_too_large' | 'body_not_json' | 'replayed' | 'unknown_service';

/** The answer's status and text for each refusal: none repeats anything the request carried. */
export const REFUSALS: Record<RefusalReason, { status: number; message: string }> = {
	no_secret: {
		status: 401,
		message: 'Refused: the trigger has no secret to check the message with',
	},
	secret_unreadable: {
		status: 401,
		message: "Refused: the trigger's secret is not in the form this service uses",
	},
	signature_missing: {
		status: 401,
		message: 'Refused: the message carries no signature this trigger can read',
	},
	signature_mismatch: {
		status: 401,
		message: 'Refused: the signature does not match',
	},
	timestamp_outside_tolerance: {
		status: 401,
		message: 'Refused: the message was signed too long ago, or in the future',
	},
	replayed: {
		status: 401,
		message: 'Refused: this message was received already',
	},
	body_too_large: {
		status: 413,
		message: 'Refused: the body is larger than this trigger accepts',
	},
	body_not_json: {
		status: 400,
		message: 'Refused: the body is not a JSON object',
	},
	unknown_service: { status: 401, message: "Refused: the trigger's Service is not one it knows" },
};

export type Reception =
	| { outcome: 'refused'; reason: RefusalReason }
	/** Answered with a 2xx, and starts nothing: a retry already delivered, a type not asked for, a message its sender delivers itself. */
	| { outcome: 'acknowledged'; why: string }
	| { outcome: 'accepted'; item: IDataObject };

const refuse = (reason: RefusalReason): Reception => ({
	outcome: 'refused',
	reason,
});

const parsedObject = (rawBody: Buffer): IDataObject | undefined => {
	try {
		const body: unknown = JSON.parse(rawBody.toString('utf8'));
		return isJsonObject(body) ? body : undefined;
	} catch {
		return undefined;
	}
};

export function receiveHook(request: HookRequest, settings: ReceiveSettings, received: ReceivedMessages): Reception {
	const { sender, now } = settings;
	if (request.rawBody.length > settings.maxBodyBytes) return refuse('body_too_large');
	const nowSeconds = Math.floor(now.getTime() / 1000);
	const verdict = verifySignature({
		scheme: sender.scheme,
		secret: settings.secret,
		headers: request.headers,
		rawBody: request.rawBody,
		nowSeconds,
		toleranceSeconds: settings.toleranceSeconds,
		sharedHeader: settings.sharedHeader || sender.header,
	});
	if (!verdict.ok) return refuse(verdict.reason);
	// Remembered as long as a message could still pass the timestamp window, from either side.
	const rememberUntil = nowSeconds + 2 * settings.toleranceSeconds;
	if (verdict.messageId !== undefined) {
		const copy = `${settings.scope}:signed:${verdict.messageId}:${verdict.timestamp}`;
		if (received.has(copy, nowSeconds)) return refuse('replayed');
		received.remember(copy, rememberUntil);
	}
	const body = parsedObject(request.rawBody);
	if (body === undefined) return refuse('body_not_json');
	const message = sender.read(body, {
		receivedAt: now,
		projectUrl: settings.projectUrl,
	});
	if (message.acknowledgeOnly) return { outcome: 'acknowledged', why: message.acknowledgeOnly };
	if (!message.isReset && !settings.includeOtherTypes)
		return {
			outcome: 'acknowledged',
			why: `not a password reset (${message.serviceType || 'no type'}), and Include Other Email Types is off`,
		};
	const deliveryId = message.deliveryId ?? verdict.messageId;
	if (deliveryId !== undefined) {
		const delivered = `${settings.scope}:delivered:${deliveryId}`;
		if (received.has(delivered, nowSeconds))
			return {
				outcome: 'acknowledged',
				why: 'a retry of a message this trigger already answered',
			};
		if (!settings.answersAfterWorkflow) received.remember(delivered, rememberUntil);
	}
	const item: IDataObject = {
		service: sender.id,
		type: message.isReset ? 'password_reset' : message.serviceType,
		serviceType: message.serviceType,
		channel: message.channel,
		email: message.email ?? null,
		phone: message.phone ?? null,
		userId: message.userId ?? null,
		name: message.name ?? null,
		code: message.code ?? null,
		link: message.link ?? null,
		token: message.token ?? null,
		redirectTo: message.redirectTo ?? null,
		locale: message.locale ?? null,
		expiresAt: message.expiresAt ?? null,
		messageId: deliveryId ?? null,
		signedAt: verdict.timestamp === undefined ? null : new Date(verdict.timestamp * 1000).toISOString(),
		receivedAt: now.toISOString(),
		...(settings.includePayload ? { payload: body } : {}),
	};
	return { outcome: 'accepted', item };
}
