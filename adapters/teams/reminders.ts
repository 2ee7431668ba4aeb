/** The Teams reminder delivery as the `askwell reminders run` CLI builds it, from the bot's own environment. */
import type { Env } from "../../src/config/env";
import { parseTeamsConfig } from "../../src/config/teams";
import type { ReminderDelivery } from "../../src/core/ports";
import { createLogger } from "../../src/logger";
import type { TrackerService } from "../../src/tracker/tracker-service";
import { createTeamsAdapter } from "./adapter";
import { teamsReminderDelivery } from "./delivery";

/** Routes reminders of `teams` owners to a proactive Teams message and everyone else's to `fallback`. */
export function teamsReminderDeliveryFromEnv(env: Env, fallback: ReminderDelivery, tracker: TrackerService): ReminderDelivery {
  const config = parseTeamsConfig(env);
  if (!config.enabled) return fallback;
  // The CLI's standard output is the user's; logs go to standard error.
  const logger = createLogger({ level: env.LOG_LEVEL ?? "warn", destination: process.stderr });
  const teams = teamsReminderDelivery({ adapter: createTeamsAdapter(config.credentials, logger), appId: config.appId ?? "", tracker, logger, now: () => new Date() });
  return { deliver: (reminder) => (reminder.ask.owner.platform === "teams" ? teams : fallback).deliver(reminder) };
}
