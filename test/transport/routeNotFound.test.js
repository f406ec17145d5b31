/**
 * A wrong Base URL or path, through n8n's engine, once for the mechanism: each route-404 shape
 * seen in the wild × On Error Stop / Continue / Continue (using error output) × both
 * operations, with Reveal Unknown Accounts on and off. Never a success. (Each service's own
 * reading of the same shapes is in its table, on the sources: test/support/serviceContract.cjs.)
 */
const nock = require('nock');
const { runNode } = require('../support/engine.cjs');
const { SENTINELS, EMAIL, leakedSentinels, intercept } = require('../support/fixtures.cjs');
const { ROUTE_NOT_FOUND } = require('../support/serviceContract.cjs');

const BASE = 'https://api.wabotify.test';
const credential = { service: 'wabotify', baseUrl: BASE, company: 'wabotify', apiKey: SENTINELS.apiKey };
const OPERATIONS = {
	sendResetEmail: { path: '/api/user/sendEmailToResetPassword', parameters: { email: EMAIL } },
	resetPassword: { path: '/api/user/resetPassword', parameters: { email: EMAIL, resetToken: SENTINELS.resetToken, newPassword: SENTINELS.newPassword } },
};

afterEach(() => nock.cleanAll());

describe.each(Object.keys(OPERATIONS))('%s', (operation) => {
	const { path, parameters } = OPERATIONS[operation];
	describe.each(ROUTE_NOT_FOUND)('a route 404 (%s)', (_shape, body) => {
		test.each([undefined, 'continueRegularOutput', 'continueErrorOutput'])('is endpoint_not_found, On Error = %s', async (onError) => {
			for (const options of [{}, { revealUnknownAccounts: true }]) {
				intercept({ base: BASE, method: 'POST', path, status: 404, body });
				const result = await runNode({ parameters: { operation, ...parameters, options }, credential, onError });
				const failure = onError === undefined ? undefined : (onError === 'continueErrorOutput' ? result.errorOutput : result.output)[0].json;
				const details = onError === undefined ? result.error.context : failure.details;
				expect(details).toMatchObject({ errorCode: 'endpoint_not_found', operation, service: 'wabotify' });
				expect(result.output.filter((item) => item.json.success)).toEqual([]);
				const message = onError === undefined ? result.error.message : failure.error;
				expect(message).toMatch(new RegExp(`^The service has no endpoint at POST ${path} \\(HTTP 404\\)\\. Check the Base URL and the paths in the credential`));
				expect(leakedSentinels(result)).toEqual([]);
			}
		});
	});
});
