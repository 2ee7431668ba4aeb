/**
 * The local user of the console chat and the CLI. Both use one identity, so the asks tracked in the
 * console show up in `askwell asks list` and the other way round (same SQLite file, same user).
 */
import type { StorageConfig } from "../config/storage";
import type { AskStore } from "../core/ask-store";
import type { Owner } from "../core/ports";
import type { Logger } from "../logger";
import { openStore } from "../storage";
import { createTrackerService } from "./create-tracker-service";
import type { TrackerService } from "./tracker-service";
import { teamStoreFor } from "../storage/kysely-team-store";
import { insightsStoreFor } from "../storage/kysely-insights-store";
import { createTeamService, type TeamService } from "../team/team-service";
import { createInsightsService, type InsightsService, type InsightsServiceOptions } from "../team/insights-service";

export function localOwner(config: Pick<StorageConfig, "localUser">): Owner {
  return { platform: "console", workspaceId: "local", userId: config.localUser };
}

export interface LocalTracker {
  tracker: TrackerService;
  store: AskStore;
  owner: Owner;
  /** House rules of the local workspace and the connector notice; null over a store that is not ours. */
  team: TeamService | null;
  /** The local workspace's counters and monthly figures; null over a store that is not ours. */
  insights: InsightsService | null;
  close(): Promise<void>;
}

export async function openLocalTracker(config: StorageConfig, logger?: Logger): Promise<LocalTracker> {
  const store = await openStore(config);
  const team = teamServiceFor(store, logger);
  const insights = insightsServiceFor(store, logger);
  const tracker = createTrackerService(store, { policy: config.policy, storeDrafts: config.storeDrafts, team, insights, ...(logger ? { logger } : {}) });
  return { tracker, store, owner: localOwner(config), team, insights, close: () => store.close() };
}

/** The team service over the tracker's own database, or null when the store is not ours. */
export function teamServiceFor(store: AskStore, logger?: Logger): TeamService | null {
  const teamStore = teamStoreFor(store);
  return teamStore ? createTeamService(teamStore, logger ? { logger } : {}) : null;
}

/** The insights service over the tracker's own database, or null when the store is not ours. */
export function insightsServiceFor(store: AskStore, logger?: Logger, options: Omit<InsightsServiceOptions, "logger"> = {}): InsightsService | null {
  const insightsStore = insightsStoreFor(store);
  return insightsStore ? createInsightsService(insightsStore, { ...options, ...(logger ? { logger } : {}) }) : null;
}
