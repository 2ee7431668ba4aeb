import type { WebClient } from "@slack/web-api";
import type { Viewer } from "./blocks";
import type { SlackDeps } from "./deps";

/**
 * Whether a user may change the workspace's house rules: listed in ASKWELL_ADMINS, or an admin or owner
 * of the Slack workspace (users.info). Slack being unreachable means no: nothing is changed by mistake.
 */
export async function isWorkspaceAdmin(deps: SlackDeps, client: WebClient, viewer: Viewer): Promise<boolean> {
  if (deps.admins?.includes(`slack:${viewer.teamId}:${viewer.userId}`)) return true;
  try {
    const info = await client.users.info({ user: viewer.userId });
    const user = info.user;
    return Boolean(user && (user.is_admin || user.is_owner || user.is_primary_owner));
  } catch (error) {
    deps.logger.warn({ team: viewer.teamId, err: error instanceof Error ? error.message : String(error) }, "slack: admin check failed");
    return false;
  }
}
