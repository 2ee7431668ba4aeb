/** The local workspace's house rules for `askwell review`, read without creating a database that is not there yet. */
import { existsSync } from "node:fs";
import { parseStorageConfig } from "../config/storage";
import type { HouseRules } from "../core/house-rules";

export async function localHouseRules(env: Record<string, string | undefined>): Promise<HouseRules | undefined> {
  const config = parseStorageConfig(env);
  // No database yet means no house rules yet: a first `askwell review` stays free of storage, whose
  // modules (Kysely, SQLite, pg: tens of MB) load only when there is a database to read.
  if (config.database.dialect === "sqlite" && (config.database.file === ":memory:" || !existsSync(config.database.file))) return undefined;
  const { localOwner, openLocalTracker } = await import("../tracker/local.js");
  const { workspaceOf } = await import("../team/team-service.js");
  const local = await openLocalTracker(config);
  try {
    return await local.team?.policyFor(workspaceOf(localOwner(config)));
  } finally {
    await local.close();
  }
}
