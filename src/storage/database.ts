/** Opens a Kysely database over SQLite (better-sqlite3) or PostgreSQL (pg) from a DatabaseTarget. */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import type { DatabaseTarget } from "../config/storage";
import type { Database } from "./schema";

export type Dialect = DatabaseTarget["dialect"];

export interface OpenDatabaseOptions {
  /** PostgreSQL only: use (and create) this schema — tests isolate themselves with one each. */
  pgSchema?: string;
  /** PostgreSQL pool size. */
  maxConnections?: number;
}

/** Prepared statements kept per SQL text, as most are: Kysely prepares every query anew, which costs the serving thread. */
const STATEMENT_CACHE_SIZE = 200;

/**
 * The connection with `prepare` answering from a small cache. Safe because Kysely runs one query at a time
 * on its single SQLite connection, each to completion, so a statement is never in use twice at once.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const statements = new Map<string, SqliteDatabase.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return Object.assign(Object.create(sqlite) as SqliteDatabase.Database, {
    prepare(source: string) {
      let statement = statements.get(source);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = prepare(source);
        statements.set(source, statement);
      }
      return statement;
    },
  });
}

/** The PostgreSQL driver is loaded only for a PostgreSQL target: a SQLite server never holds it. */
export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions = {}): Promise<Kysely<Database>> {
  if (target.dialect === "sqlite") {
    if (target.file !== ":memory:") mkdirSync(dirname(target.file), { recursive: true });
    const sqlite = new SqliteDatabase(target.file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("busy_timeout = 10000");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  }
  if (options.pgSchema && !/^[a-z_][a-z0-9_]*$/.test(options.pgSchema)) throw new Error("pgSchema must be a plain lower-case identifier");
  const { Pool } = (await import("pg")).default;
  const pool = new Pool({
    connectionString: target.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10000,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reports the failure.
  pool.on("error", () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
