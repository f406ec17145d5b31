'use strict';
/** Magento 2 (2.4 REST): anonymous routes, bare `true` answers, `{message, parameters}` errors, a 404 for unknown emails. */
const crypto = require('node:crypto');

const error = (reply, status, message, parameters = []) => reply(status, { message, parameters });

module.exports = {
	id: 'magento',
	scenarios: [{ credential: () => ({ magentoWebsiteId: '1' }) }],
	basePath: '/rest/V1',
	token: { lifetime: 86400, issue: () => crypto.randomBytes(16).toString('hex') },
	handle(sandbox, { method, path, body }, reply) {
		if (method === 'PUT' && path === '/rest/V1/customers/password') {
			if (!body?.email) return error(reply, 400, '"%fieldName" is required. Enter and try again.', { fieldName: 'email' });
			if (body.template !== 'email_reset') return error(reply, 400, 'Invalid value of "%value" provided for the %fieldName field.', { value: body.template, fieldName: 'template' });
			if (sandbox.overSendLimit('magento', body.email)) {
				return error(reply, 400, 'We received too many requests for password resets. Please wait and try again later or contact hello@example.com.');
			}
			const account = sandbox.account('magento', body.email);
			if (!account || body.websiteId !== 1) {
				return error(reply, 404, 'No such entity with %fieldName = %fieldValue, %field2Name = %field2Value', { fieldName: 'email', fieldValue: body.email, field2Name: 'websiteId', field2Value: body.websiteId });
			}
			sandbox.issueToken('magento', account);
			return reply(200, true);
		}
		if (method === 'POST' && path === '/rest/V1/customers/resetPassword') {
			const { account, problem } = sandbox.redeem('magento', body?.resetToken);
			if (problem === 'expired') return error(reply, 400, 'The password token is expired. Reset and try again.');
			if (problem || account.email !== String(body?.email).toLowerCase()) return error(reply, 400, 'The password token is mismatched. Reset and try again.');
			if (String(body.newPassword ?? '').length < 8) return error(reply, 400, 'The password needs at least %1 characters. Create a new password and try again.', ['8']);
			sandbox.changePassword(account, body.newPassword);
			return reply(200, true);
		}
		return error(reply, 404, 'Request does not match any route.');
	},
};
