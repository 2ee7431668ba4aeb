/**
 * The local workspace as `askwell review` sees it: its house rules and its insights counters, opened
 * once per command and only when the database already exists — a first `askwell review` stays free of
 * storage (no house rules yet, nothing counted).
 */
import { existsSync } from "node:fs";
import { parseStorageConfig } from "../config/storage";
import type { HouseRules } from "../core/house-rules";
import type { ReviewResult } from "../core/types";
import { localOwner, openLocalTracker } from "../tracker/local";
import { workspaceOf } from "../team/team-service";

export interface LocalReviewWorkspace {
  policy: HouseRules | undefined;
  /** Counts a review for `askwell insights` (its verdict and rule ids only). */
  countReview(result: ReviewResult): Promise<void>;
  close(): Promise<void>;
}

export async function openLocalReviewWorkspace(env: Record<string, string | undefined>): Promise<LocalReviewWorkspace | null> {
  const config = parseStorageConfig(env);
  if (config.database.dialect === "sqlite" && (config.database.file === ":memory:" || !existsSync(config.database.file))) return null;
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
