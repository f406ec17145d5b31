/**
 * Two tiers in one run: unit tests (test/unit, and the pure half of each service's table)
 * require the TypeScript sources through a transpile-only transform; engine tests run the
 * built package (dist/) through n8n-core. `npm test` builds first.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	testTimeout: 20000,
	// Jest's default on a 2-core machine is one worker; the engine suites wait on timers and sockets as much as they compute.
	maxWorkers: 2,
	transform: { '\\.ts$': '<rootDir>/test/support/tsTransform.cjs' },
	moduleFileExtensions: ['js', 'cjs', 'ts', 'json'],
};
