// No admin panel is built or served: the REST API alone.
module.exports = () => ({
	serveAdminPanel: false,
	auth: { secret: 'password-reset-real-admin' },
	apiToken: { salt: 'password-reset-real-api-token' },
	transfer: { token: { salt: 'password-reset-real-transfer' } },
});
