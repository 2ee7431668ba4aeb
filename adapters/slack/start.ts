/**
 * `npm start` with Slack variables set: the tracker's database, the review service (model-backed when
 * OPENAI_API_KEY is set), the shared HTTP server with /healthz, the Bolt app, and the in-process
 * reminder runner delivering DMs (leases make several replicas on one PostgreSQL safe).
 */
import { sql } from "kysely";
import type { Env } from "../../src/config/env";
import { parseSlackConfig } from "../../src/config/slack";
import { parseStorageConfig } from "../../src/config/storage";
import type { AskStore } from "../../src/core/ask-store";
import { createReviewServiceFromEnv } from "../../src/llm/model-review-service";
import { settingsTokenUsageStore } from "../../src/llm/settings-token-usage";
import type { Logger } from "../../src/logger";
import { openStore } from "../../src/storage";
import { KyselyAskStore } from "../../src/storage/kysely-ask-store";
import { createTrackerService } from "../../src/tracker";
import { startReminderRunner } from "../../src/tracker/runner";
import { createHttpServer, type HttpServer } from "../http/server";
import { createSlackApp } from "./app";
import { createSlackReminderDelivery } from "./delivery";
import { createInstallationStore } from "./installation-store";
import { startReviewPool } from "./review-pool";

export interface RunningSlack {
  http: HttpServer;
  port: number;
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
  const store = await openStore(storage);
  const tracker = createTrackerService(store, { policy: storage.policy, storeDrafts: storage.storeDrafts, logger });
  const reviews = createReviewServiceFromEnv(env, logger, { now, usage: settingsTokenUsageStore(store, "slack", now) });
  const installationStore = config.auth.type === "oauth" && store instanceof KyselyAskStore ? createInstallationStore(store.db, now) : undefined;

  const http = createHttpServer({ port: config.port, logger, healthCheck: databaseHealthCheck(store) });
  const pool = startReviewPool({ size: 1, logger });
  const slack = await createSlackApp({ config, http, installationStore, deps: { reviews, tracker, logger, now, reviewOffThread: pool?.reviewNow } });
  const port = await http.start();
  await slack.start();
  const runner = startReminderRunner(tracker, createSlackReminderDelivery(config, { installationStore, logger }), {
    intervalMs: storage.reminderIntervalMs,
    leaseMs: storage.reminderLeaseMs,
    logger,
    platforms: ["slack"],
  });
  logger.debug({ mode: config.mode, auth: config.auth.type, port }, "slack: started");
  return {
    http,
    port,
    async stop() {
      await runner.stop();
      await slack.stop();
      await http.stop();
      await pool?.close();
      await store.close();
    },
  };
}

/** SIGTERM/SIGINT (a deploy, Ctrl-C): stop taking requests, finish the reminder sweep, close the database. */
export function stopOnSignals(running: RunningSlack, logger: Logger): void {
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
