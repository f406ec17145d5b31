import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import { credentialPathValues } from './settings';
import type { Registry } from '../services/registry';
import { send } from '../outcome/send';
import type { SendPolicy } from '../outcome/send';
import type { WireRequest, WireValues } from '../http/wire';
import { endpointOf, signWire, TRANSPORT_RULES, wireRequest } from '../http/wire';
import type { FailureContext } from '../outcome/errors';
import { cancelledFailure, invalidInput, NODE, ResetFailure, toFailureItem, toInternalError, toNodeError } from '../outcome/errors';
import type { ReadContext } from '../outcome/readResponse';
import { readResponse, unknownAccountOutcome } from '../outcome/readResponse';
import { isJsonObject } from '../kernel/json';
import type { ChainStep, CredentialSettings, Operation, RequestContract, ResetInput, ServiceOperation, ServiceProfile, ServiceResponse, SetPasswordChoices, SetPasswordEffects } from '../kernel/types';
import { InputProblem, isHeaderText, isSegmentValue, resetLinkProblem } from '../safety/checks';
import { linkSecrets, redactValue } from '../safety/redact';
import { temporaryPassword } from '../safety/temporaryPassword';
import type { PasswordCheck } from './checkNewPassword';
import { checkNewPassword } from './checkNewPassword';
import { FIELD_NAMES, readInput, readOperation } from './input';
import type { RunContext, SendClaim } from './runContext';
import { runContextFor, sendKey } from './runContext';
import { PATH_FIELD_NAMES, validateInput } from './setup';

/** One item of a run: its own context, request and input, and the run it belongs to. */
interface ItemRun {
	context: IExecutePaginationFunctions;
	requestData: DeclarativeRestApiSettings.ResultOptions;
	run: RunContext;
	input: ResetInput;
	signal: AbortSignal | undefined;
	/** Every secret this item sends or receives, for redaction; grows as the item goes on. */
	secrets: string[];
}

/** Which input field a header value carries, to name it when the value cannot be sent. */
const headerSource = (input: ResetInput) => (value: string) => {
	const field = (['resetToken', 'newPassword', 'email'] as const).find((name) => input[name] && value.includes(input[name]));
	return field ? `the ${FIELD_NAMES[field]}` : 'the service profile';
};

/**
 * What one request of an item is built from: its fields, `{email}` and the credential's fields
 * as path values, its headers; `where` names its path in messages.
 */
export const itemWireValues = (
	profile: ServiceProfile,
	settings: CredentialSettings,
	input: ResetInput,
	request: RequestContract,
	where: string,
	headers?: Record<string, string>,
): WireValues => {
	const fromCredential = credentialPathValues(profile, settings);
	return {
		fields: request.fields(input, settings),
		pathValue: (name) => (name === 'email' ? input.email : fromCredential.pathValue(name)),
		pathSource: (name) => (name === 'email' ? 'the Email' : fromCredential.pathSource(name)),
		where,
		headers,
		headerSource: headerSource(input),
	};
};

/** The request's n8n options: the routing's own, the transport rules, the wire request, the run's Base URL and timeout. */
const httpOptions = (item: ItemRun, { headers, ...wire }: WireRequest): IHttpRequestOptions => {
	const { requestData, run } = item;
	return {
		...requestData.options,
		...TRANSPORT_RULES,
		...wire,
		baseURL: run.baseUrl,
		// Request Options' timeout, or the node's default when unset (RoutingNode's is 300 s).
		timeout: run.options.timeout,
		headers: { ...requestData.options.headers, ...headers },
	} as IHttpRequestOptions;
};

/** What an item's requests gave: the success item's json, the last status, and (Create Reset Link) the last answer's link. */
interface ServiceOutcome {
	json: IDataObject;
	status: number;
	link?: unknown;
}

/**
 * The service's request(s) for the item, and the success item's json from their answers. A
 * chain (`then`) sends each next request only when the one before was a success by its own
 * `isSuccess`, and reads the values it needs from the answers so far; one of those that cannot
 * be sent as it is (an empty id, `..`, a line break) is the service's unexpected answer.
 */
