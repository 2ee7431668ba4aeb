/**
 * The bot scopes Askwell needs, derived from what the code does: each Web API method it calls, each
 * event it subscribes to, and each feature it declares, with the scope Slack's documentation gives
 * for a bot token. test/slack-manifest.test.ts finds the calls in adapters/slack and fails when one
 * is missing here (or listed here but no longer called), and checks app-manifest.yml against BOT_SCOPES.
 */

/** Web API method → bot scopes (https://api.slack.com/methods/<method>). */
export const METHOD_SCOPES: Record<string, readonly string[]> = {
  "auth.test": [],
  "chat.postMessage": ["chat:write"],
  "chat.update": ["chat:write"],
  // Opening a DM with one user (reminders).
  "conversations.open": ["im:write"],
  // Threads in the public and private channels where Askwell is mentioned.
  "conversations.replies": ["channels:history", "groups:history"],
  "users.info": ["users:read"],
  "views.open": [],
  "views.publish": [],
  "views.update": [],
};

/** Events API subscription → bot scopes (https://api.slack.com/events/<event>). */
export const EVENT_SCOPES: Record<string, readonly string[]> = {
  app_home_opened: [],
  app_mention: ["app_mentions:read"],
  "message.im": ["im:history"],
  // Uninstall and revocation need no scope; Askwell deletes the workspace's installation on them.
  app_uninstalled: [],
  tokens_revoked: [],
};

/** Slash commands and shortcuts both need `commands`. */
export const FEATURE_SCOPES: Record<string, readonly string[]> = {
  slash_command: ["commands"],
  message_shortcut: ["commands"],
};

export const BOT_SCOPES: string[] = [...new Set([...Object.values(METHOD_SCOPES), ...Object.values(EVENT_SCOPES), ...Object.values(FEATURE_SCOPES)].flat())].sort();
