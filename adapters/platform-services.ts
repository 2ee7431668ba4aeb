/**
 * What a chat platform opens before anything of its own: the database, the team's house rules and
 * insights, the tracker and the review service, each closed with the rest if a later start-up step fails.
 */
import type { Logger } from "../src/logger";
import type { StorageConfig } from "../src/config/storage";
import { createReviewServiceFromEnv } from "../src/llm/model-review-service";
import { settingsTokenUsageStore } from "../src/llm/settings-token-usage";
import { openStore } from "../src/storage";
import { createTrackerService } from "../src/tracker";
import { insightsServiceFor, teamServiceFor } from "../src/tracker/local";
import type { Closers } from "./closers";

export interface PlatformServiceOptions {
  env: Parameters<typeof createReviewServiceFromEnv>[0];
  logger: Logger;
  now: () => Date;
  storage: StorageConfig;
  /** Whose token budget the model's usage counts against. */
  platform: Parameters<typeof settingsTokenUsageStore>[1];
}

export async function openPlatformServices(options: PlatformServiceOptions, closers: Closers) {
  const { env, logger, now, storage, platform } = options;
  const store = await openStore(storage);
  closers.add(() => store.close());
  const team = teamServiceFor(store, logger);
  const insights = insightsServiceFor(store, logger);
  const tracker = createTrackerService(store, { policy: storage.policy, storeDrafts: storage.storeDrafts, logger, team, insights });
  const reviews = createReviewServiceFromEnv(env, logger, { now, usage: settingsTokenUsageStore(store, platform, now) });
  return { store, team, insights, tracker, reviews };
}
