'use strict';
/**
 * The Password Reset Trigger's workflows, built in one place: the examples (npm run examples
 * writes them) and the e2e suite's, one per service, each delivering the message through n8n's
 * Send Email node (the suite's SMTP sink). Every one keeps no successful or failed execution
 * data unless the suite counts its runs: the items carry live reset codes.
 */
const TRIGGER_TYPE = 'n8n-nodes-password-reset.passwordResetTrigger';
const HOOK_CREDENTIAL_TYPE = 'passwordResetHookApi';
const { SMTP_CREDENTIAL_ID } = require('./workflows.cjs');

const capitalized = (text) => `${text[0].toUpperCase()}${text.slice(1)}`;
const hookCredentialId = (key) => `hook${capitalized(key)}`;

/** Each hook credential, one per key of `secrets` (a service id, or a variant's name). */
const hookCredentials = (secrets) => Object.entries(secrets).map(([key, secret]) => ({ id: hookCredentialId(key), name: hookCredentialId(key), type: HOOK_CREDENTIAL_TYPE, data: { secret } }));

/** The settings a workflow that delivers codes should have: nothing of its runs kept. */
const KEEP_NO_RUNS = { executionOrder: 'v1', saveDataSuccessExecution: 'none', saveDataErrorExecution: 'none', saveManualExecutions: false };

/** The webhook path of a trigger: n8n serves it at /webhook/<webhookId>/password-reset. */
const webhookIdOf = (workflowId) => `password-reset-${workflowId}`;

/** A workflow: the trigger (its `service`, `parameters`, credential `credentialKey`) → Send Email with `email`'s subject and text. */
const mailerWorkflow = ({ id, name, service, credentialKey = service, parameters = {}, settings = { executionOrder: 'v1' }, email }) => ({
	id,
	name,
	active: false,
	settings,
	pinData: {},
	nodes: [
		{
			id: `${id}-0`,
			name: 'Reset Message',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: webhookIdOf(id),
			parameters: { service, ...parameters },
			credentials: { [HOOK_CREDENTIAL_TYPE]: { id: hookCredentialId(credentialKey), name: hookCredentialId(credentialKey) } },
		},
		{
			id: `${id}-1`,
			name: 'Send Your Email',
			type: 'n8n-nodes-base.emailSend',
			typeVersion: 2.1,
			position: [260, 0],
			parameters: { fromEmail: 'no-reply@example.com', toEmail: '={{ $json.email }}', subject: email.subject, emailFormat: 'text', text: email.text, options: {} },
			credentials: { smtp: { id: SMTP_CREDENTIAL_ID, name: SMTP_CREDENTIAL_ID } },
		},
	],
	connections: { 'Reset Message': { main: [[{ node: 'Send Your Email', type: 'main', index: 0 }]] } },
});

/**
 * Supabase's password reset through your own SMTP and template (no 2-an-hour limit): the Send
 * Email Hook hands the code and link to n8n, which mails them. Nothing of its runs is kept.
 */
const supabaseResetMailer = ({ supabaseProjectUrl = 'https://your-project-ref.supabase.co' } = {}) =>
	mailerWorkflow({
		id: 'prSupabaseResetMailer',
		name: 'Password Reset Trigger: Supabase resets through your own SMTP',
		service: 'supabase',
		parameters: { projectUrl: supabaseProjectUrl, options: { includeOtherTypes: false } },
		settings: KEEP_NO_RUNS,
		email: {
			subject: 'Reset your password',
			text: '=Hi,\n\nSomeone (we hope you) asked to reset the password of {{ $json.email }}.\n\nOpen this link to choose a new one:\n{{ $json.link }}\n\nOr type this code: {{ $json.code }}\n\nIf it was not you, ignore this email: your password stays as it is.',
		},
	});

/** Clerk's reset code by SMS through Twilio: Clerk's "Delivered by Clerk" off for the reset code SMS, its sms.created event here. */
const clerkResetCodeBySms = () => ({
	id: 'prClerkResetCodeBySms',
	name: 'Password Reset Trigger: Clerk reset codes by SMS (Twilio)',
	active: false,
	settings: KEEP_NO_RUNS,
	pinData: {},
	nodes: [
		{
			id: 'prClerkResetCodeBySms-0',
			name: 'Reset Message',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: webhookIdOf('prClerkResetCodeBySms'),
			parameters: { service: 'clerk', options: {} },
			credentials: { [HOOK_CREDENTIAL_TYPE]: { id: hookCredentialId('clerk'), name: hookCredentialId('clerk') } },
		},
		{
			id: 'prClerkResetCodeBySms-1',
			name: 'Send SMS',
			type: 'n8n-nodes-base.twilio',
			typeVersion: 1,
			position: [260, 0],
			parameters: { from: '+15005550006', to: '={{ $json.phone }}', message: '=Your password reset code is {{ $json.code }}. It was requested for your account; if not by you, ignore this message.', options: {} },
			credentials: { twilioApi: { id: 'exampleTwilio', name: 'exampleTwilio' } },
		},
	],
	connections: { 'Reset Message': { main: [[{ node: 'Send SMS', type: 'main', index: 0 }]] } },
});

/** What the suite's mailers write: the service, type, code and link, one per line, for the sink to read back. */
const DELIVERY_TEXT = '=service={{ $json.service }}\ntype={{ $json.type }}\ncode={{ $json.code }}\nlink={{ $json.link }}\nuser={{ $json.userId }}';

/**
 * The suite's trigger workflow: one trigger per service (Kratos with its header named), each
 * mailing what it received, in one workflow (one import, one activation), webhook ids
 * `password-reset-<service>`.
 */
const triggerWorkflow = (services) => {
	const branches = services.map((service) => {
		const single = mailerWorkflow({
			id: `prTrigger-${service}`,
			name: service,
			service,
			parameters: service === 'kratos' ? { headerName: 'X-Hook-Secret' } : {},
			email: { subject: `${service} reset`, text: DELIVERY_TEXT },
		});
		const [trigger, mailer] = single.nodes;
		const row = services.indexOf(service) * 200;
		return [
			{ ...trigger, id: `prTriggerServices-${service}-0`, name: `${service} Message`, position: [0, row], webhookId: `password-reset-${service}` },
			{ ...mailer, id: `prTriggerServices-${service}-1`, name: `${service} Mail`, position: [260, row] },
		];
	});
	return {
		id: 'prTriggerServices',
		name: 'Password Reset Trigger e2e: one trigger per service',
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
		nodes: branches.flat(),
		connections: Object.fromEntries(services.map((service) => [`${service} Message`, { main: [[{ node: `${service} Mail`, type: 'main', index: 0 }]] }])),
	};
};

/** Answering when the last node finishes (Standard Webhooks). */
const afterWorkflowMailer = () =>
	mailerWorkflow({
		id: 'prTriggerAfterWorkflow',
		name: 'Password Reset Trigger e2e: answer when the last node finishes',
		service: 'standardWebhooks',
		parameters: { respond: 'whenLastNodeFinishes' },
		email: { subject: 'after reset', text: DELIVERY_TEXT },
	});

module.exports = { supabaseResetMailer, clerkResetCodeBySms, triggerWorkflow, afterWorkflowMailer, mailerWorkflow, hookCredentials, hookCredentialId, webhookIdOf, TRIGGER_TYPE, HOOK_CREDENTIAL_TYPE, KEEP_NO_RUNS };
