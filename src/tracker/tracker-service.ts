/**
 * The tracker service: what adapters (console, Slack, Teams) and the CLI call to remember sent asks,
 * log what happened, and deliver reminders. The owner check lives here: an ask is only visible to,
 * and changeable by, its owner — anyone else gets `not_found`.
 *
 * Ask ids are per-owner numbers as strings ("1", "2", …), short enough to type; always pass the owner.
 * Every method returns a typed Result; storage failures come back as `storage_unavailable`.
 */
import type { Result } from "../errors";
import type { CloseReason, ReplyOutcome } from "../core/asks";
import type { ForgetCounts, ScheduledReminder, UserExport } from "../core/ask-store";
import type { Ask, AskState, Owner, Reader, ReminderDelivery } from "../core/ports";
import type { AskHistory, AskKind, RuleId } from "../core/types";

export type TrackerErrorCode = "not_found" | "refused_transition" | "invalid_time" | "invalid_input" | "storage_unavailable";
export type TrackerResult<T> = Result<T, TrackerErrorCode>;

export interface TrackAskInput {
  /** A platform user id or a free-text name ("Dana at Acme"); a plain string is a name. */
  reader: Reader | string;
  thirdPerson?: string | null;
  kind: AskKind;
  /** The draft as sent: only its fingerprint is stored, unless STORE_DRAFTS=true. */
  draft: string;
  /** The engine's one-line summary (ReviewResult.summary). */
  summary: string;
  sentAt: Date;
  /** IANA zone of the sender, when the platform knows it (reminders wait for their working hours). */
  timeZone?: string | null;
}

export interface RunRemindersOptions {
  runnerId: string;
  leaseMs: number;
  /** Most reminders claimed per round; the run repeats rounds until nothing is due. */
  batchSize?: number;
  /** Only reminders of owners on these platforms (a chat server delivers to its own users only); all when absent. */
  platforms?: readonly Owner["platform"][];
}

export interface ReminderRunCounts {
  delivered: number;
  failed: number;
  /** Delivered, but the lease had been lost to another runner meanwhile (logged; should be 0). */
  leaseLost: number;
}

export interface TrackerService {
  trackAsk(owner: Owner, input: TrackAskInput): Promise<TrackerResult<Ask>>;
  /** Newest first; all states unless `states` is given. */
  listAsks(owner: Owner, options?: { states?: readonly AskState[] }): Promise<TrackerResult<Ask[]>>;
  getAsk(owner: Owner, id: string): Promise<TrackerResult<Ask>>;
  recordFollowUp(owner: Owner, id: string, at: Date): Promise<TrackerResult<Ask>>;
  recordReply(owner: Owner, id: string, outcome: ReplyOutcome, at: Date): Promise<TrackerResult<Ask>>;
  /** Without a reason, an ask already followed up closes as `closed_silent`, any other as `closed`. */
  closeAsk(owner: Owner, id: string, at: Date, reason?: CloseReason): Promise<TrackerResult<Ask>>;
  /** When the next reminder of the ask is due (already moved to working hours), or null. */
  nextReminderFor(ask: Ask): Promise<TrackerResult<ScheduledReminder | null>>;
  /** History for reviewing a draft as part of this ask (spec: "Rules from tracked history"). */
  historyForAsk(owner: Owner, id: string, now: Date): Promise<TrackerResult<AskHistory>>;
  /** History for a draft not tracked yet: how many people got the same ask in the last 14 days. */
  historyForDraft(owner: Owner, draft: string, kind: AskKind, now: Date): Promise<TrackerResult<AskHistory>>;

  /** Delivers everything due at `now` exactly once across racing runners. Never throws. */
  runDueReminders(now: Date, delivery: ReminderDelivery, options: RunRemindersOptions): Promise<TrackerResult<ReminderRunCounts>>;

  /** Per-user platform data (a Teams conversation reference, a time zone…), JSON values keyed by name. */
  getUserSetting(owner: Owner, key: string): Promise<TrackerResult<unknown | undefined>>;
  putUserSetting(owner: Owner, key: string, value: unknown, at: Date): Promise<TrackerResult<void>>;
  /** A "Not applicable" click on a finding: stores the rule id, never the draft. */
  recordDismissal(owner: Owner, ruleId: RuleId, at: Date): Promise<TrackerResult<void>>;
  dismissalCounts(platform: Owner["platform"], workspaceId: string): Promise<TrackerResult<Partial<Record<RuleId, number>>>>;

  exportUser(owner: Owner): Promise<TrackerResult<UserExport>>;
  forgetUser(owner: Owner): Promise<TrackerResult<ForgetCounts>>;
}
