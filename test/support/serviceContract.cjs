'use strict';
/**
 * A service's contract as a table: the request each operation must put on the wire, its
 * success answer and output, its unknown-account answers and each documented error with the
 * code it must map to. Two tiers: what only the engine shows (the request on the wire, the
 * success item, an error of a chain's second request) runs the node through n8n's engine
 * against nock; the reading of each answer (error rows, unknown accounts, route 404s) runs on
 * the sources, as the engine calls it. What is the same for every service (On Error modes,
 * paired items) is tested once, for the mechanism: test/transport/onError.test.js and
 * test/transport/routeNotFound.test.js.
 */
const nock = require('nock');
const { runNode } = require('./engine.cjs');
const { SENTINELS, leakedSentinels, intercept } = require('./fixtures.cjs');
const { readAnswer } = require('./sources.cjs');

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

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

				// A wrong Base URL or path: never a success, whatever Reveal Unknown Accounts says.
				test.each(ROUTE_NOT_FOUND)('a route 404 (%s) is endpoint_not_found, naming the endpoint', (_shape, body) => {
					for (const options of [{}, { revealUnknownAccounts: true }]) {
						const json = readAnswer({ credential: credentialValues, operation, status: 404, body, options, secrets: Object.values(SENTINELS), input: spec.parameters });
						expect(json.details).toMatchObject({ errorCode: 'endpoint_not_found', operation, service });
						expect(json.error).toMatch(
							new RegExp(`^The service has no endpoint at ${spec.request.method} \\S*${escapeRegExp(spec.request.path)} \\(HTTP 404\\)\\. Check the Base URL and the paths in the credential`),
						);
					}
				});

				// The service's own "no account for this email": the neutral success on send unless
				// revealed, and user_not_found everywhere else.
				for (const [status, body] of spec.unknownAccount ?? []) describe(`its unknown-account answer HTTP ${status} ${JSON.stringify(body)}`, () => {
					const neutral = operation === 'sendResetEmail';
					const read = (options) => readAnswer({ credential: credentialValues, operation, status, body, options, input: spec.parameters });
					test(neutral ? 'is the neutral success' : 'is user_not_found', () => {
						if (neutral) expect(read({})).toEqual(spec.success.output);
						else expect(read({}).details).toMatchObject({ errorCode: 'user_not_found', httpStatus: status });
					});
					test('is user_not_found with Reveal Unknown Accounts', () => {
						expect(read({ revealUnknownAccounts: true }).details).toMatchObject({ errorCode: 'user_not_found', httpStatus: status });
					});
				});

				// An error of a chain's second request, and answers only the run reads (`engine`: a
				// created link's checks), run in the engine.
				const inEngine = (row) => row[3]?.step === 2 || row[3]?.engine === true;
				const check = (json, [status, , errorCode, extra = {}]) => {
					if (errorCode === 'success') {
						expect(json.success).toBe(true);
						return;
					}
					expect(Object.keys(json).sort()).toEqual(['details', 'error']);
					expect(json.details).toMatchObject({ errorCode, httpStatus: status, operation, service });
					if (extra.serverMessage) expect(json.details.serverMessage).toBe(extra.serverMessage);
					if (extra.message) expect(json.error).toMatch(extra.message);
					expect(Object.values(SENTINELS).filter((secret) => JSON.stringify(json).includes(secret))).toEqual([]);
				};
				const pureRows = spec.errors.filter((row) => !inEngine(row));
				const engineRows = spec.errors.filter(inEngine);
				if (pureRows.length) {
					test.each(pureRows)('HTTP %i %j → %s', (...row) => {
						const [status, body, , extra = {}] = row;
						check(readAnswer({ credential: credentialValues, operation, status, body, options: extra.options, secrets: Object.values(SENTINELS), input: spec.parameters }), row);
					});
				}
				if (engineRows.length) {
					test.each(engineRows)('HTTP %i %j → %s (through the engine)', async (...row) => {
						const [status, body, , extra = {}] = row;
						if (extra.step === 2) interceptAll(baseUrl, spec, spec.success, { status, body });
						else interceptAll(baseUrl, spec, { status, body });
						const result = await run({ onError: 'continueRegularOutput', options: extra.options });
						expect(result.output).toHaveLength(1);
						check(result.output[0].json, row);
						expect(leakedSentinels(result)).toEqual([]);
					});
				}
			});
		}
	});
}

module.exports = { describeServiceContract, ROUTE_NOT_FOUND };
