/**
 * What goes on the wire, for every service at once (unit tier, on the sources): each `{name}`
 * in any path of any profile is one segment, never empty, "." or "..", whatever its source,
 * and every path stays under the Base URL's path; header values are refused, never changed.
 */
const { EDITION, registry, services, checks, wireFor, requestsOf, supportedOperations, sampleSettings } = require('../support/sources.cjs');

const INPUT = { email: 'ada@example.com', resetToken: 'tok-123', newPassword: 'pw-123456', choices: { requireChange: false, signOutOtherSessions: false } };
const BAD_SEGMENTS = ['', '.', '..'];
const placeholdersOf = (path) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
const profiles = [...EDITION.profiles, registry.resolveProfile(sampleSettings({ id: services.CUSTOM_SERVICE }))];

/** Every request of every profile, with the placeholders in its path. */
const REQUESTS = supportedOperations(profiles).flatMap(([profile, operation, contract]) =>
	requestsOf(contract).map((request, index) => [`${profile.id} ${operation} request ${index + 1}`, profile, request]),
);

describe.each(REQUESTS)('%s', (_name, profile, request) => {
	const settings = sampleSettings(profile);
	const answers = Object.fromEntries(placeholdersOf(request.path).filter((name) => !(name in settings) && name !== 'email').map((name) => [name, 'id-1']));

	test('builds a path under the Base URL from valid values', () => {
		const { url } = wireFor(profile, request, { input: INPUT, settings, pathValues: answers, headers: {} });
		expect(url.startsWith('/')).toBe(true);
		expect(url.split('/').slice(1, -1)).not.toContain('');
		expect(new URL(`https://h.test/base${url}`).pathname.startsWith('/base/')).toBe(true);
	});

	for (const name of placeholdersOf(request.path)) {
		test.each(BAD_SEGMENTS)(`refuses {${name}} = %j before anything is sent`, (bad) => {
			const fromAnswer = name in answers;
			const build = () =>
				wireFor(profile, request, {
					input: name === 'email' ? { ...INPUT, email: bad } : INPUT,
					settings: { ...settings, ...(fromAnswer || name === 'email' ? {} : { [name]: bad }) },
					pathValues: fromAnswer ? { ...answers, [name]: bad } : answers,
				});
			expect(build).toThrow(checks.InputProblem);
			expect(build).toThrow(/must be a name, not empty, "\." or "\.\."/);
		});
	}
});

describe('a path typed in the credential', () => {
	const build = (path) => checks.buildPath(path, () => 'v', () => 'x', "credential's Reset Password Path");
	test.each(['/auth/recover', 'auth/recover', '/a/b/', '/accounts:sendOobCode', '/a/%41b'])('%s is sent as typed', (path) => {
		expect(build(path)).toBe(path.startsWith('/') ? path : `/${path}`);
	});
	test.each(['/a/../b', '/a/./b', '/..', '/a/%2e%2e/b', '/a/%2E./b', '//evil.test/x', '/a//b', 'https://evil.test/x', '\\\\evil.test/x', '/a b', '/a#b', '/a?b=1', '/a\r\nb'])(
		'%j is refused',
		(path) => expect(() => build(path)).toThrow(/must be a path under the Base URL/),
	);
	test('a {placeholder} value is URL-encoded as one segment', () => {
		expect(checks.buildPath('/users/{id}/x', () => 'a/b?c#d', () => 'the id', 'path')).toBe('/users/a%2Fb%3Fc%23d/x');
	});
});

describe('header values', () => {
	test.each([
		['a line break', 'tok\r\nX-Evil: 1'],
		['a bare LF', 'tok\nx'],
		['a NUL', 'tok\u0000x'],
		['a non-ASCII letter', 'tökén'],
		['an emoji', 'tok🙂'],
	])('%s is refused, naming the source, not stripped', (_name, value) => {
		expect(() => checks.checkHeader('Authorization', value, 'the Reset Token')).toThrow(/^The Reset Token goes in the Authorization header, but it has a line break, a control character or a character outside ASCII/);
	});
	test.each(['Bearer abc.def-ghi_~+/=', 'a\tb c', ''])('%j goes out as is', (value) => {
		expect(() => checks.checkHeader('Authorization', value, 'x')).not.toThrow();
	});
	test('an invalid header name is refused', () => {
		expect(() => checks.checkHeader('X Bad', 'v', 'the credential')).toThrow(/not a valid header name/);
	});

	// Every request that carries the Reset Token in a header (Medusa's Bearer token, today).
	const tokenHeaders = supportedOperations(profiles).filter(([profile, , contract]) =>
		Object.values(contract.headers?.({ ...INPUT, resetToken: 'tok-marker' }, sampleSettings(profile)) ?? {}).some((value) => value.includes('tok-marker')),
	);
	test('some request carries the Reset Token in a header', () => expect(tokenHeaders.map(([profile]) => profile.id)).toContain('medusa'));
	test.each(tokenHeaders.map(([profile, operation, contract]) => [`${profile.id} ${operation}`, profile, contract]))(
		'%s: a Reset Token with CR/LF or non-ASCII is refused before sending',
		(_name, profile, contract) => {
			for (const resetToken of ['tok\r\nen', 'tokÜn']) {
				const input = { ...INPUT, resetToken };
				expect(() => wireFor(profile, contract, { input, settings: sampleSettings(profile), headers: contract.headers(input, sampleSettings(profile)) })).toThrow(/^The Reset Token goes in the/);
			}
		},
	);
});

test('a secret credential field is never a path value', () => {
	const profile = registry.resolveProfile(sampleSettings({ id: services.CUSTOM_SERVICE }));
	const request = { ...services.contractFor(profile, 'sendResetEmail'), path: '/send/{apiKey}' };
	expect(() => wireFor(profile, request, { input: INPUT, settings: sampleSettings(profile) })).toThrow(/may not contain \{apiKey\}/);
});
