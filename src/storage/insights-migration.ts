/**
 * The team's insights: one counter per workspace, month, metric and detail (a verdict or a rule id).
 * Counters rather than one row per review, so nothing stored can be lined up with a person's message by
 * its time. Registered in migrations.ts; also indexes the "Not applicable" clicks by time.
 */
import type { Kysely, Migration } from "kysely";

export interface InsightCountsTable {
  platform: string;
  workspace_id: string;
  /** `YYYY-MM`, UTC. */
  month: string;
  /** One of INSIGHT_METRICS (src/core/insights.ts). */
  metric: string;
  /** The verdict of a review, the rule id of a finding, "" otherwise. */
  detail: string;
  tally: number | string | bigint;
}

export const insightsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("insight_counts")
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("workspace_id", "text", (c) => c.notNull())
      .addColumn("month", "text", (c) => c.notNull())
      .addColumn("metric", "text", (c) => c.notNull())
      .addColumn("detail", "text", (c) => c.notNull())
      .addColumn("tally", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("insight_counts_pk", ["platform", "workspace_id", "month", "metric", "detail"])
      .execute();
    await db.schema.createIndex("dismissals_workspace_time").on("dismissals").columns(["platform", "workspace_id", "created_at"]).execute();
  },
};
