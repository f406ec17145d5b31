import type { ICredentialType, Icon } from 'n8n-workflow';

import { hookCredentialTypeOf } from '../nodes/PasswordReset/trigger/description';
import { EDITION } from '../nodes/PasswordReset/edition';

/** This edition's Password Reset Trigger credential: the hook's secret (see trigger/description.ts). */
const credential = hookCredentialTypeOf(EDITION);

export class PasswordResetHookApi implements ICredentialType {
	name = credential.name;

	displayName = credential.displayName;

	icon: Icon = { light: 'file:../icons/password-reset.svg', dark: 'file:../icons/password-reset.dark.svg' };

	documentationUrl = credential.documentationUrl;

	properties = credential.properties;
}
