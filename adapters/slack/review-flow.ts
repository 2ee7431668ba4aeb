import type { ReviewResult } from "../../src/core/types";
import { reviewForSender } from "../first-review";
import { slackOwner } from "./owner";
import type { Viewer } from "./blocks";
import type { SlackDeps } from "./deps";

/** Resolves once the event loop has handled the I/O already waiting (setImmediate runs after the poll phase). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ReviewOutput {
  /** Shows the first (deterministic) review; resolves when Slack took it. */
  show(result: ReviewResult, note?: string): Promise<void>;
  /** Replaces it with the model-improved one. */
  replace(result: ReviewResult, note?: string): Promise<void>;
  /** Says, instead of a review, why there is none (the draft took too long to review). */
  decline(message: string): Promise<void>;
}

/**
 * The one review path of every Slack entry point: the deterministic review at once (with the sender's
 * tracked history, so `mass-blast` can fire from it), then the model's improvement when there is one.
 * `counted: false` for a review shown again (the private copy of a channel review), so it counts once.
 * Null when the draft got no review (declined: too complex to review in time).
 */
export async function reviewAndShow(deps: SlackDeps, draft: string, viewer: Viewer, output: ReviewOutput, options: { counted?: boolean } = {}): Promise<ReviewResult | null> {
  // Everything here comes after the ack: requests already waiting on their sockets are acked first.
  await nextTurn();
  const { review, policy } = await reviewForSender(deps, slackOwner(viewer), draft);
  if (!review.ok) {
    await output.decline(review.message);
    return null;
  }
  const result = review.value;
  await output.show(result);
  const improved = await deps.reviews.improve(draft, result, { workspaceId: viewer.teamId, ...(policy ? { policy } : {}) });
  if (improved) await output.replace(improved.result, improved.note);
  const shown = improved?.result ?? result;
  // The team's figures count the review the person ended up with: its verdict and rule ids, never its text.
  if (options.counted !== false) await deps.insights?.countReview({ platform: "slack", workspaceId: viewer.teamId }, shown, deps.now());
  return shown;
}