async function callService(item: ItemRun): Promise<ServiceOutcome> {
	const { input, secrets, run } = item;
	const { settings, profile, contract } = run;
	const operation = run.operation as ServiceOperation;
	secrets.push(...(contract.derivedSecrets?.(input, settings) ?? []));
	const policy: SendPolicy = {
		context: item.context,
		operation,
		auth: { credentialType: run.credentials.type, credentials: run.credentials },
		queue: run.queue,
		breaker: run.guards.breaker,
		timeout: run.options.timeout,
		maxRetryAfter: run.options.maxRetryAfter,
		signal: item.signal,
	};
	// A link's answer is never handed on whole: the link is output alone (see `withResetLink`).
	const answerOptions = { ...run.options, includeRawResponse: run.options.includeRawResponse && operation !== 'createResetLink' };
	const inputValues = (request: RequestContract, where: string, headers?: Record<string, string>) =>
		itemWireValues(profile, settings, input, request, where, headers);
	// A request that cannot be built throws its `InputProblem`: the item's invalid_input, nothing sent.
	let link: unknown;
	const answers: unknown[] = [];
	const exchangeAndRead = async (request: RequestContract, built: WireRequest) => {
		const { sign } = request;
		const signed = sign ? signWire(built, run.baseUrl, (signable) => sign(signable, settings)) : { wire: built, secrets: [] };
		secrets.push(...signed.secrets);
		const options = httpOptions(item, signed.wire);
		const response = await send(policy, options);
		// Whatever an answer holds where the link goes is the link: kept out of every message, whatever the outcome.
		link = contract.resetLink?.(response.body, settings, answers);
		if (typeof link === 'string' && link) secrets.push(...linkSecrets(link, run.baseUrl));
		const readContext: ReadContext = { profile, operation, request, options: answerOptions, secrets, endpoint: endpointOf(options) };
		return { response, readContext, json: readResponse(response, readContext) };
	};

	const first = await exchangeAndRead(contract, wireRequest(contract, inputValues(contract, PATH_FIELD_NAMES[operation], contract.headers?.(input, settings))));
	if (contract.answerSecrets && isJsonObject(first.response.body)) secrets.push(...contract.answerSecrets(first.response.body));
	let { json } = first;
	answers.push(first.response.body);
	let last: ServiceResponse = first.response;
	for (let step: ChainStep | undefined = contract.then, index = 2; step && (step.when?.(input) ?? true); step = step.then, index++) {
		const previous = isJsonObject(last.body) ? last.body : {};
		secrets.push(...step.secrets(previous, answers));
		if (step.isUnknownAccount?.(answers, settings)) return { json: unknownAccountOutcome(first.readContext, last.statusCode), status: last.statusCode };
		const accounts = step.accounts?.(answers, input, settings).length;
		if (accounts === 0) return { json: unknownAccountOutcome(first.readContext, last.statusCode), status: last.statusCode };
		if (accounts !== undefined && accounts > 1) {
			throw new ResetFailure('multiple_accounts', last.statusCode, undefined, `${profile.displayName} has ${accounts} accounts with this email, so ${NODE} cannot tell which one is meant: nothing was changed. Act on the account in ${profile.displayName} itself`);
		}
		const headers = step.headers(previous, answers, settings);
		// Nothing of this step is sent: the message says what that leaves (a spent token, no change).
		if (!headers) throw new ResetFailure('unexpected_response', last.statusCode, undefined, step.missingMessage);
		const fromAnswers = step.pathValues?.(answers, input, settings) ?? {};
		const unsendable = [...Object.values(fromAnswers).filter((value) => !isSegmentValue(value)), ...Object.values(headers).filter((value) => !isHeaderText(value))];
		if (unsendable.length) {
			throw new ResetFailure(
				'unexpected_response',
				last.statusCode,
				undefined,
				`${profile.displayName} answered request ${index - 1} with a value request ${index} cannot send as it is (empty, "." or "..", or not header text): nothing more was sent`,
			);
		}
		const stepValues = inputValues(step, `${profile.displayName} profile's request ${index} path`, headers);
		const fields = step.fieldsFromAnswers ? { ...(stepValues.fields as IDataObject), ...step.fieldsFromAnswers(answers, settings, input) } : stepValues.fields;
		const valuesWithAnswers: WireValues = { ...stepValues, fields, pathValue: (name) => fromAnswers[name] ?? stepValues.pathValue(name) };
		const next = await exchangeAndRead(step, wireRequest(step, valuesWithAnswers));
		last = next.response;
		answers.push(last.body);
		json = next.json;
	}
	return { json, status: last.statusCode, link };
}

