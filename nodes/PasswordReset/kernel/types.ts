import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { HookSender } from './hooks';

/** What a service profile can offer; the values are the node's `operation` parameter values. */
export type ServiceOperation = 'sendResetEmail' | 'resetPassword' | 'verifyResetToken' | 'createResetLink' | 'setPassword';

/** What the node can do: the service's operations, and Check New Password, which calls no service. */
export type Operation = ServiceOperation | 'checkPassword';

/** Error codes in a failure item's `error.errorCode` (node 1.2; `details.errorCode` in 1 and 1.1). The list may grow; a code never changes meaning. */
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
	| 'not_supported'
	| 'user_disabled'
	| 'password_reused'
	| 'passwords_mismatch'
	| 'endpoint_not_found'
	| 'cancelled'
	| 'password_check_unavailable'
	| 'internal_error'
	| 'multiple_accounts';

/** The text inputs of an item: the node's parameters, or the mapped item's fields. */
export type InputField = 'email' | 'resetToken' | 'newPassword';

/** Set Password's options, the same for every item of a run (both off for the other operations). */
export interface SetPasswordChoices {
	/** Require Change at Next Sign-In. */
	requireChange: boolean;
	/** Sign Out Other Sessions. */
	signOutOtherSessions: boolean;
	/** Password to Set → Generate a Temporary Password: the node makes one (and Require Change is on). */
	generateTemporary: boolean;
}

/** What the user typed into the node for one item, and the run's Set Password options. */
export interface ResetInput extends Record<InputField, string> {
	choices: SetPasswordChoices;
}

/**
 * The credential's text fields, read once per run (see `run/runContext.ts`): the shared ones
 * below, and each profile's own `credentialFields`, by name.
 */
export interface CredentialSettings {
	service: string;
	baseUrl: string;
	/** Overrides the service's send path; Custom requires it. */
	sendEmailPath?: string;
	/** Overrides the service's reset path; Custom requires it. */
	resetPath?: string;
	readonly [field: string]: string | undefined;
}

/** A credential field only one service reads: the credential shows it for that service alone. */
export type CredentialField = Omit<INodeProperties, 'displayOptions'>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

/**
 * An answer as a request's `isSuccess` sees it: the status and the body as the service sent it
 * (`undefined` when empty, the parsed value when JSON, else the text, e.g. Medusa's `Created`).
 */
export interface RawAnswer {
	status: number;
	body: unknown;
	/** The answer's headers (a redirect's Location, for a request that `answersWithRedirect`). */
	headers: IDataObject;
}

/**
 * One request. Secrets always go in the body (or a header the profile names): a GET request
 * carries the email only, in its query.
 */
export interface RequestContract {
	method: HttpMethod;
	/**
	 * Literal segments and `{name}` placeholders, each a whole segment: `{field}` is that
	 * credential field (a PocketBase collection), `{email}` the item's email (Okta), and a chain
	 * step's `pathValues` name the rest. The engine refuses a value that is not one segment
	 * (empty, `.` or `..`) and URL-encodes it, so no path leaves the Base URL's path.
	 */
	path: string;
	/** A query string that does not vary (Okta's `sendEmail=true`); a GET's fields are added to it. */
	query?: Record<string, string>;
	/** Request fields: JSON body, or the query string for a GET. A list is sent as a JSON array (Keycloak's actions). */
	fields: (input: ResetInput, settings: CredentialSettings) => IDataObject | string[];
	/** `form`: the fields as an URL-encoded form body (Parse's reset page), not JSON. */
	bodyFormat?: 'json' | 'form';
	/**
	 * A GraphQL request (Vendure): this document goes as `{query, variables}`, the fields as its
	 * variables. Its result union is read by `isSuccess` and the error rules like any answer.
	 */
	graphql?: string;
	/**
	 * The service answers this request with a redirect (WordPress's lost-password form): a 3xx is
	 * judged by `isSuccess` (its Location), never followed; any other 3xx stays a wrong address.
	 */
	answersWithRedirect?: boolean;
	/**
	 * Whether a 2xx answer is this request's success, judged on the body the service really
	 * sends (from its source). Any other 2xx is `unexpected_response`, never a success.
	 */
	isSuccess: (answer: RawAnswer) => boolean;
	/**
	 * Signs the request as it goes out (AWS Signature Version 4 on Cognito's admin calls): the
	 * headers to add, from the final URL, headers and body. Its secrets (a signature) are redacted.
	 */
	sign?: (request: SignableRequest, settings: CredentialSettings) => SignedRequest;
}

