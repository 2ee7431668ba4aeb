import type { ReviewContext } from "../src/core/types";
import type { Logger } from "../src/logger";
import type { ReviewService } from "../src/review-service";
import { PoolUnavailableError, type PoolReview, type ReviewPool } from "./review-pool";

/**
 * The deterministic review as the chat platforms run it: in the review pool when there is one (time
 * limited, off the thread that answers requests), else on this thread once pending I/O has had its turn.
 * `requester` is the platform-neutral id of who asked.
 */
export async function firstReview(
  deps: { reviews: ReviewService; reviewPool?: ReviewPool | null; logger: Logger },
  draft: string,
  context: ReviewContext | undefined,
  requester: string,
): Promise<PoolReview> {
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
