import type { IDataObject } from 'n8n-workflow';

import { isJsonObject } from '../kernel/json';
import type { AnswerMatch, ErrorCode, Operation, RequestContract, ServiceOperation, ServiceProfile, ServiceResponse } from '../kernel/types';
import { isEmailAddress } from '../safety/checks';
import { redactSecretFields, redactValue, serverMessageOf } from '../safety/redact';
import { afterUnknownChange, NODE, ResetFailure } from './errors';
import { changesPassword } from '../kernel/operations';
import { retryAfterSeconds } from './retryAfter';

/** What Send Reset Email says by default, whether or not the account exists (no enumeration oracle). */
export const NEUTRAL_SEND_MESSAGE = 'If an account exists for this email, a password reset email has been sent';

const DEFAULT_SUCCESS_MESSAGES: Record<ServiceOperation, string> = {
	sendResetEmail: 'Password reset email sent',
	resetPassword: 'Password reset successfully',
	verifyResetToken: 'The reset token is valid',
	createResetLink: 'Reset link created',
	setPassword: 'Password set',
};

/** One answer, as the profile's rules look at it. */
interface Answer {
	operation: ServiceOperation;
	status: number;
	body: IDataObject;
	rawBody: unknown;
	serviceCode?: string;
}

const matches = (rule: AnswerMatch, answer: Answer) =>
	(rule.operation === undefined || [rule.operation].flat().includes(answer.operation)) &&
	(rule.status === undefined ||
		(typeof rule.status === 'number' ? rule.status === answer.status : rule.status(answer.status))) &&
	(rule.serviceCode === undefined || [rule.serviceCode].flat().includes(answer.serviceCode ?? '')) &&
	(rule.when === undefined || rule.when(answer.body, answer.rawBody));

/**
 * The mapping every service shares; a profile's own rules run first. A 404 or 405 the profile
 * does not know is a wrong address (an HTML page, a framework's route-not-found), never an
 * unknown account: that would report "email sent" for a request that reached no reset endpoint.
 */
const genericCode = (status: number, operation: Operation): ErrorCode => {
	if (status >= 500) return changesPassword(operation) ? 'unknown_outcome' : 'server_error';
	if (status === 401 || status === 403) return 'auth_failed';
	if (status === 404 || status === 405) return 'endpoint_not_found';
	if (status === 410) return 'invalid_or_expired_token';
	if (status === 429) return 'rate_limited';
	if (status === 400 || status === 422) return 'invalid_input';
	return 'unexpected_response';
};

export interface ReadContext {
	profile: ServiceProfile;
	operation: ServiceOperation;
	/** The request whose answer this is: its `isSuccess` judges a 2xx. */
	request: Pick<RequestContract, 'isSuccess' | 'answersWithRedirect'>;
	options: { revealUnknownAccounts: boolean; includeRawResponse: boolean };
	secrets: readonly string[];
	/** The request as `METHOD /path`, to say where a wrong address led. */
	endpoint: string;
}

/** Send Reset Email's answer when it must not tell known and unknown accounts apart. */
const neutralSendItem = (profile: ServiceProfile): IDataObject => ({
	success: true,
	operation: 'sendResetEmail',
	service: profile.id,
	message: NEUTRAL_SEND_MESSAGE,
});

/**
 * The email has no account: the neutral success on Send Reset Email (unless Reveal Unknown
 * Accounts is on), else `user_not_found`.
 */
export const unknownAccountOutcome = (context: ReadContext, status: number, serverMessage?: string): IDataObject => {
	const { profile, operation, options } = context;
	if (operation === 'sendResetEmail' && !options.revealUnknownAccounts) return neutralSendItem(profile);
	throw new ResetFailure('user_not_found', status, serverMessage);
};

/** What a wrong address gets told: where the request went, and what to check. */
export const noEndpointMessage = (endpoint: string, status: number) =>
	`The service has no endpoint at ${endpoint} (HTTP ${status}). Check the Base URL and the paths in the credential`;

/** A service's answer → the success item's json, or a thrown typed failure. */
export const readResponse = (response: ServiceResponse, context: ReadContext): IDataObject => {
	const { profile, operation, options, secrets, endpoint } = context;
	const { statusCode: status, body: rawBody } = response;
	const body = isJsonObject(rawBody) ? rawBody : {};
	const serverMessage = serverMessageOf(rawBody, secrets);
	const neutralSend = operation === 'sendResetEmail' && !options.revealUnknownAccounts;

	const success = (message: string): IDataObject => ({
		success: true,
		operation,
		service: profile.id,
		message,
		...(operation !== 'sendResetEmail' && isEmailAddress(body.email) ? { email: body.email } : {}),
		...(options.includeRawResponse ? { rawResponse: redactSecretFields(redactValue(rawBody, secrets)) } : {}),
	});

	const is2xx = status >= 200 && status < 300;
	const isRedirect = status >= 300 && status < 400;
	if (response.unreadable && is2xx) {
		const unread = `The service answered HTTP ${status}, but its answer could not be read (too large, or nested too deep)`;
		if (changesPassword(operation)) {
			throw new ResetFailure('unknown_outcome', status, undefined, `${unread}: the password may have changed. ${afterUnknownChange(operation)}`);
		}
		throw new ResetFailure('unexpected_response', status, undefined, `${unread}. Check the Base URL and the service chosen`);
	}
	// Judged on the body as the service sent it: a bare `Created`, `true`, a list, nothing.
	if ((is2xx || (isRedirect && context.request.answersWithRedirect)) && context.request.isSuccess({ status, body: rawBody, headers: response.headers })) {
		// A neutral send carries no raw answer: it would tell known and unknown accounts apart.
		return neutralSend ? neutralSendItem(profile) : success(serverMessage ?? DEFAULT_SUCCESS_MESSAGES[operation]);
	}
	if (isRedirect) {
		throw new ResetFailure(
			'unexpected_response',
			status,
			undefined,
			`The service answered with a redirect (HTTP ${status}), which ${NODE} never follows. Set the credential's Base URL to the final address`,
		);
	}
	const answer: Answer = { operation, status, body, rawBody, serviceCode: profile.errorCodeOf?.(body) };
	if (profile.unknownAccount.some((known) => matches(known, answer))) return unknownAccountOutcome(context, status, serverMessage);
	const rule = profile.errorRules.find((candidate) => matches(candidate, answer));
	const code = rule?.code ?? (is2xx ? 'unexpected_response' : genericCode(status, operation));
	if (code === 'endpoint_not_found') {
		throw new ResetFailure(
			code,
			status,
			serverMessage,
			rule?.message?.({ body, serverMessage, endpoint }) ?? noEndpointMessage(endpoint, status),
		);
	}
	const retryAfter = code === 'rate_limited' ? retryAfterSeconds(response.headers) : undefined;
	throw new ResetFailure(code, status, serverMessage, rule?.message?.({ body, serverMessage, endpoint }), retryAfter);
};