/** A request as it goes on the wire, for a `sign`: the whole URL with its query, its headers and the body's exact text. */
export interface SignableRequest {
	method: HttpMethod;
	url: URL;
	headers: Record<string, string>;
	body: string;
}

/** What a `sign` adds: its headers, and the values among them derived from a secret. */
export interface SignedRequest {
	headers: Record<string, string>;
	secrets: string[];
}

/** How one operation is called. */
export interface OperationContract extends RequestContract {
	/**
	 * Secrets the profile derives from the input and sends (Appwrite's `secret`, split out of a
	 * recovery link): redacted everywhere, like the typed token and password.
	 */
	derivedSecrets?: (input: ResetInput, settings: CredentialSettings) => string[];
	/** The input fields this service needs for this operation; a missing one is `invalid_input`. */
	requires: InputField[];
	/**
	 * What is wrong with the credential's fields for this operation (Custom field names that
	 * collide, Supabase's admin key missing), naming them: checked once per run, before any item.
	 */
	settingsProblem?: (settings: CredentialSettings) => string | undefined;
	/** A service-specific input check: the problem, naming the field, or undefined. */
	checkInput?: (input: ResetInput) => string | undefined;
	/**
	 * Headers of this operation's request, from the input (Medusa: the reset token as a Bearer
	 * token, its documented place) or the credential (Supabase's service-role key on its admin
	 * call). Only an auth header may carry a secret.
	 */
	headers?: (input: ResetInput, settings: CredentialSettings) => Record<string, string>;
	/** Values in the success answer that are secrets (Payload's session token): redacted everywhere. */
	answerSecrets?: (answer: IDataObject) => string[];
	/**
	 * The next request, made when this one succeeded, from what the earlier ones answered
	 * (Supabase: the session its verify returns; Keycloak: an admin token, then the user's id).
	 * A step may have a `then` of its own. The item's outcome is the last request's.
	 */
	then?: ChainStep;
	/**
	 * Create Reset Link: the link in an answer (each answer of a chain is read, with the ones
	 * before it; the last one's is output). The mechanism refuses anything but an https URL on the Base URL's host, and a
	 * success without one; whatever this finds is a secret from the moment it arrives.
	 */
	resetLink?: (answer: unknown, settings: CredentialSettings, earlierAnswers: unknown[]) => unknown;
	/** Create Reset Link: hosts besides the Base URL's that the link may be on, named in the credential (Auth0's Tenant Domain). */
	linkHosts?: (settings: CredentialSettings) => string[];
	/** Set Password: what the set does besides the password, as the service's source says (required there). */
	effects?: SetPasswordEffects;
}

/** What a service's Set Password does besides setting the password. */
export interface SetPasswordEffects {
	/**
	 * How the service makes the user choose a new password at the next sign-in (Keycloak's
	 * `temporary`), said in the docs; absent where it has no such thing, and Require Change at
	 * Next Sign-In then fails before any request.
	 */
	requireChange?: string;
	/**
	 * The user's other sessions after the set: `always` signed out by the service itself,
	 * `onRequest` by a further request the profile sends when Sign Out Other Sessions is on,
	 * `never` (kept, and the service has no call for it), `unknown` (its sources do not say).
	 * Sign Out Other Sessions fails before any request unless this is `always` or `onRequest`.
	 */
	otherSessions: 'always' | 'onRequest' | 'never' | 'unknown';
}

