import type { HookSender } from '../kernel/hooks';
import { standardWebhooksKeys } from '../hooks/signatures';
import { normalizeBaseUrl } from '../safety/checks';

/** A shared value or signing key shorter than this is refused at activation: too easy to guess. */
const MIN_SECRET_LENGTH = 16;

/**
 * Why a secret cannot serve `sender`'s scheme, or undefined when it can. Names the problem,
 * never the value. Without a sender (the credential test, which knows no service): any form.
 */
export function secretProblem(secret: string, sender?: HookSender): string | undefined {
	const typed = secret.trim();
	if (typed === '') return 'The secret is empty';
	const looksSigned = /^(v1a?,|whsec_|whpk_|whsk_)/.test(typed);
	if (sender?.scheme === 'standardWebhooks' || (!sender && looksSigned)) {
		const keys = standardWebhooksKeys(typed);
		return typeof keys === 'string' ? `${keys} (${sender?.displayName ?? 'Standard Webhooks'} secrets look like whsec_ followed by base64)` : undefined;
	}
	if (typed.length < MIN_SECRET_LENGTH) return `The secret is shorter than ${MIN_SECRET_LENGTH} characters: use a long random value`;
	return undefined;
}

/** The node's Project URL, checked as a Base URL is (https, or http on loopback); empty stays empty. */
export function projectUrlOf(typed: string): string {
	return typed.trim() === '' ? '' : normalizeBaseUrl(typed, 'The Project URL');
}

