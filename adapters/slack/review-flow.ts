import type { ReviewContext, ReviewResult } from "../../src/core/types";
import { slackOwner } from "./owner";
import type { Viewer } from "./blocks";
import type { SlackDeps } from "./deps";

export interface ReviewOutput {
  /** Shows the first (deterministic) review; resolves when Slack took it. */
  show(result: ReviewResult, note?: string): Promise<void>;
  /** Replaces it with the model-improved one. */
  replace(result: ReviewResult, note?: string): Promise<void>;
}

/**
 * The one review path of every Slack entry point: the deterministic review at once (with the sender's
 * tracked history, so `mass-blast` can fire from it), then the model's improvement when there is one.
 * `counted: false` for a review shown again (the private copy of a channel review), so it counts once.
 */
export async function reviewAndShow(deps: SlackDeps, draft: string, viewer: Viewer, output: ReviewOutput, options: { counted?: boolean } = {}): Promise<ReviewResult> {
  const reviewNow = async (context?: ReviewContext): Promise<ReviewResult> => {
    if (deps.reviewOffThread) {
      try {
        return await deps.reviewOffThread(draft, context);
      } catch (error) {
        deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, "slack: off-thread review failed; reviewing in-thread");
      }
    } else {
      // The ack is already sent; let requests already waiting on the socket be acked before this CPU work.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return deps.reviews.reviewNow(draft, context);
  };
  // Read on every review: an admin's change applies to the next one, on every replica, with no restart.
  const policy = deps.team ? await deps.team.policyFor({ platform: "slack", workspaceId: viewer.teamId }) : undefined;
  const withPolicy = policy ? { policy } : {};
  let result = await reviewNow(withPolicy);
  if (deps.tracker && result.kind !== "other") {
    const history = await deps.tracker.historyForDraft(slackOwner(viewer), draft, result.kind, deps.now());
    if (history.ok && history.value.recipientsOfSameAskLast14Days > 0) result = await reviewNow({ ...withPolicy, history: history.value });
    if (!history.ok) deps.logger.warn({ code: history.code }, "slack: review without history");
  }
  await output.show(result);
  const improved = await deps.reviews.improve(draft, result, { workspaceId: viewer.teamId, ...withPolicy });
  if (improved) await output.replace(improved.result, improved.note);
  const shown = improved?.result ?? result;
  // The team's figures count the review the person ended up with: its verdict and rule ids, never its text.
  if (options.counted !== false) await deps.insights?.countReview({ platform: "slack", workspaceId: viewer.teamId }, shown, deps.now());
  return shown;
}
