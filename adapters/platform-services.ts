/**
 * What a chat platform opens before anything of its own: the database, the team's house rules and
 * insights, the tracker, the review service and the review pool, each closed with the rest if a later
 * start-up step fails.
 */
import type { Logger } from "../src/logger";
import type { ReviewPoolConfig } from "../src/config/reviews";
import type { StorageConfig } from "../src/config/storage";
import { createReviewServiceFromEnv } from "../src/llm/model-review-service";
import { settingsTokenUsageStore } from "../src/llm/settings-token-usage";
import { openStore } from "../src/storage";
import { createTrackerService } from "../src/tracker";
import { insightsServiceFor, teamServiceFor } from "../src/tracker/local";
import type { Closers } from "./closers";
import { startReviewPool, type ReviewPool } from "./review-pool";

export interface PlatformServiceOptions {
  env: Parameters<typeof createReviewServiceFromEnv>[0];
  logger: Logger;
  now: () => Date;
  storage: StorageConfig;
  /** Whose token budget the model's usage counts against. */
  platform: Parameters<typeof settingsTokenUsageStore>[1];
  /** REVIEW_WORKERS and REVIEW_TIME_LIMIT_MS. */
  reviewPool: ReviewPoolConfig;
  /** The pool of a platform already running in this process (Slack's, when Teams shares its server): reused, not closed here. */
  sharedPool?: ReviewPool | null;
}

/** A server writes its insight counters about once a second, not once per review (see InsightsServiceOptions). */
const INSIGHTS_HOLD_MS = 1000;

export async function openPlatformServices(options: PlatformServiceOptions, closers: Closers) {
  const { env, logger, now, storage, platform } = options;
  let reviewPool = options.sharedPool;
  if (reviewPool === undefined) {
    const started = startReviewPool({ size: options.reviewPool.workers, timeLimitMs: options.reviewPool.timeLimitMs, logger });
    if (started) closers.add(() => started.close());
    reviewPool = started;
  }
  const store = await openStore(storage);
  closers.add(() => store.close());
  const team = teamServiceFor(store, logger);
  const insights = insightsServiceFor(store, logger, { holdCountsMs: INSIGHTS_HOLD_MS });
  if (insights) closers.add(() => insights.flush());
  const tracker = createTrackerService(store, { policy: storage.policy, storeDrafts: storage.storeDrafts, logger, team, insights });
  const reviews = createReviewServiceFromEnv(env, logger, { now, usage: settingsTokenUsageStore(store, platform, now) });
  return { store, team, insights, tracker, reviews, reviewPool };
}
