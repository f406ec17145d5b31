import type { HookSender } from '../../kernel/hooks';
import { objectAt, textAt } from '../../kernel/json';

/** The `email_action_type`s a Supabase verify link exists for (supabase/auth internal/mailer/templatemailer). */
const LINKED_TYPES = ['recovery', 'signup', 'invite', 'magiclink', 'email'];

/**
 * The verify link Supabase's own mailer sends (`{{ .ConfirmationURL }}`): the project's
 * `/auth/v1/verify` with the token hash, the type and where to go after. The project URL is the
 * node's Project URL; without it, the payload's `site_url`, which is the Auth API's own URL on
 * hosted projects (`…supabase.co/auth/v1`; supabase/auth#2558), and nothing when it is not.
 */
const verifyLink = (projectUrl: string, siteUrl: string | undefined, type: string, tokenHash: string | undefined, redirectTo: string | undefined) => {
	if (!tokenHash || !LINKED_TYPES.includes(type)) return undefined;
	const authApi = projectUrl ? `${projectUrl.replace(/\/+$/, '')}/auth/v1` : siteUrl?.replace(/\/+$/, '').match(/^https?:\/\/.+\/auth\/v1$/)?.[0];
	if (!authApi) return undefined;
	const query = new URLSearchParams({
		token: tokenHash,
		type,
		...(redirectTo ? { redirect_to: redirectTo } : {}),
	});
	return `${authApi}/verify?${query}`;
};

/**
 * Supabase Auth's Send Email Hook (supabase/auth internal/hooks/hookshttp, v0hooks.SendEmailInput):
 * Standard Webhooks signed, `{metadata, user, email_data}`; a reset is `recovery`, its code the
 * OTP in `token`, its link built from `token_hash`. Every auth email goes to the hook once it is
 * on, sign-up confirmations too.
 */
export const supabaseHook: HookSender = {
	id: 'supabase',
	displayName: 'Supabase (Send Email Hook)',
	service: 'supabase',
	scheme: 'standardWebhooks',
	settings: ['projectUrl'],
	setup: 'Authentication → Hooks → Send Email (HTTPS); its secret is v1,whsec_…',
	notice:
		"In Supabase: Authentication → Hooks → Send Email, type HTTPS, this node's Production URL (https), then Generate Secret and paste it (v1,whsec_…) into the credential. Supabase then sends every auth email here, sign-up confirmations too: turn on Include Other Email Types unless resets are all your project sends. Supabase waits 5 seconds for the answer.",
	read: (body, { projectUrl }) => {
		const email = objectAt(body, 'email_data');
		const type = textAt(email, 'email_action_type') ?? '';
		const redirectTo = textAt(email, 'redirect_to');
		const tokenHash = textAt(email, 'token_hash');
		return {
			serviceType: type,
			isReset: type === 'recovery',
			channel: 'email',
			email: textAt(body, 'user.email'),
			phone: textAt(body, 'user.phone'),
			userId: textAt(body, 'user.id'),
			name: textAt(body, 'user.user_metadata.name') ?? textAt(body, 'user.user_metadata.full_name'),
			code: textAt(email, 'token'),
			token: tokenHash,
			link: verifyLink(projectUrl, textAt(email, 'site_url'), type, tokenHash, redirectTo),
			redirectTo,
			locale: textAt(body, 'user.user_metadata.locale'),
			// Stable across Supabase's retries; its webhook-id is new on each attempt.
			deliveryId: textAt(body, 'metadata.uuid'),
		};
	},
};
