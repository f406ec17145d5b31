import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { listed } from '../kernel/text';
import type { Registry } from '../services/registry';
import { servicesNeedingEmailToReset } from './prose';
import { showIn } from './mapping';
import { PASSWORD_SOURCES } from '../run/input';

export const resetPasswordOperation: INodePropertyOptions = {
	name: 'Reset Password',
	value: 'resetPassword',
	action: 'Reset a password with a reset token',
	description: 'Finish a password reset with the emailed token or code and a new password',
};

const showFor = showIn('defineBelow', ['resetPassword', 'checkPassword']);
/** The password to set: hidden where Set Password generates one. */
const showPasswordFor = { ...showIn('defineBelow', ['resetPassword', 'setPassword', 'checkPassword']), hide: { passSource: [PASSWORD_SOURCES.generated] } };

/** Which of this edition's services read the Email on a reset. */
const emailUse = (registry: Registry) => {
	const needing = servicesNeedingEmailToReset(registry);
	if (!needing.length) return 'The service takes the account from the token, so a reset ignores it.';
	return `${listed(needing)} ${needing.length > 1 ? 'need' : 'needs'} it to reset${needing.length < registry.edition.profiles.length ? '; the others ignore it' : ''}.`;
};

export const resetPasswordFields = (registry: Registry): INodeProperties[] => [
	{
		displayName: 'New Password',
		name: 'newPassword',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The password to set. Sent as typed, never trimmed.',
		displayOptions: showPasswordFor,
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: `Email address of the account. ${emailUse(registry)} Check New Password refuses a password containing the email's name or domain.`,
		displayOptions: showFor,
	},
];
