import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DatabaseTarget } from "../src/config/storage";
import { settingsTokenUsageStore } from "../src/llm/settings-token-usage";
import { inMemoryTokenUsageStore, type TokenUsageStore, utcDay } from "../src/llm/token-budget";
import { openKyselyStore } from "../src/storage";

async function behavesAsADailyCounter(usage: TokenUsageStore) {
  const day = utcDay(new Date("2026-11-22T23:59:59Z"));
  expect(day).toBe("2026-11-22");
  expect(await usage.usedOn("T1", day)).toBe(0);
  await Promise.all([usage.add("T1", day, 100), usage.add("T1", day, 250), usage.add("T2", day, 7)]);
  expect(await usage.usedOn("T1", day)).toBe(350);
  expect(await usage.usedOn("T2", day)).toBe(7);
  const next = utcDay(new Date("2026-11-23T00:00:00Z"));
  expect(await usage.usedOn("T1", next)).toBe(0);
  await usage.add("T1", next, 5);
  expect(await usage.usedOn("T1", next)).toBe(5);
}

describe("daily token counters", () => {
  it("in memory", async () => {
    await behavesAsADailyCounter(inMemoryTokenUsageStore());
  });

  it("in the settings table on SQLite, surviving a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "askwell-llm-usage-"));
    const target: DatabaseTarget = { dialect: "sqlite", file: join(dir, "askwell.db") };
    try {
      const store = await openKyselyStore(target);
      await behavesAsADailyCounter(settingsTokenUsageStore(store, "slack"));
      await store.close();
      const reopened = await openKyselyStore(target);
      expect(await settingsTokenUsageStore(reopened, "slack").usedOn("T1", "2026-11-23")).toBe(5);
      expect(await settingsTokenUsageStore(reopened, "teams").usedOn("T1", "2026-11-23")).toBe(0);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const pgUrl = process.env.TEST_DATABASE_URL;
  (pgUrl ? it : it.skip)("in the settings table on PostgreSQL (TEST_DATABASE_URL)", async () => {
    const store = await openKyselyStore({ dialect: "postgres", url: pgUrl! }, { pgSchema: `llm_usage_${process.pid}_${Date.now()}` });
    try {
      await behavesAsADailyCounter(settingsTokenUsageStore(store, "teams"));
    } finally {
      await store.close();
    }
  });
  if (!pgUrl) it("note: PostgreSQL counter test skipped (TEST_DATABASE_URL unset)", () => undefined);
});
