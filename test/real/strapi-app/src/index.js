// The one user the suite resets (SEED_EMAIL, SEED_PASSWORD), created at start; and, for Set
// Password, a Custom API token allowed only users-permissions' user find and update, its key
// written to API_TOKEN_FILE.
module.exports = {
	register() {},
	async bootstrap({ strapi }) {
		const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
		await strapi.plugin('users-permissions').service('user').add({
			username: 'ada',
			email: process.env.SEED_EMAIL,
			password: process.env.SEED_PASSWORD,
			provider: 'local',
			confirmed: true,
			blocked: false,
			role: role.id,
		});
		const token = await strapi.service('admin::api-token').create({
			name: 'n8n help desk',
			description: 'Set Password only',
			type: 'custom',
			lifespan: null,
			permissions: ['plugin::users-permissions.user.find', 'plugin::users-permissions.user.update'],
		});
		require('node:fs').writeFileSync(process.env.API_TOKEN_FILE, token.accessKey);
	},
};
