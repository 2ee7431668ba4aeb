/**
 * The tracker's persistence port. One implementation (src/storage/kysely-ask-store.ts) serves SQLite
 * and PostgreSQL. Every lookup is scoped to an owner: an ask of another user is simply not found.
 * Ask ids are per-owner numbers as strings ("1", "2", …): always pass the owner with an id.
 */
import type { Ask, AskState, Owner, Reader, ReminderType } from "./ports";
import type { AskKind, RuleId } from "./types";

export interface NewAsk {
  owner: Owner;
  reader: Reader;
  thirdPerson: string | null;
  kind: AskKind;
  sentAt: Date;
  fingerprint: string;
  summary: string;
  draft: string | null;
  timeZone: string | null;
}

export interface ScheduledReminder {
  type: ReminderType;
  dueAt: Date;
}

export interface AskStateChange {
  /** The state the ask must still be in: the change is refused (null) if another writer got there first. */
  from: AskState;
  to: AskState;
  followedUpAt: Date | null;
  closedAt: Date | null;
  /** Undelivered reminders of the ask are always dropped; this one (if any) is scheduled instead. */
  schedule: ScheduledReminder | null;
}

/** A reminder claimed by a runner under a lease. */
export interface ClaimedReminder {
  reminderId: string;
  type: ReminderType;
  dueAt: Date;
  attempts: number;
  ask: Ask;
}

export interface StoredReminder {
  reminderId: string;
  askId: string;
  type: ReminderType;
  dueAt: Date;
  deliveredAt: Date | null;
  deliveredBy: string | null;
  attempts: number;
}

export interface StoredDismissal {
  ruleId: string;
  createdAt: Date;
}

export interface StoredUserSetting {
  key: string;
  value: unknown;
  updatedAt: Date;
}

/** Everything stored about one user (`forget` deletes exactly this). */
export interface UserExport {
  owner: Owner;
  asks: Ask[];
  reminders: StoredReminder[];
  settings: StoredUserSetting[];
  dismissals: StoredDismissal[];
}

export interface ForgetCounts {
  asks: number;
  reminders: number;
  settings: number;
  dismissals: number;
}

export interface AskStore {
  /** Stores an ask under the owner's next id and schedules its first reminder, in one transaction. */
  insertAsk(ask: NewAsk, firstReminder: ScheduledReminder | null): Promise<Ask>;
  findAsk(owner: Owner, id: string): Promise<Ask | null>;
  /** Newest first. */
  listAsks(owner: Owner, states?: readonly AskState[]): Promise<Ask[]>;
  /** Conditional on `change.from`; returns the updated ask, or null when it is gone or no longer in that state. */
  changeAskState(owner: Owner, id: string, change: AskStateChange): Promise<Ask | null>;
  /** Different readers of the owner's asks with this kind and fingerprint sent in [since, until]. */
  countRecipientsOfSameAsk(owner: Owner, kind: AskKind, fingerprint: string, since: Date, until: Date): Promise<number>;

  /**
   * Atomically claims up to `limit` reminders due at `now` that are neither delivered nor leased
   * (or whose lease expired), leasing them to `runnerId` until `leaseUntil`. Safe when runners race.
   */
  claimDueReminders(now: Date, runnerId: string, leaseUntil: Date, limit: number, platforms?: readonly Owner["platform"][]): Promise<ClaimedReminder[]>;
  /** Records the delivery; false when the lease was lost (another runner took over) or the reminder is gone. */
  markReminderDelivered(reminderId: string, runnerId: string, at: Date): Promise<boolean>;
  /** Gives a claimed reminder back after a failed delivery: it becomes claimable again at `retryAt`. */
  releaseReminder(reminderId: string, runnerId: string, retryAt: Date): Promise<void>;
  /** The ask's reminder that is scheduled and not yet delivered, if any. */
  pendingReminder(owner: Owner, askId: string): Promise<ScheduledReminder | null>;

  getUserSetting(owner: Owner, key: string): Promise<unknown | undefined>;
  /** JSON-serialisable value; replaces any earlier value of the key. */
  putUserSetting(owner: Owner, key: string, value: unknown, at: Date): Promise<void>;
  deleteUserSetting(owner: Owner, key: string): Promise<void>;

  /** A "Not applicable" click: the rule id only, never the draft. */
  recordDismissal(owner: Owner, ruleId: RuleId, at: Date): Promise<void>;
  /** Dismissals per rule id in one workspace of one platform. */
  dismissalCounts(platform: Owner["platform"], workspaceId: string): Promise<Partial<Record<RuleId, number>>>;

  exportUser(owner: Owner): Promise<UserExport>;
  /** Deletes every row about the user (asks, reminders, settings, dismissals): rows, not flags. */
  forgetUser(owner: Owner): Promise<ForgetCounts>;

  close(): Promise<void>;
}
