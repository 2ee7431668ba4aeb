/**
 * The local workspace as `askwell review` sees it: its house rules and its insights counters, opened
 * once per command and only when the database already exists — a first `askwell review` stays free of
 * storage (no house rules yet, nothing counted).
 */
import { existsSync } from "node:fs";
import { DEFAULT_SQLITE_FILE, storageConfigured } from "../config/storage-variables";
import type { HouseRules } from "../core/house-rules";
import type { ReviewResult } from "../core/types";

export interface LocalReviewWorkspace {
  policy: HouseRules | undefined;
  /** Counts a review for `askwell insights` (its verdict and rule ids only). */
  countReview(result: ReviewResult): Promise<void>;
  close(): Promise<void>;
}

export async function openLocalReviewWorkspace(env: Record<string, string | undefined>): Promise<LocalReviewWorkspace | null> {
  // Nothing set means nothing to validate and the default database file: when that file is absent
  // too, the answer is known without the config parser (zod, about 14 MB of a batch's peak memory).
  if (!storageConfigured(env) && !existsSync(DEFAULT_SQLITE_FILE)) return null;
  const { parseStorageConfig } = await import("../config/storage.js");
  const config = parseStorageConfig(env);
  // No database yet means no house rules or counts yet: a first `askwell review` stays free of storage,
  // whose modules (Kysely, SQLite, pg: tens of MB) load only when there is a database to read.
  if (config.database.dialect === "sqlite" && (config.database.file === ":memory:" || !existsSync(config.database.file))) return null;
  const { localOwner, openLocalTracker } = await import("../tracker/local.js");
  const { workspaceOf } = await import("../team/team-service.js");
  const local = await openLocalTracker(config);
  const workspace = workspaceOf(localOwner(config));
  try {
    const policy = await local.team?.policyFor(workspace);
    return {
      policy,
      countReview: async (result) => void (await local.insights?.countReview(workspace, result, new Date())),
      close: () => local.close(),
    };
  } catch (error) {
    await local.close();
    throw error;
  }
}
