// PostgreSQL from DATABASE_URL, CORS open on loopback, the admin dashboard off.
const { defineConfig } = require('@medusajs/framework/utils');

module.exports = defineConfig({
	projectConfig: {
		databaseUrl: process.env.DATABASE_URL,
		http: { storeCors: '*', adminCors: '*', authCors: '*', jwtSecret: 'password-reset-real-jwt', cookieSecret: 'password-reset-real-cookie' },
	},
	admin: { disable: true },
});
