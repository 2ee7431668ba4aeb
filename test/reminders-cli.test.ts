/**
 * `askwell reminders run` as cron runs it: the real binary on a shared database. It claims only the
 * reminders of platforms it can deliver to, and a runner killed with -9 while its reader is slow loses
 * nothing: every reminder ends up printed exactly once (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { DEFAULT_FOLLOW_UP_POLICY } from "../src/core/follow-up-policy";
import type { Owner } from "../src/core/ports";
import type { KyselyAskStore } from "../src/storage/kysely-ask-store";
import { createTrackerService } from "../src/tracker/create-tracker-service";
import { storageTargets, type TestDatabase } from "./storage-targets";

const BIN = join(__dirname, "..", "bin", "askwell.js");
const SENT_AT = new Date("2030-01-01T10:00:00Z");
const NOW = new Date("2030-01-20T10:00:00Z");
const LEASE_SECONDS = 60;
const local: Owner = { platform: "console", workspaceId: "local", userId: "kim" };
const slackUser: Owner = { platform: "slack", workspaceId: "T1", userId: "U1" };

jest.setTimeout(120_000);

/** DATABASE_URL for the binary: the test's SQLite file, or its PostgreSQL schema through search_path. */
function databaseUrl(database: TestDatabase): string {
  if (database.target.dialect === "sqlite") return `sqlite:${database.target.file}`;
  return `${database.target.url}${database.target.url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${database.pgSchema}`)}`;
}

/** A complete printed reminder ends with its command line and a blank line; a cut-off one does not count. */
function printedAsks(output: string): string[] {
  return [...output.matchAll(/Done with it\? `askwell asks close (\d+)`\n\n/g)].map((m) => m[1]!);
}

/** Everything left in a FIFO whose writers are gone. */
function drain(fd: number): string {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(65536);
  for (;;) {
    const n = readSync(fd, buffer);
    if (n === 0) return Buffer.concat(chunks).toString("utf8");
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
}

async function deliveredCount(store: KyselyAskStore): Promise<number> {
  const row = await sql<{ n: number | string }>`select count(*) as n from reminders where delivered_at is not null`.execute(store.db);
  return Number(row.rows[0]!.n);
}

describe.each(storageTargets)("askwell reminders run on $name", (target) => {
  let database: TestDatabase;
  let store: KyselyAskStore;
  let cwd: string;

  beforeEach(async () => {
    database = target.create();
    store = await database.open();
    cwd = mkdtempSync(join(tmpdir(), "askwell-reminders-"));
  });
  afterEach(async () => {
    await store.close();
    await database.dispose();
    rmSync(cwd, { recursive: true, force: true });
  });

  async function seed(owner: Owner, count: number): Promise<void> {
    const tracker = createTrackerService(store, { policy: DEFAULT_FOLLOW_UP_POLICY, storeDrafts: false });
    for (let i = 0; i < count; i++) {
      const result = await tracker.trackAsk(owner, { reader: `Reader ${i}`, kind: "intro_request", draft: `Hi, could you introduce me to person ${i}?`, summary: "intro_request", sentAt: SENT_AT });
      expect(result.ok).toBe(true);
    }
  }

  const env = () => ({ PATH: process.env.PATH ?? "", HOME: cwd, DATABASE_URL: databaseUrl(database), REMINDER_LEASE_SECONDS: String(LEASE_SECONDS) });

  it("without Slack or Teams variables, leaves Slack users' reminders for the Slack server", async () => {
    await seed(local, 1);
    await seed(slackUser, 1);
    const run = spawnSync(process.execPath, [BIN, "reminders", "run", "--now", NOW.toISOString()], { cwd, env: env(), encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("[to console:kim]");
    expect(run.stdout).not.toContain("slack:");
    expect(run.stdout).toContain("1 reminder delivered");
    const slackReminders = await store.exportUser(slackUser);
    expect(slackReminders.reminders).toHaveLength(1);
    expect(slackReminders.reminders[0]!.deliveredAt).toBeNull();
    expect(slackReminders.reminders[0]!.attempts).toBe(0);
  });

  it("kill -9 mid-delivery with a slow reader: every reminder is printed exactly once in the end", async () => {
    const total = 200;
    await seed(local, total);
    // Standard output is a pipe (as in `askwell reminders run | slow-reader`) that nobody reads yet:
    // it fills up and the runner is left mid-write.
    const fifo = join(cwd, "out.fifo");
    execFileSync("mkfifo", [fifo]);
    const readEnd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writeEnd = openSync(fifo, constants.O_WRONLY);
    const dying = spawn(process.execPath, [BIN, "reminders", "run", "--now", NOW.toISOString()], { cwd, env: env(), stdio: ["ignore", writeEnd, "ignore"] });
    closeSync(writeEnd);
    const exited = new Promise((resolve) => dying.on("exit", resolve));
    let last = -1;
    let stableFor = 0;
    while (stableFor < 6) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await deliveredCount(store);
      // Stuck only counts once deliveries have begun (a busy machine may take a while to start the runner).
      stableFor = now === last && now > 0 ? stableFor + 1 : 0;
      last = now;
    }
    dying.kill("SIGKILL");
    await exited;
    const markedBeforeKill = await deliveredCount(store);
    const firstOutput = drain(readEnd);
    closeSync(readEnd);
    const printedFirst = printedAsks(firstOutput);
    // Every reminder recorded as delivered reached the reader.
    expect(printedFirst.length).toBeGreaterThanOrEqual(markedBeforeKill);
    expect(markedBeforeKill).toBeGreaterThan(0);
    expect(markedBeforeKill).toBeLessThan(total);

    // The killed runner's claims come back after the lease; a later run delivers the rest.
    const later = new Date(NOW.getTime() + (LEASE_SECONDS + 1) * 1000).toISOString();
    const rerun = spawnSync(process.execPath, [BIN, "reminders", "run", "--now", later], { cwd, env: env(), encoding: "utf8" });
    expect(rerun.status).toBe(0);
    const printed = [...printedFirst, ...printedAsks(rerun.stdout)];
    expect(printed).toHaveLength(total);
    expect(new Set(printed).size).toBe(total);
    expect(await deliveredCount(store)).toBe(total);
    process.stdout.write(`kill test (${target.name}): ${markedBeforeKill} marked and ${printedFirst.length} printed before the kill, ${total} delivered once in the end\n`);
  });
});
