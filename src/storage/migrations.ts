/** The one set of migrations for SQLite and PostgreSQL, provided in code to Kysely's Migrator. */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { Database } from "./schema";
import { slackInstallationsMigration } from "./slack-installations-migration";
import { teamMigration } from "./team-migration";
import { insightsMigration } from "./insights-migration";

const migrations: Record<string, Migration> = {
  "0001_tracker": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("asks")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("platform", "text", (c) => c.notNull())
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("reader_user_id", "text")
        .addColumn("reader_name", "text")
        .addColumn("third_person", "text")
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("sent_at", "bigint", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("followed_up_at", "bigint")
        .addColumn("closed_at", "bigint")
        .addColumn("fingerprint", "text", (c) => c.notNull())
        .addColumn("summary", "text", (c) => c.notNull())
        .addColumn("draft", "text")
        .addColumn("time_zone", "text")
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("asks_owner_number").unique().on("asks").columns(["platform", "workspace_id", "user_id", "number"]).execute();
      await db.schema.createIndex("asks_owner_fingerprint").on("asks").columns(["platform", "workspace_id", "user_id", "fingerprint"]).execute();

      await db.schema
        .createTable("reminders")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("ask_key", "text", (c) => c.notNull().references("asks.key").onDelete("cascade"))
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("due_at", "bigint", (c) => c.notNull())
        .addColumn("lease_owner", "text")
        .addColumn("lease_until", "bigint")
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("delivered_at", "bigint")
        .addColumn("delivered_by", "text")
        .execute();
      // At most one reminder of each type per ask, ever: a retry can never schedule (or send) it twice.
      await db.schema.createIndex("reminders_ask_type").unique().on("reminders").columns(["ask_key", "type"]).execute();
      // The sweep reads only undelivered reminders, in due order.
      await db.schema.createIndex("reminders_due").on("reminders").column("due_at").where(sql.ref("delivered_at"), "is", null).execute();

      await db.schema
        .createTable("user_settings")
        .addColumn("platform", "text", (c) => c.notNull())
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("user_settings_pk", ["platform", "workspace_id", "user_id", "key"])
        .execute();

      await db.schema
        .createTable("dismissals")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("rule_id", "text", (c) => c.notNull())
        .addColumn("platform", "text", (c) => c.notNull())
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("dismissals_workspace").on("dismissals").columns(["platform", "workspace_id", "rule_id"]).execute();
      await db.schema.createIndex("dismissals_user").on("dismissals").columns(["platform", "workspace_id", "user_id"]).execute();
    },
  },
  // The Slack adapter's installations (multi-workspace OAuth), in its own file.
  "0002_slack_installations": slackInstallationsMigration,
  // Shared by every replica: a Slack retry or a replayed request landing on another one is still seen.
  "0003_seen_requests": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("seen_requests")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("seen_requests_expiry").on("seen_requests").column("expires_at").execute();
    },
  },
  // House rules per workspace, and the connector notice's index (./team-migration.ts).
  "0004_team": teamMigration,
  // The team's monthly insights: counters only (./insights-migration.ts).
  "0005_insight_counts": insightsMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; safe when several processes start at once. */
export async function migrateToLatest(db: Kysely<Database>, dialect: "sqlite" | "postgres"): Promise<void> {
  // On PostgreSQL, Kysely looks for its bookkeeping tables in every schema unless told which one:
  // pin it to ours, or another schema's tables (another app, a test) would be mistaken for ours.
  const schema = dialect === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const { error, results } = await new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`database migration ${failed ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
