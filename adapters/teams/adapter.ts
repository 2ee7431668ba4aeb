import { CloudAdapter, ConfigurationServiceClientCredentialFactory, createBotFrameworkAuthenticationFromConfiguration, type Activity, type InvokeResponse, type TurnContext } from "botbuilder";
import type { TeamsCredentials } from "../../src/config/teams";
import type { Logger } from "../../src/logger";

/** CloudAdapter with its authenticate-and-run step public, so the HTTP route owns the answer to a failure (see mount.ts). */
export class TeamsCloudAdapter extends CloudAdapter {
  authenticateAndRun(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/**
 * The Bot Framework adapter. With `credentials: null` every field is empty, which is how botbuilder
 * disables authentication (the Emulator flow); with an app id, unsigned requests are refused (401).
 * Its turn-error handler is the platform's one top-level handler: it logs with context and answers kindly.
 */
export function createTeamsAdapter(credentials: TeamsCredentials | null, logger: Logger): TeamsCloudAdapter {
  const auth = createBotFrameworkAuthenticationFromConfiguration(
    null,
    new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: credentials?.appId ?? "",
      MicrosoftAppPassword: credentials?.appPassword ?? "",
      MicrosoftAppType: credentials?.appType ?? "",
      MicrosoftAppTenantId: credentials?.tenantId ?? "",
    }),
  );
  const adapter = new TeamsCloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    const activity = context.activity;
    logger.error(
      { err: error instanceof Error ? error.message : String(error), type: activity.type, conversationType: activity.conversation?.conversationType, tenant: activity.conversation?.tenantId },
      "teams: turn failed",
    );
    if (activity.type !== "message" && activity.type !== "invoke") return;
    try {
      await context.sendActivity("Sorry, something went wrong on my side and I couldn't finish that. Nothing you sent was lost: please try again in a minute.");
    } catch (sendError) {
      logger.warn({ err: sendError instanceof Error ? sendError.message : String(sendError) }, "teams: could not tell the user about the failure");
    }
  };
  return adapter;
}
