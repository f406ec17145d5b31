import type { ICredentialType, Icon } from 'n8n-workflow';

import { credentialTypeOf } from '../nodes/PasswordReset/describe/credential';
import { EDITION } from '../nodes/PasswordReset/edition';

/** This edition's credential, built from its edition (see describe/credential.ts). */
const credential = credentialTypeOf(EDITION);

export class PasswordResetApi implements ICredentialType {
	name = credential.name;

	displayName = credential.displayName;

	icon: Icon = { light: 'file:../icons/password-reset.svg', dark: 'file:../icons/password-reset.dark.svg' };

	documentationUrl = credential.documentationUrl;

	properties = credential.properties;

	authenticate = credential.authenticate;

	test = credential.test;
}
