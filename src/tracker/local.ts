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

export function localOwner(config: Pick<StorageConfig, "localUser">): Owner {
  return { platform: "console", workspaceId: "local", userId: config.localUser };
}

export interface LocalTracker {
  tracker: TrackerService;
  store: AskStore;
  owner: Owner;
  close(): Promise<void>;
}

export async function openLocalTracker(config: StorageConfig, logger?: Logger): Promise<LocalTracker> {
  const store = await openStore(config);
  const tracker = createTrackerService(store, { policy: config.policy, storeDrafts: config.storeDrafts, ...(logger ? { logger } : {}) });
  return { tracker, store, owner: localOwner(config), close: () => store.close() };
}
