/**
 * A workspace uninstalls Askwell (`app_uninstalled`) or revokes its bot token (`tokens_revoked`): its
 * installation, and with it the stored bot token, is deleted at once. Bolt delivers both events without
 * an installation lookup, so they arrive even when the token no longer works.
 */
import type { App, InstallationStore } from "@slack/bolt";
import type { Logger } from "../../../src/logger";

type Envelope = { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean };

export function registerUninstallListeners(app: App, deps: { installationStore?: InstallationStore; logger: Logger }): void {
  const forgetInstallation = async (body: Envelope, reason: string): Promise<void> => {
    const query = { teamId: body.team_id, enterpriseId: body.enterprise_id, isEnterpriseInstall: body.is_enterprise_install === true };
    if (!deps.installationStore?.deleteInstallation) {
      deps.logger.info({ team: body.team_id, reason }, "slack: uninstalled (one-workspace mode: nothing stored to delete; remove SLACK_BOT_TOKEN)");
      return;
    }
    await deps.installationStore.deleteInstallation(query);
    deps.logger.info({ team: body.team_id, enterprise: body.enterprise_id, reason }, "slack: installation and bot token deleted");
  };

  app.event("app_uninstalled", async ({ body }) => forgetInstallation(body as Envelope, "app_uninstalled"));
  app.event("tokens_revoked", async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length > 0) await forgetInstallation(body as Envelope, "tokens_revoked");
  });
}
