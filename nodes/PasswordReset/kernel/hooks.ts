import type { IDataObject } from 'n8n-workflow';

/**
 * How a hook sender proves a message is its own (hooks/signatures.ts checks each):
 * - `standardWebhooks`: HMAC-SHA256 over `id.timestamp.body`, base64, in `webhook-*` or Svix's
 *   `svix-*` headers (Supabase, Clerk, and every sender that signs that way);
 * - `zitadel`: `ZITADEL-Signature: t=<seconds>,v1=<hex>`, HMAC-SHA256 over `t.body`, keyed by the
 *   signing key's text;
 * - `sharedHeader`: a header carries a shared value (Logto's Authorization, Kratos's API key):
 *   no timestamp, no message id, so no replay refusal is possible.
 */
export type HookScheme = 'standardWebhooks' | 'zitadel' | 'sharedHeader';

/** What the trigger's settings give a sender reading a message (the node's parameters). */
export interface HookReadSettings {
	/** When the message arrived. */
	receivedAt: Date;
	/** The node's Project URL (Supabase): where a link is built from a token. */
	projectUrl: string;
}

/** A message as a sender's reader sees it: its kind, and what to deliver. Unknown fields stay unset. */
export interface HookMessage {
	/** The sender's own name for the message's kind (Supabase `recovery`, Clerk `reset_password_code`). */
	serviceType: string;
	isReset: boolean;
	/** Set when the message is acknowledged and never starts a workflow (Clerk delivers it itself). */
	acknowledgeOnly?: string;
	channel: 'email' | 'sms';
	email?: string;
	phone?: string;
	userId?: string;
	name?: string;
	code?: string;
	link?: string;
	/** The token the app builds its own link from (Supabase `token_hash`, Better Auth's token). */
	token?: string;
	redirectTo?: string;
	locale?: string;
	expiresAt?: string;
	/** A delivery id the sender keeps across its retries when its header id changes (Supabase `metadata.uuid`). */
	deliveryId?: string;
}

/** One back end that hands its reset message to n8n: how it signs, and how its message reads. */
export interface HookSender {
	/** The trigger's Service value; also the `service` of every item. */
	id: string;
	displayName: string;
	/** The service profile this sender belongs to, if any: a service's own package carries its sender. */
	service?: string;
	scheme: HookScheme;
	/** For `sharedHeader`: the header that carries the value, unless the node's Header Name says otherwise. */
	header?: string;
	/** The node settings this sender reads: Supabase builds links from the Project URL, Kratos's header is named by the user. */
	settings?: ReadonlyArray<'projectUrl' | 'headerName'>;
	/** Where the sender is set up and what its secret looks like (the Service option's description). */
	setup: string;
	/** What the editor says under the Service field for this sender (links, what to switch off on its side). */
	notice: string;
	/** Reads a verified message's parsed body. */
	read: (body: IDataObject, settings: HookReadSettings) => HookMessage;
}
