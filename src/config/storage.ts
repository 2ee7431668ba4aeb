import { userInfo } from "node:os";
import { z } from "zod";
import type { FollowUpPolicy } from "../core/follow-up-policy";
import { isKnownTimeZone } from "../core/working-hours";
import { ConfigError, envBoolean, parseSection, type Env } from "./env";
import { DEFAULT_SQLITE_FILE, type StorageVariable } from "./storage-variables";

export { DEFAULT_SQLITE_FILE };

export type DatabaseTarget = { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string };

export interface StorageConfig {
  database: DatabaseTarget;
  /** Keep the draft text of tracked asks (off: only a fingerprint and the engine's summary). */
  storeDrafts: boolean;
  policy: FollowUpPolicy;
  reminderIntervalMs: number;
  reminderLeaseMs: number;
  /** The local user of the console chat and the CLI: both share this identity and so see the same asks. */
  localUser: string;
  /** The local user's IANA zone (quiet hours for reminders). */
  localTimeZone: string;
}

const databaseUrl = z
  .string()
  .default(`sqlite:${DEFAULT_SQLITE_FILE}`)
  .transform((url, ctx): DatabaseTarget => {
    if (/^postgres(ql)?:\/\//.test(url)) return { dialect: "postgres", url };
    const file = url.startsWith("sqlite:") ? url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "") : "";
    if (file) return { dialect: "sqlite", file };
    ctx.addIssue({ code: "custom", message: "must be sqlite:<file> or postgres://…" });
    return z.NEVER;
  });

const days = z.coerce.number().positive({ message: "must be a positive number of days" });
const hour = z.coerce.number().int().min(0).max(24, { message: "must be an hour from 0 to 24" });
const timeZone = z.string().refine(isKnownTimeZone, { message: "is not a known IANA time zone" });

const schema = z.object({
  DATABASE_URL: databaseUrl,
  STORE_DRAFTS: envBoolean.default(false),
  FOLLOW_UP_AFTER_DAYS: days.default(7),
  SILENCE_AFTER_DAYS: days.default(7),
  WORKDAY_START_HOUR: hour.default(9),
  WORKDAY_END_HOUR: hour.default(18),
  REMINDER_INTERVAL_SECONDS: z.coerce.number().positive({ message: "must be a positive number of seconds" }).default(60),
  REMINDER_LEASE_SECONDS: z.coerce.number().positive({ message: "must be a positive number of seconds" }).default(300),
  ASKWELL_USER: z.string().optional(),
  ASKWELL_TIME_ZONE: timeZone.optional(),
} satisfies Record<StorageVariable, z.ZodType>);

function systemUser(): string {
  try {
    return userInfo().username || "me";
  } catch {
    return "me";
  }
}

export function parseStorageConfig(env: Env): StorageConfig {
  const c = parseSection(schema, env, {
    DATABASE_URL: "sqlite:./data/askwell.db or postgres://user@host:5432/db",
    STORE_DRAFTS: "true or false",
    WORKDAY_START_HOUR: "an hour such as 9",
    WORKDAY_END_HOUR: "an hour such as 18",
    ASKWELL_TIME_ZONE: "a zone such as Europe/Paris",
  });
  if (c.WORKDAY_START_HOUR >= c.WORKDAY_END_HOUR) {
    throw new ConfigError([`WORKDAY_END_HOUR: must be later than WORKDAY_START_HOUR (${c.WORKDAY_START_HOUR})`]);
  }
  return {
    database: c.DATABASE_URL,
    storeDrafts: c.STORE_DRAFTS,
    policy: {
      followUpAfterDays: c.FOLLOW_UP_AFTER_DAYS,
      silenceAfterDays: c.SILENCE_AFTER_DAYS,
      workingHours: { startHour: c.WORKDAY_START_HOUR, endHour: c.WORKDAY_END_HOUR },
    },
    reminderIntervalMs: c.REMINDER_INTERVAL_SECONDS * 1000,
    reminderLeaseMs: c.REMINDER_LEASE_SECONDS * 1000,
    localUser: c.ASKWELL_USER ?? env.USER ?? systemUser(),
    localTimeZone: c.ASKWELL_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC",
  };
}
