/** The InsightsStore over Kysely: one code path for SQLite and PostgreSQL. */
import type { Kysely } from "kysely";
import type { AskStore } from "../core/ask-store";
import { INSIGHT_METRICS, type InsightCount, type InsightMetric } from "../core/insights";
import type { InsightsStore } from "../core/insights-store";
import type { WorkspaceRef } from "../core/team-store";
import { KyselyAskStore } from "./kysely-ask-store";
import { prepareQuery, type PreparedQuery } from "./prepared-query";
import type { Database } from "./schema";

const isMetric = (value: string): value is InsightMetric => (INSIGHT_METRICS as readonly string[]).includes(value);

/** The upsert of `rows` counters (a review counts a few), prepared once per number of rows. */
const addCountsByRows = new Map<number, PreparedQuery<Record<string, string | number>, unknown>>();
function addCountsOf(rows: number): PreparedQuery<Record<string, string | number>, unknown> {
  let query = addCountsByRows.get(rows);
  if (!query) {
    query = prepareQuery<Record<string, string | number>, unknown>((db, values) =>
      db
        .insertInto("insight_counts")
        .values(Array.from({ length: rows }, (_, i) => ({ platform: values.platform as string, workspace_id: values.workspace_id as string, month: values.month as string, metric: values[`metric${i}`] as string, detail: values[`detail${i}`] as string, tally: values[`tally${i}`] as number })))
        .onConflict((oc) => oc.columns(["platform", "workspace_id", "month", "metric", "detail"]).doUpdateSet((eb) => ({ tally: eb("insight_counts.tally", "+", eb.ref("excluded.tally")) }))),
    );
    addCountsByRows.set(rows, query);
  }
  return query;
}

export class KyselyInsightsStore implements InsightsStore {
  constructor(readonly db: Kysely<Database>) {}

  async addCounts(workspace: WorkspaceRef, month: string, counts: readonly InsightCount[]): Promise<void> {
    // One row per counter: PostgreSQL refuses an upsert that touches the same row twice in one statement.
    const merged = new Map<string, InsightCount>();
    for (const c of counts) {
      if (c.count <= 0) continue;
      const key = `${c.metric}\u0000${c.detail}`;
      merged.set(key, { ...c, count: (merged.get(key)?.count ?? 0) + c.count });
    }
    if (merged.size === 0) return;
    const values: Record<string, string | number> = { platform: workspace.platform, workspace_id: workspace.workspaceId, month };
    let i = 0;
    for (const c of merged.values()) {
      values[`metric${i}`] = c.metric;
      values[`detail${i}`] = c.detail;
      values[`tally${i}`] = c.count;
      i++;
    }
    await addCountsOf(merged.size).execute(this.db, values);
  }

  async monthCounts(workspace: WorkspaceRef, month: string): Promise<InsightCount[]> {
    const rows = await this.db
      .selectFrom("insight_counts")
      .select(["metric", "detail", "tally"])
      .where("platform", "=", workspace.platform)
      .where("workspace_id", "=", workspace.workspaceId)
      .where("month", "=", month)
      .execute();
    return rows.filter((row) => isMetric(row.metric)).map((row) => ({ metric: row.metric as InsightMetric, detail: row.detail, count: Number(row.tally) }));
  }

  async dismissalsBetween(workspace: WorkspaceRef, since: Date, until: Date): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom("dismissals")
      .select((eb) => ["rule_id", eb.fn.countAll().as("clicks")])
      .where("platform", "=", workspace.platform)
      .where("workspace_id", "=", workspace.workspaceId)
      .where("created_at", ">=", since.getTime())
      .where("created_at", "<", until.getTime())
      .groupBy("rule_id")
      .execute();
    return Object.fromEntries(rows.map((row) => [row.rule_id, Number(row.clicks)]));
  }
}

/** The insights store sharing an ask store's database, or null for a store that is not ours (a test double). */
export function insightsStoreFor(store: AskStore): InsightsStore | null {
  return store instanceof KyselyAskStore ? new KyselyInsightsStore(store.db) : null;
}
