/**
 * What the team learns: counts what happens in a workspace (reviews by verdict, findings by rule,
 * rewrites offered and used, follow-ups sent and advised against) and builds an admin's monthly view
 * from those counters and the stored "Not applicable" clicks. Counting never gets in a user's way: a
 * failure is logged (without any text of theirs) and the review or the button still works.
 */
import { ok, refused, type Result } from "../errors";
import { eventsOfReview, insightsReport, monthOf, monthRange, parseMonth, tally, type InsightEvent, type InsightsReport } from "../core/insights";
import type { InsightsStore } from "../core/insights-store";
import type { WorkspaceRef } from "../core/team-store";
import type { ReviewResult } from "../core/types";
import type { Logger } from "../logger";

export type InsightsErrorCode = "invalid_month" | "storage_unavailable";

/** The events counted outside a review: a rewrite taken up, a follow-up logged, a "silence means no" reminder. */
export type CountedAction = "rewrite-used" | "follow-up-sent" | "silence-means-no";

export interface InsightsService {
  /** Counts a review someone was shown (its verdict, its rules, whether it offered a rewrite). Never throws. */
  countReview(workspace: WorkspaceRef, result: Pick<ReviewResult, "verdict" | "findings" | "rewrite">, at: Date): Promise<void>;
  /** Counts one action in the month of `at`. Never throws. */
  count(workspace: WorkspaceRef, action: CountedAction, at: Date): Promise<void>;
  /** The workspace's figures for `month` (`YYYY-MM`, UTC), the counts still held included. */
  report(workspace: WorkspaceRef, month: string): Promise<Result<InsightsReport, InsightsErrorCode>>;
  /** Stores the counts still held (`holdCountsMs`); resolves once they are written. Never throws. */
  flush(): Promise<void>;
}

export interface InsightsServiceOptions {
  logger?: Logger;
  /**
   * A server's counts are held this long and written together, one upsert per workspace and month,
   * instead of a write per review on the thread that answers requests. Unset: each count is written
   * before its call resolves (the CLI, which exits right after).
   */
  holdCountsMs?: number;
}

/** Counts held for one workspace and month. */
interface HeldCounts {
  workspace: WorkspaceRef;
  month: string;
  events: InsightEvent[];
}

export function createInsightsService(store: InsightsStore, options: InsightsServiceOptions = {}): InsightsService {
  const { logger, holdCountsMs } = options;
  const held = new Map<string, HeldCounts>();
  let flushTimer: NodeJS.Timeout | null = null;
  /** Writes run one after another, so a flush resolves only when every count held before it is stored. */
  let writes = Promise.resolve();

  async function add(workspace: WorkspaceRef, events: InsightEvent[], month: string): Promise<void> {
    try {
      await store.addCounts(workspace, month, tally(events));
    } catch (error) {
      logger?.warn({ platform: workspace.platform, workspace: workspace.workspaceId, metrics: [...new Set(events.map((e) => e.metric))], err: error instanceof Error ? error.message : String(error) }, "insights: not counted");
    }
  }

  function flush(): Promise<void> {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    const batches = [...held.values()];
    held.clear();
    writes = writes.then(async () => {
      for (const batch of batches) await add(batch.workspace, batch.events, batch.month);
    });
    return writes;
  }

  function count(workspace: WorkspaceRef, events: InsightEvent[], at: Date): Promise<void> {
    const month = monthOf(at);
    if (holdCountsMs === undefined) return add(workspace, events, month);
    const key = `${workspace.platform}\u0000${workspace.workspaceId}\u0000${month}`;
    const batch = held.get(key);
    if (batch) batch.events.push(...events);
    else held.set(key, { workspace, month, events });
    // Unref'd: held counts never keep a process alive; shutting down flushes them.
    flushTimer ??= setTimeout(() => void flush(), holdCountsMs).unref();
    return Promise.resolve();
  }

  return {
    countReview: (workspace, result, at) => count(workspace, eventsOfReview(result), at),
    count: (workspace, action, at) => count(workspace, [{ metric: action, detail: "" }], at),
    flush,

    async report(workspace, month) {
      const valid = parseMonth(month);
      if (!valid) return refused("invalid_month", `"${month.slice(0, 40)}" is not a month; give it as YYYY-MM, e.g. ${monthOf(new Date(Date.UTC(2030, 0, 1)))}.`);
      await flush();
      try {
        const { start, end } = monthRange(valid);
        const [counts, dismissals] = await Promise.all([store.monthCounts(workspace, valid), store.dismissalsBetween(workspace, start, end)]);
        return ok(insightsReport(valid, counts, dismissals));
      } catch (error) {
        logger?.error({ platform: workspace.platform, workspace: workspace.workspaceId, err: error instanceof Error ? error.message : String(error) }, "insights unavailable");
        return refused("storage_unavailable", "The team's figures are unavailable right now. Please try again in a moment.");
      }
    },
  };
}
