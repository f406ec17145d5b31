import type { IDataObject, INode, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ErrorCode, Operation } from '../kernel/types';
import { changesPassword } from '../kernel/operations';
import type { PasswordRefusal, PasswordProblem } from '../safety/newPassword';
import { REDACTED, redactText } from '../safety/redact';

/** What to do when a reset may have changed the password: the same token would fail, or worse. */
export const AFTER_UNKNOWN_RESET = 'Do not retry with the same token: check whether the new password works, or send a new reset email';

/** What to do when a request that changes a password lost its answer (see `changesPassword`). */
export const afterUnknownChange = (operation: Operation) =>
	operation === 'setPassword' ? 'Check whether the new password works before setting it again' : AFTER_UNKNOWN_RESET;

/** Stand for the edition's credential and node in a message; `messageFor` names them (each service's package has its own). */
const CREDENTIAL = '{credential}';
export const NODE = '{node}';

/** What happened, and what to do about it, for each code. The item is appended to the message. */
const GUIDANCE: Record<ErrorCode, { message: string; retryable: boolean; byOperation?: Partial<Record<Operation, string>> }> = {
	invalid_input: { message: 'The input is not valid', retryable: false },
	auth_failed: {
		message: `The service rejected the credentials. Check the API key and base URL in the ${CREDENTIAL} credential`,
		retryable: false,
	},
	user_not_found: { message: 'No account matches this email. Check the email address', retryable: false },
	invalid_or_expired_token: {
		message: 'The reset token is invalid, expired or already used. Send a new reset email and use the newest token',
		retryable: false,
	},
	weak_password: {
		message: "The service rejected the new password. Choose one that meets the service's password policy",
		retryable: false,
	},
	rate_limited: {
		message:
			'The service is rate limiting password resets. Wait before trying again, or space items out with Batching under Request Options',
		retryable: true,
	},
	server_error: { message: 'The service failed to process the request. Try again later', retryable: true },
	network_error: {
		message: 'Could not reach the service. Check the base URL in the credential and that the service is online',
		retryable: true,
	},
	timeout: {
		message: 'The service did not answer in time. Try again later, or raise the Timeout option',
		retryable: true,
	},
	unknown_outcome: {
		message: `The service did not confirm the reset, but the password may have changed. ${AFTER_UNKNOWN_RESET}`,
		retryable: false,
		byOperation: { setPassword: `The service did not confirm the new password, but it may have been set. ${afterUnknownChange('setPassword')}` },
	},
	unexpected_response: { message: 'Unexpected response from server', retryable: false },
	not_supported: { message: 'This service does not support this operation in n8n', retryable: false },
	user_disabled: { message: 'The account is disabled or blocked. Enable it in the service first', retryable: false },
	password_reused: {
		message: 'The service refused the new password because it was used before. Choose a password not used recently',
		retryable: false,
	},
	passwords_mismatch: {
		message: 'The service says the password and its confirmation differ. Check the service profile or the Custom fields',
		retryable: false,
	},
	endpoint_not_found: {
		message: 'The service has no endpoint at this address. Check the Base URL and the paths in the credential',
		retryable: false,
	},
	cancelled: {
		message: 'The execution was cancelled before this item was sent. Nothing was sent for it',
		retryable: true,
	},
	password_check_unavailable: {
		message: 'The breached-password check could not run, so the new password was not sent. Try again later, or turn off Check Breached Passwords',
		retryable: true,
	},
	multiple_accounts: {
		message: 'More than one account has this email, so nothing was changed. Act on the account in the service itself',
		retryable: false,
	},
	internal_error: {
		message: `${NODE} failed unexpectedly. This is a bug in the node, not a problem with the input or the service: please report it`,
		retryable: false,
	},
};

/** Parameters whose values are secret: masked in the node copy that errors carry. */
export const SECRET_PARAMETERS = ['resetToken', 'newPassword'] as const;

/**
 * A typed failure of one item. Thrown inside the node's own code only; at the edge it becomes
 * either an error item (On Error = Continue) or a safe NodeApiError / NodeOperationError.
 */
export class ResetFailure extends Error {
	constructor(
		readonly errorCode: ErrorCode,
		readonly httpStatus: number | null,
		/** Already redacted and length-capped. */
		readonly serverMessage: string | undefined,
		/** Replaces the code's standard message (validation names the field here). */
		readonly specificMessage?: string,
		/** For `rate_limited`: what the service asked for, when it said. */
		readonly retryAfterSeconds?: number,
		/** For a `weak_password` of Check New Password: which check refused it (`details.passwordProblem`). */
		readonly passwordProblem?: PasswordProblem,
	) {
		super(specificMessage ?? GUIDANCE[errorCode].message);
	}

	get retryable(): boolean {
		return GUIDANCE[this.errorCode].retryable;
	}

	/**
	 * This failure with every form of every secret taken out of its texts: the last step before
	 * it leaves the node, whatever secrets the item sent or received by then.
	 */
	redacted(secrets: readonly string[]): ResetFailure {
		const message = redactText(this.message, secrets);
		const serverMessage = this.serverMessage === undefined ? undefined : redactText(this.serverMessage, secrets);
		if (message === this.message && serverMessage === this.serverMessage) return this;
		return new ResetFailure(this.errorCode, this.httpStatus, serverMessage, message, this.retryAfterSeconds, this.passwordProblem);
	}
}

/**
 * An error the node did not expect (a bug in a profile, say) as `internal_error`: its own
 * message, with secrets taken out, so it can be reported, never passed off as bad input.
 */
