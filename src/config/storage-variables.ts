/**
 * The variables the storage configuration reads (parsed in storage.ts), apart from its zod parser:
 * `askwell review` checks that none is set, and so that the defaults apply, without loading zod.
 */
export const STORAGE_VARIABLES = [
  "DATABASE_URL",
  "STORE_DRAFTS",
  "FOLLOW_UP_AFTER_DAYS",
  "SILENCE_AFTER_DAYS",
  "WORKDAY_START_HOUR",
  "WORKDAY_END_HOUR",
  "REMINDER_INTERVAL_SECONDS",
  "REMINDER_LEASE_SECONDS",
  "ASKWELL_USER",
  "ASKWELL_TIME_ZONE",
] as const;

export type StorageVariable = (typeof STORAGE_VARIABLES)[number];

export const DEFAULT_SQLITE_FILE = "./data/askwell.db";

/** Whether any storage variable has a value (a blank one counts as unset, as the parser reads it). */
export const storageConfigured = (env: Record<string, string | undefined>): boolean => STORAGE_VARIABLES.some((name) => !!env[name]?.trim());
