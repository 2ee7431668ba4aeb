import type { ReviewResult } from "../../src/core/types";
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
 */
export async function reviewAndShow(deps: SlackDeps, draft: string, viewer: Viewer, output: ReviewOutput): Promise<ReviewResult> {
  // The ack is already sent; let requests already waiting on the socket be acked before this CPU work.
  await new Promise<void>((resolve) => setImmediate(resolve));
  let result = deps.reviews.reviewNow(draft);
  if (deps.tracker && result.kind !== "other") {
    const history = await deps.tracker.historyForDraft(slackOwner(viewer), draft, result.kind, deps.now());
    if (history.ok && history.value.recipientsOfSameAskLast14Days > 0) result = deps.reviews.reviewNow(draft, { history: history.value });
    if (!history.ok) deps.logger.warn({ code: history.code }, "slack: review without history");
  }
  await output.show(result);
  const improved = await deps.reviews.improve(draft, result, { workspaceId: viewer.teamId });
  if (!improved) return result;
  await output.replace(improved.result, improved.note);
  return improved.result;
}
