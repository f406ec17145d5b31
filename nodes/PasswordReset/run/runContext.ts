import type { ICredentialsDecrypted, IExecuteSingleFunctions, INodeParameters } from 'n8n-workflow';

import { createHash } from 'crypto';

import { RequestQueue } from '../http/requestQueue';
import { invalidInput } from '../outcome/errors';
import type { ResetFailure } from '../outcome/errors';
import { valueAtPath } from '../kernel/json';
import type { Registry } from '../services/registry';
import type { Operation } from '../kernel/types';
import type { FieldMapping, NodeOptions } from './input';
import { readMapping, readOperation, readOptions } from './input';
import type { ValidRun } from './setup';
import { validateRun } from './setup';
import type { RequestSettings } from './settings';
import { credentialSecrets, settingsFrom } from './settings';

/** The first Send Reset Email of an email in this run, which its duplicates answer from. */
export interface SendClaim {
	itemIndex: number;
	/** Settles when that send has an outcome: its failure, or undefined when it succeeded. */
	failure: Promise<ResetFailure | undefined>;
}

/**
 * The guards that outlive one run where a run is one AI tool call: who was mailed, and whether
 * the service rate limited. Nothing else: no credential, no setting, no address in clear.
 */
export interface RunGuards {
	/** A hash of the lower-cased email → its first send. */
	sends: Map<string, SendClaim>;
	/** Open after a 429 the node did not wait out: nothing more is sent. */
	breaker: { open: boolean };
	/** Create Reset Link and Set Password: the operation and a hash of the lower-cased email → the item that acted on that account. */
	accounts: Map<string, number>;
}

const newGuards = (): RunGuards => ({ sends: new Map(), breaker: { open: false }, accounts: new Map() });

/** The key an email's send is remembered by: a hash, so no address is kept in memory in clear. */
export const sendKey = (email: string) => createHash('sha256').update(email.toLowerCase()).digest('base64');

/**
 * What every item of one run shares, built once by its first item: the credential (read once,
 * not per item), the resolved profile, the options and the checks that do not vary per item,
 * and the run's guards (the request queue, duplicate sends, the rate-limit breaker).
 */
export interface RunContext extends ValidRun {
	operation: Operation;
	/** The node runs as an AI agent's tool (see `runContextFor`). */
	isToolCall: boolean;
	/** The credential, read once: every request of the run passes it on instead of n8n reading it again. */
	credentials: ICredentialsDecrypted;
	settings: RequestSettings;
	/** The credential's secrets (its API key and password fields): every item redacts them. */
	credentialSecrets: string[];
	/** Set when the run cannot send at all (unknown service, bad Base URL, bad option): every item fails with it. */
	setupFailure?: unknown;
	/** The range API's answer for each hash prefix, asked once per run. */
	rangeAnswers: Map<string, Promise<Map<string, number>>>;
	options: NodeOptions;
	/** Map Input Fields by Name's field names; undefined when the parameters hold the values. */
	mapping: FieldMapping | undefined;
	queue: RequestQueue;
	guards: RunGuards;
}

const build = async (context: IExecuteSingleFunctions, registry: Registry, isToolCall: boolean, guards: RunGuards): Promise<RunContext> => {
	const operation = readOperation(context);
	const credentialType = registry.edition.credential.name;
	const data = await context.getCredentials(credentialType);
	const reference = context.getNode().credentials?.[credentialType];
	const credentials = { id: reference?.id ?? '', name: reference?.name ?? '', type: credentialType, data };
	const settings = settingsFrom(data);
	const profile = registry.resolveProfile(settings);
	const run = { operation, isToolCall, credentials, settings, credentialSecrets: credentialSecrets(settings, profile), guards };
	try {
		if (context.getNode().retryOnFail) {
			throw invalidInput(
				"Retry On Fail is on in this node's settings. n8n would run every item again, sending reset emails twice and reusing one-time tokens. Turn it off: the node retries safely by itself",
			);
		}
		const notForAgents = isToolCall ? NOT_FOR_AGENTS[operation] : undefined;
		if (notForAgents) throw invalidInput(`${notForAgents}. Do it in a workflow step the agent does not drive`);
		const modelFilled = isToolCall ? modelFilledSafeguard(context.getNode().parameters) : undefined;
		if (modelFilled) throw invalidInput(modelFilled);
		const options = readOptions(context, operation);
		const mapping = readMapping(context, isToolCall);
		const ignoreSslIssues = context.getNodeParameter('requestOptions.allowUnauthorizedCerts', false) === true;
		const valid = validateRun(profile, settings, operation, ignoreSslIssues, options.passwordCheck, options.choices, {
			credentialName: registry.edition.credential.displayName,
			nodeName: registry.edition.node.displayName,
		});
		const queue = new RequestQueue(options.maxConcurrentRequests, context.getExecutionCancelSignal?.());
		return { ...run, ...valid, options, mapping, queue, rangeAnswers: new Map() };
	} catch (setupFailure) {
		return { ...run, setupFailure } as RunContext;
	}
};

