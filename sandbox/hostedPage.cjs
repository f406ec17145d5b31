'use strict';
/**
 * The page a created reset link opens (Okta's and Auth0's hosted pages, played): GET shows a
 * form for the new password, POST sets it with the link's token, once. The link is the only
 * secret it takes; the page never echoes it.
 */
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const page = (title, body) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;

/** Answers a request to a hosted reset page of `service` for `token`, or returns false when it is not one. */
function hostedResetPage(sandbox, service, token, { method, body }, reply) {
	const { account, problem } = sandbox.redeem(service, token);
	const headers = { 'Content-Type': 'text/html; charset=utf-8' };
	const send = (status, html) => reply(status, html, headers);
	if (problem) return send(410, page('This link has expired', '<p>Ask for a new reset link.</p>'));
	if (method === 'GET') {
		return send(
			200,
			page(
				'Choose a new password',
				'<form method="post"><label for="newPassword">New password</label> <input id="newPassword" name="newPassword" type="password" required> <button type="submit">Set password</button></form>',
			),
		);
	}
	if (method === 'POST' && typeof body?.newPassword === 'string' && body.newPassword) {
		sandbox.changePassword(account, body.newPassword);
		return send(200, page('Your password has been changed', '<p>You can sign in now.</p>'));
	}
	return send(400, page('Choose a new password', '<p>Enter a new password.</p>'));
}

module.exports = { hostedResetPage };
