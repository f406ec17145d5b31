'use strict';
/**
 * What the sandbox's admin calls share (Set Password, each service's user search): an account's
 * id is its username; a search matches as the service's does (exact, any case, a substring).
 */

/** The service's accounts whose email passes `test`. */
const accountsWhere = (sandbox, service, test) =>
	[...sandbox.accounts.entries()].filter(([key]) => key.startsWith(`${service}:`)).map(([, account]) => account).filter((account) => test(account.email));

/** The service's account with this id (its username), or undefined. */
const accountById = (sandbox, service, id) => accountsWhere(sandbox, service, () => true).find((account) => account.username === id);

/** The service's account with this numeric id (Strapi's and Payload's, measured), from a path segment, or undefined. */
const accountByNumber = (sandbox, service, id) => accountsWhere(sandbox, service, () => true).find((account) => String(account.number) === id);

/** Exact, in any case: what most searches here do. */
const sameEmail = (email) => (candidate) => candidate === String(email ?? '').toLowerCase();

/**
 * An admin set: the new password, and what the service does besides (`mustChange`: a temporary
 * password; `endsSessions`: every session of the user). The reset token the user may hold stays.
 */
const setByAdmin = (account, password, { mustChange = false, endsSessions = false } = {}) => {
	account.password = password;
	account.passwordChanges += 1;
	account.mustChangePassword = mustChange;
	if (endsSessions) account.sessionsEnded = (account.sessionsEnded ?? 0) + 1;
};

module.exports = { accountsWhere, accountById, accountByNumber, sameEmail, setByAdmin };