/** One request of a chain: it reads the answers before it, the latest first. */
export interface ChainStep extends RequestContract {
	/** Its headers (an admin key from the credential, a token an earlier answer gave), or undefined when an earlier answer lacks what it needs (nothing is sent). */
	headers: (previous: IDataObject, answers: unknown[], settings: CredentialSettings) => Record<string, string> | undefined;
	/** The `unexpected_response` message when `headers` finds nothing to send with: what happened, what to do. */
	missingMessage: string;
	/** Values in the earlier answers that are secrets (a session, an admin token): redacted everywhere. */
	secrets: (previous: IDataObject, answers: unknown[]) => string[];
	/**
	 * `{name}` values for its path from the earlier answers (a user's id). Like every path value,
	 * one segment each: an answer that gives an empty id or `..` is `unexpected_response`.
	 */
	pathValues?: (answers: unknown[], input: ResetInput, settings: CredentialSettings) => Record<string, string>;
	/** Body fields from the earlier answers (Auth0: the user's id), added to `fields`. */
	fieldsFromAnswers?: (answers: unknown[], settings: CredentialSettings, input: ResetInput) => IDataObject;
	/**
	 * The accounts the previous answer (a search) lists with exactly the item's email, for a step
	 * that acts on one account: none is the unknown account, more than one `multiple_accounts`,
	 * and nothing more is sent for either. A search that matches loosely (a substring, any case)
	 * is narrowed here.
	 */
	accounts?: (answers: unknown[], input: ResetInput, settings: CredentialSettings) => unknown[];
	/** Sent only where this holds (Sign Out Other Sessions is on); otherwise the chain ends before it. */
	when?: (input: ResetInput) => boolean;
	/**
	 * Whether the previous answer, already judged a success by its `isSuccess`, is the service's
	 * documented "no account" (Keycloak's empty user list): nothing more is sent.
	 */
	isUnknownAccount?: (answers: unknown[], settings: CredentialSettings) => boolean;
	then?: ChainStep;
}

/** An operation the service does not offer through an API, or n8n cannot call faithfully. */
export interface UnsupportedOperation {
	/** The `not_supported` message: why, and what to do instead. */
	notSupported: string;
}

/** A response as the node sees it: status, headers and the parsed (or raw text) body. */
export interface ServiceResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
	/** The body could not be read (larger than the node reads, or nested too deep): dropped. */
	unreadable?: boolean;
}

/** Which answers a rule applies to; every condition given must hold. */
export interface AnswerMatch {
	operation?: ServiceOperation | ServiceOperation[];
	status?: number | ((status: number) => boolean);
	/** Matches the profile's `errorCodeOf` (one code or any of several). */
	serviceCode?: string | string[];
	/** `body` is the answer as a JSON object (`{}` when it is not one); `rawBody` as it came. */
	when?: (body: IDataObject, rawBody: unknown) => boolean;
}

/**
 * One service-specific reading of an error response. Rules run in order before the generic
 * status mapping; the first that matches decides the code.
 */
export interface ErrorRule extends AnswerMatch {
	/** Never `user_not_found`: that answer is the profile's `unknownAccount`. */
	code: Exclude<ErrorCode, 'user_not_found'>;
	/**
	 * The failure's message, where the code's standard one would not say what to check: which
	 * credential field, or the service's reason from its answer (redacted before it leaves);
	 * `endpoint` is the request as `METHOD /path`.
	 */
	message?: (answer: { body: IDataObject; serverMessage: string | undefined; endpoint: string }) => string;
}

/**
 * An answer that means "no account has this email": its status and a body shape that only the
 * service itself sends, so a wrong route (a framework's 404 page) is never read as one.
 */
export interface UnknownAccountAnswer extends AnswerMatch {
	status: NonNullable<AnswerMatch['status']>;
	/** Where this answer comes from: the service's source, its docs, or a guess. */
	source: string;
}

