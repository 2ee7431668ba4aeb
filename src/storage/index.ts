/** Opens the configured store: connects, migrates to the latest schema, and returns the AskStore. */
import { sql } from "kysely";
import type { AskStore } from "../core/ask-store";
import type { DatabaseTarget, StorageConfig } from "../config/storage";
import { openDatabase, type OpenDatabaseOptions } from "./database";
import { KyselyAskStore } from "./kysely-ask-store";
import { migrateToLatest } from "./migrations";

export async function openKyselyStore(target: DatabaseTarget, options: OpenDatabaseOptions = {}): Promise<KyselyAskStore> {
  const db = await openDatabase(target, options);
  try {
    if (target.dialect === "postgres" && options.pgSchema) await sql`create schema if not exists ${sql.id(options.pgSchema)}`.execute(db);
    await migrateToLatest(db, target.dialect);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return new KyselyAskStore(db, target.dialect);
}

/** The store of the configuration (DATABASE_URL), created and migrated on first use. */
export async function openStore(config: Pick<StorageConfig, "database">, options: OpenDatabaseOptions = {}): Promise<AskStore> {
  return openKyselyStore(config.database, options);
}
