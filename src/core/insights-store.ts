/**
 * The persistence port of the team's insights: monthly counters per workspace (counts, rule ids and
 * verdicts only — no text, no person, no time finer than the month) and the "Not applicable" clicks
 * already stored per rule. Implemented by src/storage/kysely-insights-store.ts (SQLite and PostgreSQL).
 */
import type { InsightCount } from "./insights";
import type { WorkspaceRef } from "./team-store";

export interface InsightsStore {
  /** Adds `counts` to the workspace's counters of `month` (`YYYY-MM`); safe when several writers add at once. */
  addCounts(workspace: WorkspaceRef, month: string, counts: readonly InsightCount[]): Promise<void>;
  /** The workspace's counters of `month`. */
  monthCounts(workspace: WorkspaceRef, month: string): Promise<InsightCount[]>;
  /** "Not applicable" clicks per rule id in the workspace in [since, until). */
  dismissalsBetween(workspace: WorkspaceRef, since: Date, until: Date): Promise<Record<string, number>>;
}
