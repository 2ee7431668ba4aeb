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
  /** The workspace's figures for `month` (`YYYY-MM`, UTC). */
  report(workspace: WorkspaceRef, month: string): Promise<Result<InsightsReport, InsightsErrorCode>>;
}

export function createInsightsService(store: InsightsStore, options: { logger?: Logger } = {}): InsightsService {
  const { logger } = options;

  async function add(workspace: WorkspaceRef, events: InsightEvent[], at: Date): Promise<void> {
    try {
      await store.addCounts(workspace, monthOf(at), tally(events));
    } catch (error) {
      logger?.warn({ platform: workspace.platform, workspace: workspace.workspaceId, metrics: [...new Set(events.map((e) => e.metric))], err: error instanceof Error ? error.message : String(error) }, "insights: not counted");
    }
  }

  return {
    countReview: (workspace, result, at) => add(workspace, eventsOfReview(result), at),
    count: (workspace, action, at) => add(workspace, [{ metric: action, detail: "" }], at),

    async report(workspace, month) {
      const valid = parseMonth(month);
      if (!valid) return refused("invalid_month", `"${month.slice(0, 40)}" is not a month; give it as YYYY-MM, e.g. ${monthOf(new Date(Date.UTC(2030, 0, 1)))}.`);
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
