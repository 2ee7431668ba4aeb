import { review } from "./core/review";
import type { ReviewContext, ReviewResult } from "./core/types";
import type { HouseRules } from "./core/house-rules";

/** What an adapter gets back when the model improved a review: the new result and, optionally, a note for the user. */
export interface ImprovedReview {
  result: ReviewResult;
  /** e.g. "Rules-only review today: this workspace's daily AI budget is spent." */
  note?: string;
}

/**
 * How adapters and the CLI review drafts. `reviewNow` is the deterministic engine, instant; `improve`
 * asks a model (when one is configured) and returns a verified result, or null when there is nothing
 * to add. `improve` never throws: failures fall back to the deterministic result (null).
 * Chat adapters post `reviewNow` at once and update the message if `improve` returns something.
 */
export interface ReviewService {
  reviewNow(draft: string, context?: ReviewContext): ReviewResult;
  /** `scope.policy`: the workspace's house rules, which the improved result is brought under. */
  improve(draft: string, first: ReviewResult, scope: { workspaceId: string; policy?: HouseRules }): Promise<ImprovedReview | null>;
}

/** The review service with no model configured. */
export function rulesOnlyReviewService(): ReviewService {
  return {
    reviewNow: (draft, context) => review(draft, context),
    improve: async () => null,
  };
}
