// Mail goes to a file (MAIL_FILE) through a provider of this app (MAIL_PROVIDER, its path); the
// app's own password rule: at least 10 characters (Strapi answers "Password validation failed.").
module.exports = ({ env }) => ({
	'users-permissions': { config: { jwtSecret: 'password-reset-real-jwt', validationRules: { validatePassword: (password) => password.length >= 10 } } },
	email: { config: { provider: env('MAIL_PROVIDER'), providerOptions: { file: env('MAIL_FILE') }, settings: { defaultFrom: 'noreply@example.com' } } },
});
