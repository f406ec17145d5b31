// The one user the suite resets (SEED_EMAIL, SEED_PASSWORD), created at start.
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
	},
};
