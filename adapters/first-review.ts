import type { HouseRules } from "../src/core/house-rules";
import type { Owner } from "../src/core/ports";
import type { ReviewContext } from "../src/core/types";
import type { Logger } from "../src/logger";
import type { ReviewService } from "../src/review-service";
import { actorId, workspaceOf, type TeamService } from "../src/team/team-service";
import type { TrackerService } from "../src/tracker/tracker-service";
import { PoolUnavailableError, type PoolReview, type ReviewPool } from "./review-pool";

interface ReviewDeps {
  reviews: ReviewService;
  reviewPool?: ReviewPool | null;
  logger: Logger;
}

/**
 * The deterministic review as the chat platforms run it: in the review pool when there is one (time
 * limited, off the thread that answers requests), else on this thread once pending I/O has had its turn.
 * `requester` is the platform-neutral id of who asked.
 */
export async function firstReview(deps: ReviewDeps, draft: string, context: ReviewContext | undefined, requester: string): Promise<PoolReview> {
  if (deps.reviewPool) {
    try {
      return await deps.reviewPool.review(draft, context, requester);
    } catch (error) {
      if (!(error instanceof PoolUnavailableError)) throw error;
      deps.logger.warn({ err: error.message }, "reviewing on the main thread");
    }
  }
  await new Promise<void>((resolve) => setImmediate(resolve));
  return { ok: true, value: deps.reviews.reviewNow(draft, context) };
}

/**
 * The deterministic review of a draft for its sender, the same on every platform: under the
 * workspace's house rules (read on every review, so an admin's change applies to the next one on every
 * replica), then again with the sender's tracked history when it matters (so `mass-blast` can fire).
 * `policy` comes back for the model's improvement, which must follow the same rules.
 */
export async function reviewForSender(
  deps: ReviewDeps & { tracker: TrackerService | null; team?: TeamService | null; now: () => Date },
  owner: Owner,
  draft: string,
): Promise<{ review: PoolReview; policy?: HouseRules }> {
  const policy = deps.team ? await deps.team.policyFor(workspaceOf(owner)) : undefined;
  const withPolicy = policy ? { policy } : {};
  const requester = actorId(owner);
  let review = await firstReview(deps, draft, withPolicy, requester);
  if (review.ok && deps.tracker && review.value.kind !== "other") {
    const history = await deps.tracker.historyForDraft(owner, draft, review.value.kind, deps.now());
    if (!history.ok) deps.logger.warn({ code: history.code, platform: owner.platform }, "reviewing without tracked history");
    else if (history.value.recipientsOfSameAskLast14Days > 0) review = await firstReview(deps, draft, { ...withPolicy, history: history.value }, requester);
  }
  if (!review.ok) deps.logger.warn({ code: review.code, platform: owner.platform, workspace: owner.workspaceId, user: owner.userId, chars: draft.length }, "review declined");
  return { review, ...withPolicy };
}
