import type { Operation } from './types';

/**
 * The operations that change a password: the new password is checked first, and a request whose
 * answer is lost may have changed it (`unknown_outcome`, never a retry).
 */
export const changesPassword = (operation: Operation) => operation === 'resetPassword' || operation === 'setPassword';
