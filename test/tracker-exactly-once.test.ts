/**
 * Exactly-once delivery for real: separate runner processes race on the same due reminders, and a
 * runner killed mid-delivery has its reminder delivered by another once its lease expires.
 * Runs the compiled fixture (npm test builds first).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_FOLLOW_UP_POLICY } from "../src/core/follow-up-policy";
import { createTrackerService } from "../src/tracker/create-tracker-service";
import { storageTargets, type TestDatabase } from "./storage-targets";

const FIXTURE = join(__dirname, "..", "dist", "test", "fixtures", "reminder-runner.js");
const owner = { platform: "slack", workspaceId: "T1", userId: "U1" } as const;
const SENT_AT = new Date("2030-01-01T10:00:00Z");
const NOW = new Date("2030-01-20T10:00:00Z");

interface Runner {
  stdout: () => string;
  exited: Promise<number | null>;
  kill: () => void;
}

function startRunner(database: TestDatabase, env: Record<string, string>): Runner {
  const child = spawn(process.execPath, [FIXTURE], {
    env: { ...process.env, TARGET: JSON.stringify(database.target), PG_SCHEMA: database.pgSchema ?? "", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return { stdout: () => out, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))), kill: () => child.kill("SIGKILL") };
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

// Spawns many processes: generous on a busy shared machine (no timing is asserted).
jest.setTimeout(180_000);

beforeAll(() => {
  if (!existsSync(FIXTURE)) throw new Error(`${FIXTURE} is missing: run \`npm run build\` first (npm test does).`);
});

describe.each(storageTargets)("reminders are delivered exactly once on $name", (target) => {
  let database: TestDatabase;
  let dir: string;

  beforeEach(() => {
    database = target.create();
    dir = mkdtempSync(join(tmpdir(), "askwell-race-"));
  });
  afterEach(async () => {
    await database.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function seed(count: number): Promise<void> {
    const store = await database.open();
    const tracker = createTrackerService(store, { policy: DEFAULT_FOLLOW_UP_POLICY, storeDrafts: false });
    for (let i = 0; i < count; i++) {
      const result = await tracker.trackAsk(owner, { reader: `Reader ${i}`, kind: "intro_request", draft: `Hi, could you introduce me to person ${i}?`, summary: "intro_request", sentAt: SENT_AT });
      expect(result.ok).toBe(true);
    }
    await store.close();
  }

  it("two runner processes racing deliver every due reminder once", async () => {
    await seed(120);
    const log = join(dir, "sent.log");
    writeFileSync(log, "");
    const env = { NOW: NOW.toISOString(), LEASE_MS: "300000", SENT_LOG: log };
    const runners = [startRunner(database, { ...env, RUNNER_ID: "a" }), startRunner(database, { ...env, RUNNER_ID: "b" })];
    expect(await Promise.all(runners.map((r) => r.exited))).toEqual([0, 0]);
    const sent = readFileSync(log, "utf8").trim().split("\n");
    expect(sent).toHaveLength(120);
    expect(new Set(sent).size).toBe(120);
    const counts = runners.map((r) => JSON.parse(r.stdout().trim().split("\n").pop()!) as { ok: boolean; value: { delivered: number; leaseLost: number } });
    expect(counts.reduce((sum, c) => sum + c.value.delivered, 0)).toBe(120);
    expect(counts.every((c) => c.value.leaseLost === 0)).toBe(true);
    // A later sweep finds nothing left to send.
    const again = startRunner(database, { ...env, RUNNER_ID: "c" });
    expect(await again.exited).toBe(0);
    expect(readFileSync(log, "utf8").trim().split("\n")).toHaveLength(120);
  });

  it("a runner killed mid-delivery: its reminder goes out once, by another runner, after the lease expires", async () => {
    await seed(3);
    const log = join(dir, "sent.log");
    writeFileSync(log, "");
    const leaseMs = 60_000;
    const dying = startRunner(database, { NOW: NOW.toISOString(), LEASE_MS: String(leaseMs), SENT_LOG: log, RUNNER_ID: "dying", HANG: "1" });
    await waitFor(() => dying.stdout().includes("delivering "));
    dying.kill();
    await dying.exited;
    const stuck = /delivering (\S+)/.exec(dying.stdout())![1]!;

    // Before the lease expires, another runner delivers the rest but not the one the dead runner held.
    const early = startRunner(database, { NOW: new Date(NOW.getTime() + leaseMs / 2).toISOString(), LEASE_MS: String(leaseMs), SENT_LOG: log, RUNNER_ID: "early" });
    expect(await early.exited).toBe(0);
    const afterEarly = readFileSync(log, "utf8").trim().split("\n").filter(Boolean);
    expect(afterEarly.includes(stuck)).toBe(false);

    const late = startRunner(database, { NOW: new Date(NOW.getTime() + leaseMs + 1000).toISOString(), LEASE_MS: String(leaseMs), SENT_LOG: log, RUNNER_ID: "late" });
    expect(await late.exited).toBe(0);
    const sent = readFileSync(log, "utf8").trim().split("\n");
    expect(sent.filter((id) => id === stuck)).toHaveLength(1);
    expect(new Set(sent).size).toBe(sent.length);
  });
});
