/** Where the storage suites run: a fresh SQLite file, and a fresh PostgreSQL schema when TEST_DATABASE_URL is set. */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import type { DatabaseTarget } from "../src/config/storage";
import { openKyselyStore } from "../src/storage";
import type { KyselyAskStore } from "../src/storage/kysely-ask-store";

export interface TestDatabase {
  target: DatabaseTarget;
  /** PostgreSQL only: the schema this test owns. */
  pgSchema?: string;
  open(): Promise<KyselyAskStore>;
  /** Drops the schema / deletes the file. */
  dispose(): Promise<void>;
}

export interface TestTarget {
  name: "sqlite" | "postgres";
  create(): TestDatabase;
}

const pgUrl = process.env.TEST_DATABASE_URL;

export const sqliteTarget: TestTarget = {
  name: "sqlite",
  create() {
    const dir = mkdtempSync(join(tmpdir(), "askwell-store-"));
    const target: DatabaseTarget = { dialect: "sqlite", file: join(dir, "askwell.db") };
    return { target, open: () => openKyselyStore(target), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

export const postgresTarget: TestTarget | null = pgUrl
  ? {
      name: "postgres",
      create() {
        const pgSchema = `t_${randomBytes(6).toString("hex")}`;
        const target: DatabaseTarget = { dialect: "postgres", url: pgUrl };
        return {
          target,
          pgSchema,
          open: () => openKyselyStore(target, { pgSchema }),
          async dispose() {
            const store = await openKyselyStore(target, { pgSchema });
            await sql`drop schema if exists ${sql.id(pgSchema)} cascade`.execute(store.db);
            await store.close();
          },
        };
      },
    }
  : null;

// Without TEST_DATABASE_URL, jest.global-setup.js says once per run that PostgreSQL is skipped.
export const storageTargets: TestTarget[] = postgresTarget ? [sqliteTarget, postgresTarget] : [sqliteTarget];
