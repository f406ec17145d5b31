import { auth0Hook } from './hooks/senders/auth0';
import { betterAuthHook } from './hooks/senders/betterAuth';
import { clerkHook } from './hooks/senders/clerk';
import { kratosHook } from './hooks/senders/kratos';
import { logtoHook } from './hooks/senders/logto';
import { standardWebhooksHook } from './hooks/senders/standardWebhooks';
import { supabaseHook } from './hooks/senders/supabase';
import { zitadelHook } from './hooks/senders/zitadel';
import type { Edition } from './kernel/types';
import { appwrite } from './services/appwrite';
import { zitadel } from './services/zitadel';
import { workos } from './services/workos';
import { vendure } from './services/vendure';
import { stytch } from './services/stytch';
import { ghost } from './services/ghost';
import { fusionauth } from './services/fusionauth';
import { clerk } from './services/clerk';
import { authentik } from './services/authentik';
import { auth0 } from './services/auth0';
import { betterAuth, betterAuthEmailOtp } from './services/betterAuth';
import { cognito } from './services/cognito';
import { buildCustomProfile } from './services/custom';
import { directus } from './services/directus';
import { firebase } from './services/firebase';
import { industrialIot } from './services/industrialIot';
import { keycloak } from './services/keycloak';
import { magento } from './services/magento';
import { medusa } from './services/medusa';
import { okta } from './services/okta';
import { parse } from './services/parse';
import { payload } from './services/payload';
import { pocketbase } from './services/pocketbase';
import { strapi } from './services/strapi';
import { supabase } from './services/supabase';
import { wabotify } from './services/wabotify';
import { wibiclick } from './services/wibiclick';
import { wordpress } from './services/wordpress';
import { xano } from './services/xano';

/**
 * What this edition of the node is: its package, its names and the services it integrates.
 * This one is the all-services package (the product for self-hosted n8n, with Custom), and the
 * only place that lists the services and the hook senders: add a profile (or sender) file, then
 * one line here.
 * `npm run build:packages` writes one of these for each service's own package.
 */
export const EDITION: Edition = {
	packageName: 'n8n-nodes-password-reset',
	documentationUrl: {
		node: 'https://github.com/n8n-nodes-password-reset/n8n-nodes-password-reset#readme',
		credential: 'https://github.com/n8n-nodes-password-reset/n8n-nodes-password-reset#credentials',
	},
	node: { name: 'passwordReset', displayName: 'Password Reset' },
	credential: { name: 'passwordResetApi', displayName: 'Password Reset API' },
	custom: buildCustomProfile,
	profiles: [
		wibiclick,
		wabotify,
		xano,
		industrialIot,
		supabase,
		firebase,
		pocketbase,
		directus,
		strapi,
		appwrite,
		auth0,
		betterAuth,
		betterAuthEmailOtp,
		magento,
		payload,
		medusa,
		okta,
		cognito,
		parse,
		keycloak,
		wordpress,
		clerk,
		workos,
		fusionauth,
		zitadel,
		authentik,
		stytch,
		vendure,
		ghost,
	],
	trigger: {
		node: { name: 'passwordResetTrigger', displayName: 'Password Reset Trigger' },
		credential: { name: 'passwordResetHookApi', displayName: 'Password Reset Hook API' },
		documentationUrl: 'https://github.com/n8n-nodes-password-reset/n8n-nodes-password-reset/blob/main/docs/trigger.md',
		senders: [supabaseHook, clerkHook, logtoHook, zitadelHook, kratosHook, auth0Hook, betterAuthHook, standardWebhooksHook],
	},
};