/**
 * Create Reset Link's success item: the link, checked, beside the rest.
 * Without a link, or with one that is not https on the Base URL's host, the item fails: the
 * link is the point of the operation, and a wrong one would send users to someone else's page.
 */
const withResetLink = (item: ItemRun, { json, status, link }: ServiceOutcome): IDataObject => {
	const { run } = item;
	// The link is already among the item's secrets (see `exchangeAndRead`): any echo of it elsewhere is redacted.
	const problem = resetLinkProblem(link, run.baseUrl, run.contract.linkHosts?.(run.settings));
	if (problem) {
		throw new ResetFailure(
			'unexpected_response',
			status,
			undefined,
			`${run.profile.displayName} ${problem}: no link was output. Check the Base URL and the service's settings`,
		);
	}
	return { ...json, resetLink: link as string };
};

/** Why a second item for one email in a run is refused, for the operations that act on the account. */
const ONCE_PER_EMAIL = {
	// The services keep one recovery token per user: a second link would leave the first item with a dead one.
	createResetLink: 'asks for a reset link for this email in this run: a second one would replace that link',
	setPassword: 'sets a password for this email in this run: a second one would replace it',
} as const;

/** Create Reset Link's and Set Password's per-run guard: one item per email (see `ONCE_PER_EMAIL`). */
const claimAccount = (run: RunContext, operation: keyof typeof ONCE_PER_EMAIL, email: string, itemIndex: number) => {
	const key = `${operation}\u0000${sendKey(email)}`;
	const earlier = run.guards.accounts.get(key);
	if (earlier !== undefined) throw invalidInput(`Item ${earlier} already ${ONCE_PER_EMAIL[operation]}. Nothing was sent for this item`);
	run.guards.accounts.set(key, itemIndex);
};

/**
 * Set Password's success item: what the set did besides the password, from the service's
 * documented behaviour and the options (checked against it before any request).
 */
const withSetEffects = (run: RunContext, json: IDataObject, { choices, newPassword }: ResetInput): IDataObject => ({
	...json,
	...(choices.generateTemporary ? { temporaryPassword: newPassword } : {}),
	mustChangeAtNextSignIn: choices.requireChange,
	otherSessionsSignedOut: SIGNED_OUT[run.contract.effects?.otherSessions ?? 'unknown'](choices),
});

/** `otherSessionsSignedOut` for what the service does with sessions on a set: null where its sources do not say. */
const SIGNED_OUT: Record<SetPasswordEffects['otherSessions'], (choices: SetPasswordChoices) => boolean | null> = {
	always: () => true,
	onRequest: (choices) => choices.signOutOtherSessions,
	never: () => false,
	unknown: () => null,
};

/**
 * Send Reset Email's per-run guards: an email already sent in this run is answered from that
 * send's outcome without a request, and past the run's limit nothing more is sent. The claim is
 * made synchronously when the item starts, so items claim their emails in input order.
 */
async function sendOnce(item: ItemRun, itemIndex: number): Promise<IDataObject> {
	const { run, input } = item;
	const { sends } = run.guards;
	const key = sendKey(input.email);
	const earlier = sends.get(key);
	if (earlier) return await answerDuplicate(earlier, run.operation, run.profile.id);
	if (sends.size >= run.options.maxSendsPerRun) {
		throw invalidInput(
			`More than ${run.options.maxSendsPerRun} reset emails in one run: this item was not sent. If the list is right, raise Max Reset Emails Per Run in the node's options`,
		);
	}
	const outcome = callService(item).then(({ json }) => json);
	sends.set(key, {
		itemIndex,
		failure: outcome.then(
			() => undefined,
			(error: unknown) => asFailure(error, run.operation, item),
		),
	});
	return await outcome;
}

/** A duplicate reports its first send's outcome: the skip when it succeeded, its failure when not. */
async function answerDuplicate(earlier: SendClaim, operation: Operation, service: string): Promise<IDataObject> {
	const failure = await earlier.failure;
	if (!failure) return { success: true, skipped: 'duplicate', operation, service };
	throw new ResetFailure(
		failure.errorCode,
		failure.httpStatus,
		failure.serverMessage,
		`Not sent: item ${earlier.itemIndex} has the same email, and its send failed (${failure.errorCode}): ${failure.message}`,
		failure.retryAfterSeconds,
	);
}

