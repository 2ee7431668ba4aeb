import { existsSync } from "node:fs";
import { parseStorageConfig, type StorageConfig } from "../config/storage";
import { openLocalTracker, type LocalTracker } from "../tracker/local";

/**
 * The local tracker for a CLI command. Only a command that stores something (`asks add`) creates the
 * SQLite file; any other command on a file that does not exist yet runs on an empty in-memory
 * database, so looking around never leaves a `data/` folder behind.
 */
export async function openCommandTracker(env: Record<string, string | undefined>, options: { createIfMissing: boolean }): Promise<LocalTracker & { config: StorageConfig }> {
  const config = parseStorageConfig(env);
  const { database } = config;
  const missing = database.dialect === "sqlite" && database.file !== ":memory:" && !existsSync(database.file);
  const target = missing && !options.createIfMissing ? { ...config, database: { dialect: "sqlite" as const, file: ":memory:" } } : config;
  return { ...(await openLocalTracker(target)), config };
}
