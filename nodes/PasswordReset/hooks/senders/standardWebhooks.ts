import type { HookSender } from "../../kernel/hooks";
import { recipient, textAt } from "../read";

/**
 * The message a forwarder signs with Standard Webhooks (the spec's recommended
 * `{type, timestamp, data}`), as docs/trigger.md gives it for any app and for the Auth0 and
 * Better Auth forwarders: `data` holds `email` or `phone`, `user_id`, `name`, `code`, `link`,
 * `token`, `redirect_to`, `locale` and `expires_at`, each where the app has it.
 */
export const forwardedMessage =
  (resetTypes: readonly string[]): HookSender["read"] =>
  (body) => {
    const type = textAt(body, "type") ?? "";
    const to = recipient(
      textAt(body, "data.email") ?? textAt(body, "data.phone"),
    );
    return {
      serviceType: type,
      isReset: resetTypes.includes(type),
      ...to,
      userId: textAt(body, "data.user_id"),
      name: textAt(body, "data.name"),
      code: textAt(body, "data.code"),
      link: textAt(body, "data.link"),
      token: textAt(body, "data.token"),
      redirectTo: textAt(body, "data.redirect_to"),
      locale: textAt(body, "data.locale"),
      expiresAt: textAt(body, "data.expires_at"),
    };
  };

/** Any app that signs its calls with Standard Webhooks and sends the message above; `password_reset` is a reset. */
export const standardWebhooksHook: HookSender = {
  id: "standardWebhooks",
  displayName: "Standard Webhooks (Any App)",
  scheme: "standardWebhooks",
  setup: "Your app signs with a whsec_ secret; type password_reset",
  notice:
    "For your own app: sign each call with Standard Webhooks (the standardwebhooks library) and a whsec_ secret, and send {type: 'password_reset', timestamp, data: {email, code, link, …}}; see the docs for the fields.",
  read: forwardedMessage(["password_reset"]),
};
