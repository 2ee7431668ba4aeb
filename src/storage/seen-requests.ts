/**
 * Remembers which requests were already handled, in the shared database, for a while: a platform's
 * retry or an attacker's replay that lands on any replica is recognised and not handled twice.
 */
import type { Kysely } from "kysely";
import { prepareQuery } from "./prepared-query";
import type { Database } from "./schema";

export interface SeenRequests {
  /** True the first time `key` is seen within `ttlMs` of `now`; false for a repeat (across processes). */
  firstSighting(key: string, now: Date, ttlMs: number): Promise<boolean>;
}

/** Expired keys are purged about once every this many sightings, so the table stays small. */
const PURGE_EVERY = 200;

/** Insert, or take over a key whose time is up; a live key makes this a no-op that returns nothing. */
const claimKey = prepareQuery<{ key: string; expiresAt: number; nowMs: number }, { key: string }>((db, { key, expiresAt, nowMs }) =>
  db
    .insertInto("seen_requests")
    .values({ key, expires_at: expiresAt })
    .onConflict((oc) => oc.column("key").doUpdateSet({ expires_at: expiresAt }).where("seen_requests.expires_at", "<=", nowMs))
    .returning("key"),
);

const purgeExpired = prepareQuery<{ nowMs: number }, unknown>((db, { nowMs }) => db.deleteFrom("seen_requests").where("expires_at", "<=", nowMs));

export function createSeenRequests(db: Kysely<Database>): SeenRequests {
  let sightings = 0;
  return {
    async firstSighting(key, now, ttlMs) {
      const nowMs = now.getTime();
      const { rows } = await claimKey.execute(db, { key, expiresAt: nowMs + ttlMs, nowMs });
      // Housekeeping only (an expired key is taken over anyway): it does not hold up the request that triggers it.
      if (++sightings % PURGE_EVERY === 0) void purgeExpired.execute(db, { nowMs }).catch(() => undefined);
      return rows.length > 0;
    },
  };
}
