/**
 * Team features' tables: versioned house rules per workspace (every change is a new row: who, what,
 * when), and an index for counting a connector's open intro requests across a workspace.
 */
import type { Kysely, Migration } from "kysely";

export interface WorkspacePoliciesTable {
  platform: string;
  workspace_id: string;
  version: number;
  /** The HouseRules as JSON. */
  policy: string;
  changed_by: string;
  change: string;
  changed_at: number | string | bigint;
}

export const teamMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("workspace_policies")
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("workspace_id", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("policy", "text", (c) => c.notNull())
      .addColumn("changed_by", "text", (c) => c.notNull())
      .addColumn("change", "text", (c) => c.notNull())
      .addColumn("changed_at", "bigint", (c) => c.notNull())
      // Two admins saving at once race for the same version: one wins, the other is told to look again.
      .addPrimaryKeyConstraint("workspace_policies_pk", ["platform", "workspace_id", "version"])
      .execute();
    await db.schema.createIndex("asks_workspace_kind_sent").on("asks").columns(["platform", "workspace_id", "kind", "sent_at"]).execute();
  },
};
