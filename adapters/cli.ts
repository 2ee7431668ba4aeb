/**
 * The `askwell` binary's entry point: the platform-neutral CLI (src/cli) with the chat platforms'
 * reminder deliveries plugged in. SDKs load only when their platform is configured.
 */
import { main as runMain, runCli } from "../src/cli/main";
import { LOCAL_PLATFORMS, type CliIo, type ReminderDeliveryFactory } from "../src/cli/io";

/**
 * Slack users get DMs when Slack is configured, Teams users proactive messages when Teams is; local
 * users `fallback`. A platform that is not configured here is not claimed: its server delivers those.
 */
export const platformReminderDelivery: ReminderDeliveryFactory = async (env, fallback, local) => {
  // Loaded here, not at start-up: the config parsers bring zod, which `askwell review` does not need.
  const { isSlackConfigured } = await import("../src/config/slack.js");
  const { parseTeamsConfig } = await import("../src/config/teams.js");
  let delivery = fallback;
  const platforms = [...LOCAL_PLATFORMS];
  if (isSlackConfigured(env)) {
    delivery = (await import("./slack/delivery.js")).reminderDeliveryFromEnv(env, delivery, local.store);
    platforms.push("slack");
  }
  if (parseTeamsConfig(env).enabled) {
    delivery = (await import("./teams/reminders.js")).teamsReminderDeliveryFromEnv(env, delivery, local.tracker);
    platforms.push("teams");
  }
  return { delivery, platforms };
};

/** The CLI as the binary runs it, for tests that drive it in-process. */
export const runAskwell = (argv: string[], io: CliIo): Promise<number> => runCli(argv, { reminderDelivery: platformReminderDelivery, ...io });

export const main = (argv: string[]): Promise<void> => runMain(argv, { reminderDelivery: platformReminderDelivery });
