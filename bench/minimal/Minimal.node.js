'use strict';
/**
 * The floor any declarative node stands on, as a typical community node is written: a base URL
 * in requestDefaults, one routing.request POST, and the Email parameter sent as the body's
 * `email`. The bench's target URL comes from the environment (its port is free at run time).
 */
class Minimal {
	constructor() {
		this.description = {
			displayName: 'Bench Minimal',
			name: 'benchMinimal',
			group: ['transform'],
			version: 1,
			description: 'The smallest declarative node: one POST per item',
			defaults: { name: 'Bench Minimal' },
			inputs: ['main'],
			outputs: ['main'],
			requestDefaults: { baseURL: process.env.BENCH_TARGET_URL, headers: { Accept: 'application/json' } },
			properties: [
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'options',
					noDataExpression: true,
					options: [{ name: 'Send', value: 'send', routing: { request: { method: 'POST', url: '/api/user/sendEmailToResetPassword' } } }],
					default: 'send',
				},
				{ displayName: 'Email', name: 'email', type: 'string', default: '', routing: { send: { type: 'body', property: 'email' } } },
			],
		};
	}
}

module.exports = { Minimal };
