/**
 * Auth0 → the Password Reset Trigger (Service: Auth0). An Action for Auth0's custom email
 * provider: Branding → Email Provider → Use my own email provider → Custom Provider, this code,
 * and two Action secrets: N8N_HOOK_URL (the trigger's Production URL) and N8N_HOOK_SECRET (the
 * trigger credential's whsec_ secret). It signs with Standard Webhooks using Node's own crypto.
 *
 * Auth0 hands over the message rendered only: the reset link (reset_email) and the code
 * (reset_email_by_code) are read from its text. Every other message is forwarded with its own
 * type, for a workflow that delivers them too (Include Other Email Types).
 */
const crypto = require('node:crypto');

/** The reset link in the text: the one with Auth0's ticket, else the first https link. */
const resetLink = (text) => {
	const links = text.match(/https:\/\/[^\s"'<>]+/g) ?? [];
	return links.find((link) => link.includes('ticket=')) ?? links[0];
};
/** The code in the text: the first run of 4 to 10 digits. */
const resetCode = (text) => text.match(/\b\d{4,10}\b/)?.[0];

exports.onExecuteCustomEmailProvider = async (event, api) => {
	const notification = event.notification;
	const text = notification.text ?? '';
	const data = {
		email: notification.to,
		user_id: event.user?.user_id,
		locale: notification.locale,
		...(notification.message_type === 'reset_email' ? { link: resetLink(text) } : {}),
		...(notification.message_type === 'reset_email_by_code' ? { code: resetCode(text) } : {}),
	};
	const body = JSON.stringify({ type: `auth0.${notification.message_type}`, timestamp: new Date().toISOString(), data });
	const key = Buffer.from(event.secrets.N8N_HOOK_SECRET.replace(/^whsec_/, ''), 'base64');
	const id = `msg_${crypto.randomUUID()}`;
	const timestamp = String(Math.floor(Date.now() / 1000));
	const signature = crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
	let response;
	try {
		response = await fetch(event.secrets.N8N_HOOK_URL, {
			method: 'POST',
			body,
			signal: AbortSignal.timeout(8000),
			headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` },
		});
	} catch {
		return api.notification.retry('n8n did not answer');
	}
	if (response.ok) return;
	// Never the message in a reason: it holds the link or the code.
	if (response.status === 429 || response.status >= 500) return api.notification.retry(`n8n answered ${response.status}`);
	return api.notification.drop(`n8n answered ${response.status}`);
};
