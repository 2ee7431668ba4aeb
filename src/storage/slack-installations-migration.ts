/**
 * The Slack adapter's table: Bolt installations for multi-workspace OAuth (one row per workspace or
 * Enterprise Grid org, the Installation kept as JSON). Registered in migrations.ts after the tracker's.
 */
import type { Kysely, Migration } from "kysely";

export interface SlackInstallationsTable {
  /** "T:<team id>" or "E:<enterprise id>" for org-wide installs. */
  id: string;
  team_id: string | null;
  enterprise_id: string | null;
  /** The Installation object Bolt stores, as JSON (it carries the bot token). */
  installation: string;
  updated_at: number | string | bigint;
}

export const slackInstallationsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("slack_installations")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("team_id", "text")
      .addColumn("enterprise_id", "text")
      .addColumn("installation", "text", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .execute();
  },
};
