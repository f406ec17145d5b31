/**
 * Better Auth → the Password Reset Trigger (Service: Better Auth). `toN8n` signs each message
 * with Standard Webhooks (npm standardwebhooks) and posts it to the trigger; the reset fails if
 * n8n does not take it. In your auth config:
 *
 *   const send = toN8n({ url: process.env.N8N_HOOK_URL, secret: process.env.N8N_HOOK_SECRET });
 *   betterAuth({
 *     emailAndPassword: {
 *       enabled: true,
 *       sendResetPassword: ({ user, url, token }) =>
 *         send('better_auth.password_reset', { email: user.email, name: user.name, user_id: user.id, link: url, token }),
 *     },
 *     plugins: [emailOTP({ sendVerificationOTP: ({ email, otp, type }) => send(`better_auth.otp.${type}`, { email, code: otp }) })],
 *   });
 */
import { Webhook } from 'standardwebhooks';

export function toN8n({ url, secret }) {
	const webhook = new Webhook(secret);
	return async (type, data) => {
		const id = `msg_${globalThis.crypto.randomUUID()}`;
		const now = new Date();
		const body = JSON.stringify({ type, timestamp: now.toISOString(), data });
		const response = await fetch(url, {
			method: 'POST',
			body,
			signal: AbortSignal.timeout(10_000),
			headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': webhook.sign(id, now, body) },
		});
		if (!response.ok) throw new Error(`The Password Reset Trigger answered ${response.status}`);
	};
}
