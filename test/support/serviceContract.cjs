'use strict';
/**
 * A service's contract as a table: the request each operation must put on the wire, its
 * success answer and output, and each documented error status with the code it must map to.
 * Each row becomes a test that runs the node through n8n's engine against nock.
 */
const nock = require('nock');
const { runNode } = require('./engine.cjs');
const { SENTINELS, leakedSentinels, intercept } = require('./fixtures.cjs');

const secretsIn = (text) => Object.values(SENTINELS).filter((secret) => text.includes(secret));

/**
 * Intercepts an operation's requests: the first with `first`, and a follow-up step (Supabase's
 * second request) with `second`, or with its success answer when the first succeeds.
 */
const interceptAll = (baseUrl, spec, first, second) => {
	const steps = [intercept({ base: baseUrl, method: spec.request.method, path: spec.request.path, ...first })];
	if (spec.followUp) {
		steps.push(intercept({ base: baseUrl, method: spec.followUp.method, path: spec.followUp.path, ...(second ?? spec.followUp.success) }));
	}
	return steps;
};

/**
 * What a request to a wrong address gets: a framework's or a proxy's 404, in the shapes seen in
 * the wild. None may ever read as "no account" (the neutral success) or as any success.
 */
const ROUTE_NOT_FOUND = [
	['Express HTML', '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Error</title></head><body><pre>Cannot POST /api/user/sendEmailToResetPassword</pre></body></html>'],
	['Directus ROUTE_NOT_FOUND', { errors: [{ message: "Route /auth/password/request doesn't exist.", extensions: { code: 'ROUTE_NOT_FOUND' } }] }],
	['Appwrite general_route_not_found', { message: 'The requested route was not found. Please refer to the API docs and try again.', code: 404, type: 'general_route_not_found', version: '1.6.0' }],
	['Strapi NotFoundError', { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } }],
	['nginx HTML', '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>'],
	['plain text', 'Not Found'],
	['empty', ''],
];