/**
 * Any error of an item as a typed failure. Bad input found by a check is `invalid_input`; one
 * the node did not raise itself is a cancellation when n8n cancelled the execution, and
 * otherwise a bug: `internal_error`, never dressed up as bad input or a network problem.
 */
const asFailure = (error: unknown, operation: Operation, item: Pick<ItemRun, 'signal' | 'secrets'>): ResetFailure => {
	if (error instanceof ResetFailure) return error.redacted(item.secrets);
	if (error instanceof InputProblem) return invalidInput(error.message).redacted(item.secrets);
	if (item.signal?.aborted) return cancelledFailure(operation, false);
	return toInternalError(error, item.secrets);
};

/** The item's operation, once its input is valid and its new password (where checked) passed. */
async function runOperation(item: ItemRun, itemIndex: number, checks: PasswordCheck[] | undefined): Promise<IDataObject> {
	const { run } = item;
	switch (run.operation) {
		case 'checkPassword':
			return { success: true, operation: 'checkPassword', service: run.profile.id, message: 'The new password passed every check', checks: checks ?? [] };
		case 'sendResetEmail':
			return await sendOnce(item, itemIndex);
		case 'createResetLink':
			claimAccount(run, 'createResetLink', item.input.email, itemIndex);
			return withResetLink(item, await callService(item));
		case 'setPassword':
			claimAccount(run, 'setPassword', item.input.email, itemIndex);
			return withSetEffects(run, (await callService(item)).json, item.input);
		default:
			return (await callService(item)).json;
	}
}

/**
 * Runs one item: guard, validate, check the new password, call, read the answer. Wired as the
 * operation's `pagination` function because it is the one declarative hook that wraps the
 * request itself: RoutingNode still drives the items (one call per item, with its own context),
 * and every failure (bad input, transport, service answer, cancellation, a bug) leaves here in
 * one shape: an error item under On Error = Continue, a safe node error under Stop. What does not vary per item is
 * read once, by the run's first item (see `runContext`).
 */
export async function runResetRequest(
	this: IExecutePaginationFunctions,
	registry: Registry,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const signal = this.getExecutionCancelSignal?.();
	const secrets: string[] = [];
	let run: RunContext | undefined;
	try {
		run = await runContextFor(this, registry);
		secrets.push(...run.credentialSecrets);
		if (signal?.aborted) throw cancelledFailure(run.operation, false);
		if (run.setupFailure) throw run.setupFailure;
		const input = readInput(this, run.operation, run.contract, run.mapping, run.isToolCall, run.options.choices);
		if (input.choices.generateTemporary) input.newPassword = temporaryPassword();
		secrets.push(...[input.resetToken, input.newPassword].filter(Boolean));
		validateInput(run.profile, run.contract, input, run.mapping);
		const item: ItemRun = { context: this, requestData, run, input, signal, secrets };
		const checks = run.checksPassword ? await checkNewPassword(this, run, input, secrets, signal) : undefined;
		const json = await runOperation(item, itemIndex, checks);
		// Whatever the service echoed, in whatever form: no secret leaves in the item (the reset link, checked, is the one meant to).
		// The two values an operation exists to hand over, once, in fields named as what they are: a created link, a generated temporary password.
		const handedOver = { ...(json.resetLink ? { resetLink: json.resetLink } : {}), ...(json.temporaryPassword ? { temporaryPassword: json.temporaryPassword } : {}) };
		return [{ json: { ...(redactValue(json, secrets) as IDataObject), ...handedOver }, pairedItem: { item: itemIndex } }];
	} catch (error) {
		const operation = run?.operation ?? readOperation(this);
		const failure = asFailure(error, operation, { signal, secrets });
		const failureContext: FailureContext = { itemIndex, operation, service: run?.profile?.id ?? run?.settings.service ?? '', credentialName: registry.edition.credential.displayName, nodeName: registry.edition.node.displayName };
		if (this.continueOnFail()) return [toFailureItem(failure, failureContext, this.getNode().typeVersion)];
		throw toNodeError(failure, this.getNode(), failureContext);
	}
}
