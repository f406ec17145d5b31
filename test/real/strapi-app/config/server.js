module.exports = ({ env }) => ({ host: '127.0.0.1', port: env.int('PORT'), app: { keys: ['password-reset-real-a', 'password-reset-real-b'] } });
