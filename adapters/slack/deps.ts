import type { Logger } from "../../src/logger";
import type { ReviewService } from "../../src/review-service";
import type { TrackerService } from "../../src/tracker/tracker-service";
import type { TeamService } from "../../src/team/team-service";
import type { InsightsService } from "../../src/team/insights-service";
import type { ReviewPool } from "../review-pool";

/** What the Slack listeners call into. `tracker` is null when no database is configured (review only). */
export interface SlackDeps {
  reviews: ReviewService;
  tracker: TrackerService | null;
  logger: Logger;
  now: () => Date;
  /** Where the deterministic reviews run, time-limited, off the acking thread; absent or null: on it. */
  reviewPool?: ReviewPool | null;
  /** House rules and the connector notice; absent or null without a database. */
  team?: TeamService | null;
  /** The team's counters and monthly figures (admins' App Home); absent or null without a database. */
  insights?: InsightsService | null;
  /** ASKWELL_ADMINS: platform-neutral ids allowed to change house rules besides the workspace's admins. */
  admins?: readonly string[];
  /** The deployment's FOLLOW_UP_AFTER_DAYS, shown where the house rules keep the default. */
  followUpAfterDays?: number;
}

/**
 * Drafts longer than this get a kind refusal instead of a review: Slack allows 40,000 characters in a
 * message, but an ask anyone reads is a few sentences, and a review of a book helps nobody.
 */
export const MAX_DRAFT_CHARS = 8000;

export function tooLongMessage(length: number): string {
  return `That draft is ${length.toLocaleString("en-US")} characters long — far more than anyone reads in an ask. Paste just the message you plan to send (up to ${MAX_DRAFT_CHARS.toLocaleString("en-US")} characters; the best asks are under 1,000).`;
}

export const NO_TRACKER = "Tracking isn't set up on this Askwell yet (no database configured), so there is nothing to list or remember. Reviews still work.";
export const NOT_YOURS = "That button belongs to someone else's review or ask, so nothing was changed.";
