import type { IDataObject } from 'n8n-workflow';

/** The two things the node can do; the values are the node's `operation` parameter values. */
export type Operation = 'sendResetEmail' | 'resetPassword';

/** Error codes in `details.errorCode`. The list may grow; a code never changes meaning. */
export type ErrorCode =
	| 'invalid_input'
	| 'auth_failed'
	| 'user_not_found'
	| 'invalid_or_expired_token'
	| 'weak_password'
	| 'rate_limited'
	| 'server_error'
	| 'network_error'
	| 'timeout'
	| 'unknown_outcome'
	| 'unexpected_response'
	| 'not_supported';

/** What the user typed into the node for one item. */
export interface ResetInput {
	email: string;
	resetToken: string;
	newPassword: string;
}

/**
 * The non-secret credential fields a profile may read, resolved once per item by RoutingNode
 * from `$credentials` (see `requestDefaults` in the node), so no item fetches the credential.
 */
export interface CredentialSettings {
	service: string;
	baseUrl: string;
	company?: string;
	sendEmailPath?: string;
	resetPath?: string;
	customSendMethod?: string;
	customSendEmailField?: string;
	customResetMethod?: string;
	customResetCodeField?: string;
	customNewPassField?: string;
	customResetEmailField?: string;
	customAuthHeaderName?: string;
	customAuthHeaderPrefix?: string;
	customSuccessField?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** How one operation is called. Secrets always go in the body: a GET contract may carry the email only. */
export interface OperationContract {
	method: HttpMethod;
	path: string;
	/** The input fields this service needs for this operation; a missing one is `invalid_input`. */
	requires: Array<keyof ResetInput>;
	/** Request fields: JSON body, or the query string for a GET. */
	fields: (input: ResetInput, settings: CredentialSettings) => IDataObject;
}

/** An operation the service offers but n8n cannot call faithfully; fails before any request. */
export interface UnsupportedOperation {
	notSupported: string;
}

/** A response as the node sees it: status, headers and the parsed (or raw text) body. */
export interface ServiceResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
	/** The body was larger than the node reads; it was dropped unread. */
	oversized?: boolean;
}

/**
 * One service-specific reading of an error response. Rules run in order before the generic
 * status mapping; the first that matches decides the code.
 */
export interface ErrorRule {
	operation?: Operation;
	status?: number | ((status: number) => boolean);
	when?: (body: IDataObject) => boolean;
	code: ErrorCode;
}

/** Where the API key goes. `prefix` is prepended to the key (e.g. `Bearer `). */
export type AuthScheme = { type: 'none' } | { type: 'header'; name: string; prefix: string };

export interface ServiceProfile {
	id: string;
	displayName: string;
	/** Shown as the credential's base URL placeholder. */
	baseUrlPlaceholder: string;
	/**
	 * A side-effect-free path the credential test GETs; it must answer 2xx when base URL (and API
	 * key, where the service checks one) are right. Never a reset endpoint: that would send mail.
	 */
	credentialTestPath: string;
	auth: AuthScheme;
	operations: Record<Operation, OperationContract | UnsupportedOperation>;
	/** Whether a 2xx body is the service's success answer; a 2xx that is not is `unexpected_response`. */
	isSuccess: (body: IDataObject, operation: Operation) => boolean;
	errorRules: ErrorRule[];
}
