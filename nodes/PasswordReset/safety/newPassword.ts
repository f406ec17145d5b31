/**
 * The local half of Check New Password, after NIST SP 800-63B-4 §3.1.1.2: a minimum length, no
 * composition rules, no maximum (64 characters and more are always accepted, nothing is
 * truncated), and a blocklist of context words and common passwords. Pure: the breached-password
 * range check is `http/breachedPasswords.ts`. A refusal names its reason, never the password
 * nor the part of it that matched.
 */

import { COMMON_PASSWORDS } from './commonPasswords';

/** NIST's minimum where the password is the only factor, the node's default. */
export const SINGLE_FACTOR_MIN_LENGTH = 15;
/** NIST's minimum where the password is one factor of several: the lowest the option allows. */
export const MULTI_FACTOR_MIN_LENGTH = 8;
/** Shorter context words would refuse too much by chance ("ann" in "planning"). */
const MIN_CONTEXT_WORD_LENGTH = 4;
/** Parts of service names that name no service ("Better Auth (Email OTP)", "Parse Server"). */
const GENERIC_NAME_PARTS = new Set(['auth', 'email', 'server', 'custom']);

/** Why a new password is refused, as a failure item's `passwordProblem` says it (beside `errorCode`). */
export type PasswordProblem = 'too_short' | 'context_word' | 'common' | 'breached';

export interface PasswordRefusal {
	problem: PasswordProblem;
	message: string;
}

/** Characters as NIST counts them: Unicode code points, after NFKC normalization (for counting only). */
export const passwordLength = (password: string) => [...password.normalize('NFKC')].length;

const comparable = (text: string) => text.normalize('NFKC').toLowerCase();

/**
 * The words a password may not contain for this account: the email's name (whole, and each
 * part between dots, dashes, underscores and a +tag), its domain's names (not the top-level
 * part), the service's name, and the node's own Context Words.
 */
export const contextWords = (email: string, serviceName: string, extra: readonly string[]): string[] => {
	const [local = '', domain = ''] = comparable(email).split('@');
	const name = local.split('+')[0];
	const domainNames = domain.split('.').slice(0, -1);
	const serviceParts = comparable(serviceName).split(/[^\p{L}\p{N}]+/u);
	const serviceWords = [serviceParts.join(''), ...serviceParts.filter((part) => !GENERIC_NAME_PARTS.has(part))];
	const words = [name, ...name.split(/[._-]+/), ...domainNames, ...serviceWords, ...extra.map(comparable)];
	return [...new Set(words.map((word) => word.trim()).filter((word) => word.length >= MIN_CONTEXT_WORD_LENGTH))];
};

/** The local checks, in the order a user fixes them: length, then what the password says. */
export const localRefusal = (password: string, minLength: number, words: readonly string[]): PasswordRefusal | undefined => {
	if (passwordLength(password) < minLength) {
		return { problem: 'too_short', message: `The new password is shorter than ${minLength} characters. Choose a longer one: a few unrelated words make a strong password` };
	}
	const text = comparable(password);
	if (words.some((word) => text.includes(word))) {
		return {
			problem: 'context_word',
			message: "The new password contains the email's name, its domain, the service's name or one of the node's Context Words. Choose one that does not",
		};
	}
	if (COMMON_PASSWORDS.has(text)) {
		return { problem: 'common', message: 'The new password is one of the most common passwords. Choose another' };
	}
	return undefined;
};

/** The refusal for a password the range API has seen in breaches `count` times. */
export const breachedRefusal = (count: number): PasswordRefusal => ({
	problem: 'breached',
	message: `The new password has appeared ${count.toLocaleString('en-US')} times in data breaches (Have I Been Pwned). Choose another`,
});
