/**
 * `npm start` with Slack variables set: the tracker's database, the review service (model-backed when
 * OPENAI_API_KEY is set), the shared HTTP server with /healthz, the Bolt app, and the in-process
 * reminder runner delivering DMs (leases make several replicas on one PostgreSQL safe).
 */
import type { InstallationStore } from "@slack/bolt";
import { sql } from "kysely";
import type { Env } from "../../src/config/env";
import { parseReviewPoolConfig } from "../../src/config/reviews";
import { parseSlackConfig } from "../../src/config/slack";
import { parseStorageConfig } from "../../src/config/storage";
import { parseTeamConfig } from "../../src/config/team";
import type { AskStore } from "../../src/core/ask-store";
import type { Logger } from "../../src/logger";
import { KyselyAskStore } from "../../src/storage/kysely-ask-store";
import { createSeenRequests } from "../../src/storage/seen-requests";
import { secretBox } from "../../src/storage/secret-box";
import { startReminderRunner } from "../../src/tracker/runner";
import { Closers } from "../closers";
import { openPlatformServices } from "../platform-services";
import { createHttpServer, type HttpServer } from "../http/server";
import { createSlackApp } from "./app";
import { createSlackReminderDelivery } from "./delivery";
import { createInstallationStore, sealPlainInstallations } from "./installation-store";
import type { ReviewPool } from "../review-pool";

export interface RunningSlack {
  http: HttpServer;
  port: number;
  /** The review pool, for Teams when it shares this process. */
  reviewPool: ReviewPool | null;
  stop(): Promise<void>;
}

export function databaseHealthCheck(store: AskStore): () => Promise<void> {
  if (store instanceof KyselyAskStore) return async () => void (await sql`select 1`.execute(store.db));
  return async () => void (await store.listAsks({ platform: "slack", workspaceId: "-", userId: "-" }));
}

export async function startSlack(options: { env: Env; logger: Logger; now?: () => Date }): Promise<RunningSlack> {
  const { env, logger } = options;
  const now = options.now ?? (() => new Date());
  // Every section is parsed before anything opens, so a bad variable stops start-up at once.
  const config = parseSlackConfig(env);
  const storage = parseStorageConfig(env);
  const teamConfig = parseTeamConfig(env);
  const reviewPoolConfig = parseReviewPoolConfig(env);
  const closers = new Closers();
  return closers.guard(async () => {
    const { store, team, insights, tracker, reviews, reviewPool } = await openPlatformServices({ env, logger, now, storage, platform: "slack", reviewPool: reviewPoolConfig }, closers);
    let installationStore: InstallationStore | undefined;
    if (config.auth.type === "oauth" && store instanceof KyselyAskStore) {
      const box = secretBox(config.auth.secretKey);
      const sealed = await sealPlainInstallations(store.db, box);
      if (sealed > 0) logger.info({ sealed }, "slack: stored installations encrypted");
      installationStore = createInstallationStore(store.db, box, now);
    }

    const http = createHttpServer({ port: config.port, logger, healthCheck: databaseHealthCheck(store) });
    closers.add(() => http.stop());
    const seenRequests = store instanceof KyselyAskStore ? createSeenRequests(store.db) : null;
    const slack = await createSlackApp({ config, http, installationStore, seenRequests, deps: { reviews, tracker, logger, now, reviewPool, team, insights, admins: teamConfig.admins, followUpAfterDays: storage.policy.followUpAfterDays } });
    closers.add(() => slack.stop());
    const port = await http.start();
    await slack.start();
    const runner = startReminderRunner(tracker, createSlackReminderDelivery(config, { installationStore, logger }), {
      intervalMs: storage.reminderIntervalMs,
      leaseMs: storage.reminderLeaseMs,
      logger,
      platforms: ["slack"],
    });
    closers.add(() => runner.stop());
    logger.debug({ mode: config.mode, auth: config.auth.type, port }, "slack: started");
    return { http, port, reviewPool, stop: () => closers.closeAll() };
  });
}

/** SIGTERM/SIGINT (a deploy, Ctrl-C): stop taking requests, finish the reminder sweep, close the database. */
export function stopOnSignals(running: Pick<RunningSlack, "stop">, logger: Logger): void {
  const stop = (signal: string) => {
    logger.info({ signal }, "slack: stopping");
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, "slack: unclean stop");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}
