import type { HookSender } from '../../kernel/hooks';
import { forwardedMessage } from '../read';

/**
 * Better Auth's `emailAndPassword.sendResetPassword({user, url, token})` and the Email OTP
 * plugin's `sendVerificationOTP({email, otp, type: 'forget-password'})`, forwarded from the app's
 * own code signed with Standard Webhooks (the few lines are in docs/trigger.md).
 */
export const betterAuthHook: HookSender = {
	id: 'betterAuth',
	displayName: 'Better Auth',
	service: 'betterAuth',
	scheme: 'standardWebhooks',
	setup: "Your auth config's sendResetPassword forwards, signed with a whsec_ secret",
	notice:
		"In your Better Auth config: sendResetPassword (and the Email OTP plugin's sendVerificationOTP) forward to this node's Production URL, signed with the credential's whsec_ secret: the few lines are in this package's docs (docs/trigger.md).",
	read: forwardedMessage(['better_auth.password_reset', 'better_auth.otp.forget-password']),
};
