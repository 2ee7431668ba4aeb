/**
 * `npm start` with Teams configured: the tracker's database, the review service (model-backed when
 * OPENAI_API_KEY is set), `POST /api/messages` on the shared HTTP server (Slack's, when Slack runs too,
 * else one of its own with /healthz on PORT), and the in-process runner delivering Teams reminders.
 */
import type { Env } from "../../src/config/env";
import { parseReviewPoolConfig } from "../../src/config/reviews";
import { parseStorageConfig } from "../../src/config/storage";
import { parseTeamConfig } from "../../src/config/team";
import { parseTeamsConfig } from "../../src/config/teams";
import type { Logger } from "../../src/logger";
import { startReminderRunner } from "../../src/tracker/runner";
import { AskwellError } from "../../src/errors";
import { Closers } from "../closers";
import { openPlatformServices } from "../platform-services";
import { createHttpServer, type HttpServer } from "../http/server";
import { createTeamsAdapter } from "./adapter";
import { TeamsBot } from "./bot";
import { teamsReminderDelivery } from "./delivery";
import { mountTeams } from "./mount";
import type { ReviewPool } from "../review-pool";

export interface RunningTeams {
  http: HttpServer;
  port: number;
  stop(): Promise<void>;
}

/** `shared`: the server (and review pool) of Slack running in the same process. */
export async function startTeams(options: { env: Env; logger: Logger; now?: () => Date; shared?: { http: HttpServer; port: number; reviewPool?: ReviewPool | null } }): Promise<RunningTeams> {
  const { env, logger } = options;
  const now = options.now ?? (() => new Date());
  const config = parseTeamsConfig(env);
  if (!config.enabled) throw new AskwellError("teams_disabled", "Teams is not configured: set TEAMS_ENABLED=true (and MicrosoftAppId/MicrosoftAppPassword outside local use).");
  const storage = parseStorageConfig(env);
  const teamConfig = parseTeamConfig(env);
  const reviewPoolConfig = parseReviewPoolConfig(env);
  const closers = new Closers();
  return closers.guard(async () => {
    const { team, insights, tracker, reviews, reviewPool } = await openPlatformServices(
      { env, logger, now, storage, platform: "teams", reviewPool: reviewPoolConfig, ...(options.shared?.reviewPool !== undefined ? { sharedPool: options.shared.reviewPool } : {}) },
      closers,
    );
    const adapter = createTeamsAdapter(config.credentials, logger);
    const appId = config.appId ?? "";
    const bot = new TeamsBot({ reviews, tracker, logger, now, appId, team, insights, admins: teamConfig.admins, followUpAfterDays: storage.policy.followUpAfterDays, reviewPool });
    closers.add(() => bot.idle());

    const healthCheck = async () => {
      const probe = await tracker.listAsks({ platform: "teams", workspaceId: "-", userId: "-" });
      if (!probe.ok) throw new Error(probe.code);
    };
    const http = options.shared?.http ?? createHttpServer({ port: config.port, logger, healthCheck });
    if (!options.shared) closers.add(() => http.stop());
    mountTeams(http.app, { adapter, bot, logger });
    const port = options.shared?.port ?? (await http.start());
    const delivery = teamsReminderDelivery({ adapter, appId, tracker, logger, now });
    const runner = startReminderRunner(
      tracker,
      delivery,
      // Another platform's runner (Slack's) delivers its own owners' reminders.
      { intervalMs: storage.reminderIntervalMs, leaseMs: storage.reminderLeaseMs, logger, platforms: ["teams"] },
    );
    closers.add(() => runner.stop());
    logger.debug({ port, authenticated: config.credentials !== null, shared: Boolean(options.shared) }, "teams: started");
    if (config.credentials === null) logger.warn("teams: running without authentication (MicrosoftAppId empty): for local use with the Bot Framework Emulator only");
    return { http, port, stop: () => closers.closeAll() };
  });
}