/** Operations an AI agent's tool call is refused, and why. */
const NOT_FOR_AGENTS: Partial<Record<Operation, string>> = {
	createResetLink: 'Create Reset Link is not available to an AI agent: the link opens the account to whoever holds it, and it would pass through the model',
	setPassword: "Set Password is not available to an AI agent: a model talked into it would take over someone's account",
};

/** Parameters an AI model must never fill, and why, as the refusal says it. */
const NEVER_MODEL_FILLED: Record<string, string> = {
	newPassword: 'New Password: a model would choose the password, or carry the one the user typed through its provider',
	resetToken: 'Reset Token: a model can be talked into guessing codes, and the code would pass through its provider',
	'options.revealUnknownAccounts': 'Reveal Unknown Accounts: a model could turn the agent into a way to find out who has an account',
	'options.maxSendsPerRun': 'Max Reset Emails Per Run: the guard would be the model\'s to lift',
};

const FROM_AI = /\$fromAI\s*\(/i;

/** The refusal when a tool's builder let the model fill a parameter it must never fill. */
const modelFilledSafeguard = (parameters: INodeParameters): string | undefined => {
	const filled = Object.keys(NEVER_MODEL_FILLED).filter((name) => {
		const value = valueAtPath(parameters, name);
		return typeof value === 'string' && FROM_AI.test(value);
	});
	if (!filled.length) return undefined;
	return `The AI model fills ${filled.map((name) => NEVER_MODEL_FILLED[name]).join('; ')}. Set ${filled.length > 1 ? 'them' : 'it'} in the node instead ($fromAI is for the Email only): nothing was sent`;
};

/** One run's context per run of the node: every item's context carries the run's execute data. */
const runs = new WeakMap<object, Promise<RunContext>>();

/**
 * As an AI agent's tool, each tool call is a run of its own, and an agent calls the tool several
 * times in one execution: there the guards last for the execution, so the agent cannot mail one
 * address twice or hammer a service that is rate limiting, whatever it asks. Only the guards:
 * each call reads the credential again, and no decrypted value stays in this map.
 */
const toolGuards = new Map<string, { guards: RunGuards; usedAt: number }>();
/** A tool's guards are dropped this long after its last call: an agent's calls come in minutes. */
const TOOL_GUARDS_IDLE_MS = 15 * 60 * 1000;

const guardsForToolCall = (context: IExecuteSingleFunctions): RunGuards => {
	const now = Date.now();
	for (const [key, entry] of toolGuards) if (now - entry.usedAt > TOOL_GUARDS_IDLE_MS) toolGuards.delete(key);
	const key = `${context.getExecutionId()}\u0000${context.getNode().name}`;
	const entry = toolGuards.get(key) ?? { guards: newGuards(), usedAt: now };
	entry.usedAt = now;
	toolGuards.set(key, entry);
	return entry.guards;
};

export const runContextFor = (context: IExecuteSingleFunctions, registry: Registry): Promise<RunContext> => {
	const key = context.getExecuteData();
	let run = runs.get(key);
	if (!run) {
		const isToolCall = context.getNode().type.endsWith('Tool');
		run = build(context, registry, isToolCall, isToolCall ? guardsForToolCall(context) : newGuards());
		runs.set(key, run);
	}
	return run;
};
