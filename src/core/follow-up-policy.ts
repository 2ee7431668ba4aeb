/** When an ask's reminders are due: one follow-up reminder, then one "silence means no" — never more. */
import type { ScheduledReminder } from "./ask-store";
import type { Ask } from "./ports";
import { nextWorkingMoment, type WorkingHours } from "./working-hours";

export interface FollowUpPolicy {
  /** Days without an answer before the sender is reminded to follow up once. */
  followUpAfterDays: number;
  /** Days without an answer after the follow-up before silence is read as a gentle no. */
  silenceAfterDays: number;
  workingHours: WorkingHours;
  /** Reminders per ask (a team's house rule): 0 none, 1 the follow-up reminder only; absent or 2, both. */
  reminderCap?: number;
}

export const DEFAULT_FOLLOW_UP_POLICY: FollowUpPolicy = {
  followUpAfterDays: 7,
  silenceAfterDays: 7,
  workingHours: { startHour: 9, endHour: 18 },
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** The reminder an ask in its current state calls for, moved to the sender's working hours; null once answered or closed. */
export function reminderFor(ask: Pick<Ask, "state" | "sentAt" | "followedUpAt" | "timeZone">, policy: FollowUpPolicy): ScheduledReminder | null {
  const cap = policy.reminderCap ?? 2;
  if (ask.state === "pending") {
    if (cap < 1) return null;
    const due = new Date(ask.sentAt.getTime() + policy.followUpAfterDays * DAY_MS);
    return { type: "follow_up_due", dueAt: nextWorkingMoment(due, ask.timeZone, policy.workingHours) };
  }
  if (ask.state === "followed_up" && ask.followedUpAt) {
    if (cap < 2) return null;
    const due = new Date(ask.followedUpAt.getTime() + policy.silenceAfterDays * DAY_MS);
    return { type: "silence_means_no", dueAt: nextWorkingMoment(due, ask.timeZone, policy.workingHours) };
  }
  return null;
}