export const toInternalError = (error: unknown, secrets: readonly string[]) => {
	const reason = redactText(error instanceof Error ? `${error.name}: ${error.message}` : String(error), secrets);
	return new ResetFailure('internal_error', null, undefined, `${GUIDANCE.internal_error.message}. ${reason}`);
};

export interface FailureContext {
	itemIndex: number;
	operation: Operation;
	service: string;
	/** The edition's credential, as its form names it ("Password Reset API", "Supabase Password Reset API"). */
	credentialName: string;
	/** The edition's node ("Password Reset", "Supabase Password Reset"). */
	nodeName: string;
}

/** The failure's message for the item: its own, or its code's (in the operation's words, where they differ). */
const messageFor = (failure: ResetFailure, { itemIndex, operation, credentialName, nodeName }: FailureContext) => {
	const guidance = GUIDANCE[failure.errorCode];
	const text = failure.message === guidance.message ? (guidance.byOperation?.[operation] ?? failure.message) : failure.message;
	return `${text.replaceAll(CREDENTIAL, credentialName).replaceAll(NODE, nodeName)} [item ${itemIndex}]`;
};

/** From this node version on, a failure item is `{error: {message, errorCode, …}}` (see `toFailureItem`). */
const ONE_KEY_FAILURE_FROM_VERSION = 1.2;

/**
 * The error item for On Error = Continue / Continue (using error output), paired with its input.
 * n8n sends an item to the error output by its json's keys: 1.x (n8n-core 1.122,
 * WorkflowExecute.handleNodeErrorOutput) only `{error}` or `{error, message}`, 2.x also
 * `{error, details}`. An item that carries INodeExecutionData.error has its json replaced by
 * `{error: message}` on both lines (normalizeNodeErrors), losing the details, so that is not used.
 * Node version 1.2 on: `{error: {message, errorCode, …}}`, which both lines route and keep whole.
 * Versions 1 and 1.1 keep `{error: message, details}` (n8n 2.x's HTTP Request shape), so saved
 * workflows read what they always read.
 */
export const toFailureItem = (failure: ResetFailure, context: FailureContext, typeVersion: number): INodeExecutionData => {
	const message = messageFor(failure, context);
	const details: IDataObject = {
		errorCode: failure.errorCode,
		httpStatus: failure.httpStatus,
		retryable: failure.retryable,
		operation: context.operation,
		service: context.service,
		serverMessage: failure.serverMessage ?? null,
		...(failure.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: failure.retryAfterSeconds }),
		...(failure.passwordProblem === undefined ? {} : { passwordProblem: failure.passwordProblem }),
	};
	const json = typeVersion >= ONE_KEY_FAILURE_FROM_VERSION ? { error: { message, ...details } } : { error: message, details };
	return { json, pairedItem: { item: context.itemIndex } };
};

/** A copy of the node whose secret parameters are masked: a saved execution's error keeps its node. */
const maskedNode = (node: INode): INode => {
	const parameters = { ...node.parameters };
	for (const name of SECRET_PARAMETERS) {
		if (parameters[name] !== undefined) parameters[name] = REDACTED;
	}
	return { ...node, parameters };
};

/**
 * The error for On Error = Stop, built from scratch (never from a caught error or the request),
 * so nothing secret can ride along. Always a NodeApiError, even for bad input: RoutingNode
 * re-wraps any other error with the unmasked node.
 */
export const toNodeError = (failure: ResetFailure, node: INode, context: FailureContext) => {
	const message = messageFor(failure, context);
	const description = failure.serverMessage;
	const httpCode = failure.httpStatus === null ? undefined : String(failure.httpStatus);
	const error = new NodeApiError(maskedNode(node), { message, description, httpCode } as JsonObject, {
		itemIndex: context.itemIndex,
		message,
		description,
		httpCode,
	});
	const details: IDataObject = {
		errorCode: failure.errorCode,
		retryable: failure.retryable,
		operation: context.operation,
		service: context.service,
		...(failure.passwordProblem === undefined ? {} : { passwordProblem: failure.passwordProblem }),
	};
	Object.assign(error.context, details);
	return error;
};

/** A new password Check New Password refused, with its reason: nothing was sent. */
export const weakPasswordFailure = ({ problem, message }: PasswordRefusal) => new ResetFailure('weak_password', null, undefined, message, undefined, problem);

/** Bad input, named: nothing was sent. */
export const invalidInput = (message: string) => new ResetFailure('invalid_input', null, undefined, message);

/** An item not sent because the run's breaker opened (a 429 it did not wait out). */
export const breakerFailure = () =>
	new ResetFailure(
		'rate_limited',
		null,
		undefined,
		`Not sent: the service rate limited this run, so ${NODE} stopped sending for the rest of it. Run these items again later, or space items out with Batching under Request Options`,
	);

/**
 * What a cancelled execution means for an item: nothing sent yet is `cancelled`; a request in
 * flight may have reached the service, which on Reset Password may have changed the password.
 */
export const cancelledFailure = (operation: Operation, inFlight: boolean) => {
	if (!inFlight) return new ResetFailure('cancelled', null, undefined);
	if (changesPassword(operation)) {
		return new ResetFailure(
			'unknown_outcome',
			null,
			undefined,
			`The execution was cancelled while the ${operation === 'setPassword' ? 'new password' : 'reset'} was in flight: the password may have changed. ${afterUnknownChange(operation)}`,
		);
	}
	return new ResetFailure(
		'cancelled',
		null,
		undefined,
		'The execution was cancelled while the request was in flight: the service may or may not have acted on it',
	);
};
