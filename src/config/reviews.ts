/** How the chat servers run deterministic reviews: REVIEW_WORKERS threads, REVIEW_TIME_LIMIT_MS per review. */
import { z } from "zod";
import { parseSection, type Env } from "./env";

const schema = z.object({
  REVIEW_WORKERS: z.coerce.number({ message: "must be a whole number" }).int("must be a whole number").min(1, "must be at least 1").max(16, "must be at most 16").default(2),
  REVIEW_TIME_LIMIT_MS: z.coerce.number({ message: "must be a number of milliseconds" }).int("must be a whole number of milliseconds").min(100, "must be at least 100").max(60_000, "must be at most 60000").default(2000),
});

const hints = {
  REVIEW_WORKERS: "a number of review threads such as 2 (at least 2, so one slow draft never holds up another user's review)",
  REVIEW_TIME_LIMIT_MS: "milliseconds one review may take, such as 2000",
};

export interface ReviewPoolConfig {
  /** Worker threads reviewing drafts; a user's reviews never hold more than all but one of them. */
  workers: number;
  /** A review still running after this long is stopped and the user told the draft is too complex. */
  timeLimitMs: number;
}

export function parseReviewPoolConfig(env: Env): ReviewPoolConfig {
  const raw = parseSection(schema, env, hints);
  return { workers: raw.REVIEW_WORKERS, timeLimitMs: raw.REVIEW_TIME_LIMIT_MS };
}
