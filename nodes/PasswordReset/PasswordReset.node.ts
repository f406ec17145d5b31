import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { nodeDescriptionOf } from './describe/node';
import { EDITION } from './edition';

/** This edition's node, built from its edition (see describe/node.ts). */
const node = nodeDescriptionOf(EDITION);

export class PasswordReset implements INodeType {
	description: INodeTypeDescription = {
		...node,
		icon: { light: 'file:../../icons/password-reset.svg', dark: 'file:../../icons/password-reset.dark.svg' },
		subtitle: node.subtitle,
		usableAsTool: true,
	};
}