function describeServiceContract(contract) {
	const { service, baseUrl, credential = {} } = contract;
	const credentialValues = { service, baseUrl, apiKey: SENTINELS.apiKey, ...credential };

	describe(`${service} service contract`, () => {
		afterEach(() => nock.cleanAll());

		for (const [operation, spec] of Object.entries(contract.operations)) {
			const parameters = { operation, ...spec.parameters };
			const run = ({ onError, options, items, parameters: overrides } = {}) =>
				runNode({
					parameters: { ...parameters, ...overrides, options: options ?? {} },
					credential: credentialValues,
					onError,
					items,
				});

			describe(operation, () => {
				if (spec.notSupported) {
					test('fails as not_supported before any request', async () => {
						nock.disableNetConnect();
						const result = await run({ onError: 'continueRegularOutput' });
						nock.enableNetConnect();
						expect(result.output).toHaveLength(1);
						expect(result.output[0].json.details.errorCode).toBe('not_supported');
						expect(result.output[0].json.error).toMatch(spec.notSupported);
						expect(nock.pendingMocks()).toEqual([]);
					});
					return;
				}

				test(`sends ${spec.request.method} ${spec.request.path} with the documented fields`, async () => {
					const steps = interceptAll(baseUrl, spec, spec.success);
					await run();
					const expectations = [spec.request, spec.followUp].filter(Boolean);
					steps.forEach(({ scope, seen }, index) => {
						const expected = expectations[index];
						scope.done();
						expect(seen.method).toBe(expected.method);
						expect(seen.body).toEqual(expected.body);
						expect(seen.query).toEqual(expected.query ?? {});
						// Firebase's documented ?key= is the one key allowed in a URL; no other secret is.
						expect(secretsIn(seen.url).filter((secret) => secret !== expected.keyInQuery)).toEqual([]);
						for (const [header, value] of Object.entries(expected.headers ?? {})) {
							expect(seen.headers[header.toLowerCase()]).toBe(value);
						}
						for (const header of expected.absentHeaders ?? []) {
							expect(seen.headers[header.toLowerCase()]).toBeUndefined();
						}
					});
				});

				test('turns the success answer into one success item', async () => {
					interceptAll(baseUrl, spec, spec.success);
					const result = await run();
					expect(result.error).toBeUndefined();
					expect(result.output.map((item) => item.json)).toEqual([spec.success.output]);
					expect(leakedSentinels(result)).toEqual([]);
				});

				// Two items, the first answered with success and the second with the first error row:
				// one item out per item in, paired, in every On Error mode.
				describe.each([undefined, 'continueRegularOutput', 'continueErrorOutput'])('On Error = %s', (onError) => {
					test('two items: a success and a failure', async () => {
						const [status, body, errorCode] = spec.errors.find((row) => row[2] !== 'success' && !row[3]?.options && !row[3]?.step);
						// A path that names the user (Okta) differs per email: `pathFor` gives it.
						const where = (email) => ({ base: baseUrl, method: spec.request.method, path: spec.request.pathFor?.(email) ?? spec.request.path });
						intercept({ ...where('first@example.com'), ...spec.success });
						if (spec.followUp) intercept({ base: baseUrl, method: spec.followUp.method, path: spec.followUp.path, ...spec.followUp.success });
						intercept({ ...where('second@example.com'), status, body });
						// Distinct emails: the same email twice in one run is sent once.
						const result = await run({
							onError,
							items: [{ email: 'first@example.com' }, { email: 'second@example.com' }],
							parameters: { email: '={{ $json.email }}' },
						});
						const failure = onError === undefined ? undefined : { pairedItem: { item: 1 }, json: { details: { errorCode } } };
						if (onError === undefined) {
							expect(result.error.context).toMatchObject({ itemIndex: 1, errorCode });
							expect(result.output).toEqual([]);
						} else if (onError === 'continueRegularOutput') {
							expect(result.output).toMatchObject([{ pairedItem: { item: 0 }, json: spec.success.output }, failure]);
						} else {
							expect(result.output).toMatchObject([{ pairedItem: { item: 0 }, json: spec.success.output }]);
							expect(result.errorOutput).toMatchObject([failure]);
						}
						expect(leakedSentinels(result)).toEqual([]);
					});
				});

				// A wrong Base URL or path: never a success, whatever Reveal Unknown Accounts says.
				describe.each(ROUTE_NOT_FOUND)('a route 404 (%s)', (_shape, body) => {
					test.each([undefined, 'continueRegularOutput', 'continueErrorOutput'])('is endpoint_not_found, On Error = %s', async (onError) => {
						intercept({ base: baseUrl, method: spec.request.method, path: spec.request.path, status: 404, body });
						const result = await run({ onError });
						const details = onError === undefined ? result.error.context : (result.output[0] ?? result.errorOutput[0]).json.details;
						expect(details).toMatchObject({ errorCode: 'endpoint_not_found', operation, service });
						if (onError !== undefined) {
							expect(result.output.filter((item) => item.json.success)).toEqual([]);
							expect((onError === 'continueErrorOutput' ? result.errorOutput : result.output)[0].json.error).toMatch(
								new RegExp(`^The service has no endpoint at ${spec.request.method} \\S*${spec.request.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(HTTP 404\\)\\. Check the Base URL and the paths in the credential`),
							);
						}
						expect(leakedSentinels(result)).toEqual([]);
					});
				});

				// The service's own "no account for this email": the neutral success on send unless
				// revealed, and user_not_found everywhere else.
				for (const [status, body] of spec.unknownAccount ?? []) describe(`its unknown-account answer HTTP ${status} ${JSON.stringify(body)}`, () => {
					const neutral = operation === 'sendResetEmail';
					test(neutral ? 'is the neutral success' : 'is user_not_found', async () => {
						intercept({ base: baseUrl, method: spec.request.method, path: spec.request.path, status, body });
						const { output } = await run({ onError: 'continueRegularOutput' });
						if (neutral) expect(output.map((item) => item.json)).toEqual([spec.success.output]);
						else expect(output[0].json.details).toMatchObject({ errorCode: 'user_not_found', httpStatus: status });
					});
					test('is user_not_found with Reveal Unknown Accounts', async () => {
						intercept({ base: baseUrl, method: spec.request.method, path: spec.request.path, status, body });
						const { output } = await run({ onError: 'continueRegularOutput', options: { revealUnknownAccounts: true } });
						expect(output[0].json.details).toMatchObject({ errorCode: 'user_not_found', httpStatus: status });
					});
				});

				test.each(spec.errors)('HTTP %i %j → %s', async (status, body, errorCode, extra = {}) => {
					// `step: 2`: the first request succeeds and the follow-up answers this.
					if (extra.step === 2) interceptAll(baseUrl, spec, spec.success, { status, body });
					else intercept({ base: baseUrl, method: spec.request.method, path: spec.request.path, status, body });
					const result = await run({ onError: 'continueRegularOutput', options: extra.options });
					expect(result.output).toHaveLength(1);
					const { json } = result.output[0];
					if (errorCode === 'success') {
						expect(json.success).toBe(true);
						return;
					}
					expect(Object.keys(json).sort()).toEqual(['details', 'error']);
					expect(json.details).toMatchObject({ errorCode, httpStatus: status, operation, service });
					if (extra.serverMessage) expect(json.details.serverMessage).toBe(extra.serverMessage);
					if (extra.message) expect(json.error).toMatch(extra.message);
					expect(leakedSentinels(result)).toEqual([]);
				});
			});
		}
	});
}

module.exports = { describeServiceContract };
