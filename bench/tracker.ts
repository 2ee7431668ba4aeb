/**
 * Tracker benchmark: with 100,000 asks stored (each with a scheduled reminder, 1,000 of them due),
 * how long the due-reminder sweep and claim takes on SQLite and on PostgreSQL.
 * PostgreSQL runs when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (a throw-away schema is used).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { sql, type Insertable } from "kysely";
import type { DatabaseTarget } from "../src/config/storage";
import { DEFAULT_FOLLOW_UP_POLICY } from "../src/core/follow-up-policy";
import { openKyselyStore } from "../src/storage";
import type { KyselyAskStore } from "../src/storage/kysely-ask-store";
import type { AsksTable, RemindersTable } from "../src/storage/schema";
import { createTrackerService } from "../src/tracker/create-tracker-service";

const ASKS = 100_000;
const DUE = 1_000;
const CLAIM_BATCH = 100;
const NOW = new Date("2030-06-03T10:00:00Z");
const DAY = 24 * 3600 * 1000;

async function seed(store: KyselyAskStore): Promise<void> {
  const chunk = 500;
  for (let start = 0; start < ASKS; start += chunk) {
    const asks: Insertable<AsksTable>[] = [];
    const reminders: Insertable<RemindersTable>[] = [];
    for (let i = start; i < Math.min(ASKS, start + chunk); i++) {
      const key = randomUUID();
      const user = `U${i % 2000}`;
      const sentAt = NOW.getTime() - 30 * DAY + (i % 1000) * 60_000;
      asks.push({
        key,
        platform: "slack",
        workspace_id: `T${i % 50}`,
        user_id: user,
        number: Math.floor(i / 2000) + 1,
        reader_user_id: null,
        reader_name: `Reader ${i}`,
        third_person: null,
        kind: "intro_request",
        sent_at: sentAt,
        state: "pending",
        followed_up_at: null,
        closed_at: null,
        fingerprint: (i % 7919).toString(16).padStart(16, "0"),
        summary: "intro_request",
        draft: null,
        time_zone: null,
        created_at: sentAt,
      });
      // The first DUE reminders are due; the rest fall due over the coming weeks.
      const dueAt = i < DUE ? NOW.getTime() - (i + 1) * 1000 : NOW.getTime() + (1 + (i % 30)) * DAY;
      reminders.push({ id: randomUUID(), ask_key: key, type: "follow_up_due", due_at: dueAt, lease_owner: null, lease_until: null, delivered_at: null, delivered_by: null });
    }
    await store.db.transaction().execute(async (trx) => {
      await trx.insertInto("asks").values(asks).execute();
      await trx.insertInto("reminders").values(reminders).execute();
    });
  }
  if (store.dialect === "postgres") await sql`analyze`.execute(store.db);
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

async function measure(name: string, store: KyselyAskStore): Promise<void> {
  const seedStart = performance.now();
  await seed(store);
  const seeded = performance.now() - seedStart;

  const emptySweeps: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await store.claimDueReminders(new Date(NOW.getTime() - 3 * DAY), `empty-${i}`, new Date(NOW.getTime() + 60_000), CLAIM_BATCH);
    emptySweeps.push(performance.now() - start);
  }
  const claims: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const claimed = await store.claimDueReminders(NOW, `bench-${i}`, new Date(NOW.getTime() + 60_000), CLAIM_BATCH);
    claims.push(performance.now() - start);
    if (claimed.length !== CLAIM_BATCH) throw new Error(`expected ${CLAIM_BATCH} claimed, got ${claimed.length}`);
  }
  // The full run: claim, build the message and drafted follow-up, deliver (no-op), record each delivery.
  const tracker = createTrackerService(store, { policy: DEFAULT_FOLLOW_UP_POLICY, storeDrafts: false });
  const start = performance.now();
  const run = await tracker.runDueReminders(NOW, { deliver: async () => undefined }, { runnerId: "bench-run", leaseMs: 60_000, batchSize: CLAIM_BATCH });
  const runMs = performance.now() - start;
  if (!run.ok) throw new Error(run.message);
  const delivered = run.value.delivered;

  const verdict = (ms: number) => (ms < 100 ? "ok, < 100 ms" : "OVER 100 ms");
  console.log(`tracker on ${name}: ${ASKS.toLocaleString("en-US")} asks with reminders (${DUE} due), seeded in ${(seeded / 1000).toFixed(1)} s`);
  console.log(`  sweep with nothing due:              median ${fmt(median(emptySweeps))}, max ${fmt(Math.max(...emptySweeps))}`);
  console.log(`  sweep + claim of ${CLAIM_BATCH} due reminders:     median ${fmt(median(claims))}, max ${fmt(Math.max(...claims))}  (${verdict(Math.max(...claims))})`);
  console.log(`  full run, ${delivered} reminders delivered:     ${fmt(runMs)} total, ${fmt((runMs / delivered) * CLAIM_BATCH)} per ${CLAIM_BATCH}`);
}

export async function benchTracker(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "askwell-bench-"));
  try {
    const store = await openKyselyStore({ dialect: "sqlite", file: join(dir, "bench.db") });
    try {
      await measure("SQLite", store);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log("tracker on PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL=postgres://…)");
    return;
  }
  const target: DatabaseTarget = { dialect: "postgres", url };
  const pgSchema = `bench_${randomBytes(4).toString("hex")}`;
  const store = await openKyselyStore(target, { pgSchema });
  try {
    await measure("PostgreSQL", store);
  } finally {
    await sql`drop schema if exists ${sql.id(pgSchema)} cascade`.execute(store.db);
    await store.close();
  }
}

if (require.main === module) {
  benchTracker().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
