import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { resolveProfile } from '../services';
import type { ErrorCode, Operation, ServiceResponse } from '../services/types';
import { ResetFailure, toFailureItem, toNodeError } from './errors';
import { readInput, readOperation, readOptions } from './input';
import { readResponse } from './readResponse';
import { redactText } from './redact';
import { takeSettings } from './settings';
import { validateItem } from './validate';

/** Transport codes that prove the request never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL']);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

const errorCodeOf = (error: unknown): string => {
	const candidate = error as { httpCode?: unknown; code?: unknown; cause?: { code?: unknown } };
	return String(candidate?.cause?.code ?? candidate?.code ?? candidate?.httpCode ?? '');
};

/**
 * A failure before any answer arrived. On Reset Password a request that may have reached the
 * server (timeout, dropped connection) is `unknown_outcome`: the password may have changed.
 */
const transportFailure = (error: unknown, operation: Operation): ResetFailure => {
	const code = errorCodeOf(error);
	const message = error instanceof Error ? error.message : '';
	const timedOut = TIMEOUT_CODES.has(code) || /timeout|timed out/i.test(message);
	let errorCode: ErrorCode;
	if (NOT_SENT_CODES.has(code)) errorCode = 'network_error';
	else if (operation === 'resetPassword') errorCode = 'unknown_outcome';
	else errorCode = timedOut ? 'timeout' : 'network_error';
	// The transport's own message may quote the request: only its code is kept.
	return new ResetFailure(errorCode, null, code || undefined);
};

/**
 * Runs one item: validate, call, read the answer. Wired as the operation's `pagination`
 * function because it is the one declarative hook that wraps the request itself, so every
 * failure (bad input, transport, service answer) leaves here in one shape: an error item
 * under On Error = Continue, a safe node error under Stop.
 */
export async function runResetRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const operation = readOperation(this);
	const settings = takeSettings(requestData.options);
	const profile = resolveProfile(settings);
	const context = { itemIndex, operation, service: profile?.id ?? settings.service };
	let secrets: string[] = settings.apiKey ? [settings.apiKey] : [];
	try {
		const input = readInput(this);
		secrets = [...secrets, input.resetToken, input.newPassword].filter(Boolean);
		const ignoreSslIssues = this.getNodeParameter('requestOptions.allowUnauthorizedCerts', false) === true;
		const validProfile = validateItem(profile, settings, operation, input, ignoreSslIssues);
		let answer: INodeExecutionData[];
		try {
			answer = await this.makeRoutingRequest(requestData);
		} catch (error) {
			throw transportFailure(error, operation);
		}
		const json = readResponse(answer[0].json as unknown as ServiceResponse, {
			profile: validProfile,
			operation,
			options: readOptions(this),
			secrets,
		});
		return [{ json, pairedItem: { item: itemIndex } }];
	} catch (error) {
		const failure =
			error instanceof ResetFailure
				? error
				: new ResetFailure(
						'invalid_input',
						null,
						undefined,
						`A parameter could not be read: ${redactText(error instanceof Error ? error.message : String(error), secrets)}`,
					);
		if (this.continueOnFail()) return [toFailureItem(failure, context)];
		throw toNodeError(failure, this.getNode(), context);
	}
}
