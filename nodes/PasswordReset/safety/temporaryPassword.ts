import { randomInt } from 'crypto';

/** Letters and digits read back without doubt (no 0/O, 1/l/I): a temporary password is often read out or typed from a message. */
const READABLE = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/**
 * A temporary password for Set Password (Generate a Temporary Password): four groups of five
 * readable characters joined by `-` (about 116 bits of Node's CSPRNG, no modulo bias), with an
 * upper- and a lower-case letter, a digit and a symbol, so the usual composition policies take it.
 */
export const temporaryPassword = (): string => {
	for (;;) {
		const characters = Array.from({ length: 20 }, () => READABLE[randomInt(READABLE.length)]).join('');
		if (/[A-Z]/.test(characters) && /[a-z]/.test(characters) && /\d/.test(characters)) return characters.replace(/(.{5})(?=.)/g, '$1-');
	}
};
