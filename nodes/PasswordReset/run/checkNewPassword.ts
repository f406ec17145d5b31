import type { IExecutePaginationFunctions } from 'n8n-workflow';

import { breachCount, rangeHash } from './breachedPasswords';
import { weakPasswordFailure } from '../outcome/errors';
import type { ResetInput } from '../kernel/types';
import { breachedRefusal, contextWords, localRefusal } from '../safety/newPassword';
import type { RunContext } from './runContext';

/** The checks a password passed, as Check New Password's success item lists them. */
export type PasswordCheck = 'length' | 'contextWords' | 'commonPasswords' | 'breachedPasswords';

/**
 * Check New Password for one item, before anything is sent: the local checks, then (when on) the
 * range API. A refusal is `weak_password` naming its reason; a range check that cannot run is
 * `password_check_unavailable`. Returns the checks the password passed.
 */
export async function checkNewPassword(
	context: IExecutePaginationFunctions,
	run: RunContext,
	input: ResetInput,
	secrets: string[],
	signal: AbortSignal | undefined,
): Promise<PasswordCheck[]> {
	const policy = run.options.passwordCheck;
	const words = contextWords(input.email, run.profile.displayName, policy.contextWords);
	const refusal = localRefusal(input.newPassword, policy.minLength, words);
	if (refusal) throw weakPasswordFailure(refusal);
	const passed: PasswordCheck[] = ['length', 'contextWords', 'commonPasswords'];
	if (!run.rangeApiUrl) return passed;
	// Its hash is the password in another form: redacted like it.
	secrets.push(rangeHash(input.newPassword));
	const rangeRun = { context, apiUrl: run.rangeApiUrl, timeout: run.options.timeout, queue: run.queue, signal, answers: run.rangeAnswers };
	const count = await breachCount(rangeRun, input.newPassword);
	if (count > 0) throw weakPasswordFailure(breachedRefusal(count));
	return [...passed, 'breachedPasswords'];
}