/** How requests authenticate; the credential's `authenticate` applies it to every request. */
export interface AuthScheme {
	/**
	 * Where the API key goes, when one is set. `prefix` is prepended to it (e.g. `Bearer `);
	 * `basic` sends it as HTTP Basic's password, the credential field `userField` as the user
	 * (Stytch's project ID). A service without one takes no key: the credential hides its API Key field.
	 */
	apiKey?: ({ in: 'header'; name: string; prefix: string } | { in: 'query'; name: string } | { in: 'basic'; userField: string }) & {
		/** Whether the service refuses requests without a key. */
		required: boolean;
		/** Which key, as the credential form shows it: where to find it and how it is sent. */
		description: string;
	};
	/** Headers the service needs on every request, from other credential fields (a project ID). */
	headers?: (settings: CredentialSettings) => Record<string, string>;
}

/**
 * The credential test's one request. It never sends mail: a side-effect-free route, or a reset
 * route called without an email, which the service must refuse with its own validation status,
 * so a wrong Base URL (a 404, a redirect, a proxy's 502) fails the test.
 */
export interface CredentialProbe {
	method: HttpMethod;
	path: string;
	/** JSON body (query string for a GET). */
	fields?: IDataObject;
	/** Headers the call needs (Cognito names its operation in one). */
	headers?: Record<string, string>;
	/**
	 * The statuses this service answers the probe with when the Base URL (and key) are right.
	 * n8n's declarative credential test fails on any other (see `credentials/credentialTest.ts`).
	 */
	passes: readonly number[];
	/**
	 * Answers with a passing status that still mean a wrong address (Medusa under `/store` asks
	 * for a publishable key with a 400): the body's `key` equal to `value` fails the test with
	 * `message`. n8n applies every profile's to every test: each value must be the service's own.
	 */
	failsOn?: ReadonlyArray<{ key: string; value: string; message: string }>;
	/** What a passing test proves, and what it does not: docs/services.md's table says it. */
	proves: string;
}

export interface ServiceProfile {
	id: string;
	displayName: string;
	/** The credential's Base URL for this service: a placeholder, or the default where the URL is fixed. */
	baseUrl: { placeholder: string; default?: string };
	/**
	 * The service package README's credential notes for this service (generated, `npm run generate`): the Base
	 * URL's shape, and where to find every other field, in Markdown.
	 */
	setup: {
		baseUrl: string;
		notes: string;
		/** How this profile was checked: a real instance in CI, an emulator, source, documentation. */
		checked: string;
		/** What the Reset Token is for this service, where it is not the plain token from the email (the editor's hint). */
		resetToken?: string;
	};
	/** Fields of the credential that only this service reads (a project ID, a collection). */
	credentialFields?: CredentialField[];
	/** How the credential test tells a right address (and key) from a wrong one. */
	credentialTest: CredentialProbe;
	auth: AuthScheme;
	/** An operation left out is not supported by this service (Verify Reset Token, mostly). */
	operations: Partial<Record<ServiceOperation, OperationContract | UnsupportedOperation>>;
	/** The service's own error code in an error body, for `ErrorRule.serviceCode`. */
	errorCodeOf?: (body: IDataObject) => string | undefined;
	/**
	 * Every answer that means the email has no account (`user_not_found`, or the neutral success
	 * on Send Reset Email). Empty when the service answers unknown emails like known ones. Any
	 * other 404 or 405 is `endpoint_not_found`: a wrong Base URL or path, never "no account".
	 */
	unknownAccount: UnknownAccountAnswer[];
	errorRules: ErrorRule[];
}

/**
 * One edition of the node: the all-services package, or one service's own (see `edition.ts`).
 * The engine is the same; the names, the services and whether Custom is offered differ.
 */
export interface Edition {
	packageName: string;
	/** Where the node's and the credential's Docs links lead. */
	documentationUrl: { node: string; credential: string };
	node: { name: string; displayName: string };
	credential: { name: string; displayName: string };
	/** Builds the Custom profile from the credential; only the all-services package has Custom. */
	custom?: (settings: CredentialSettings) => ServiceProfile;
	profiles: readonly ServiceProfile[];
	/** The Password Reset Trigger and its credential, where a service of this edition hands its reset messages to n8n. */
	trigger?: {
		node: { name: string; displayName: string };
		credential: { name: string; displayName: string };
		/** Where the trigger's and its credential's Docs links lead. */
		documentationUrl: string;
		senders: readonly HookSender[];
	};
}
