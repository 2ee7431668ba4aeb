/** The TrackerService over an AskStore: validation, the state machine, the policy and the runner. */
import { ok, refused } from "../errors";
import { applyAskEvent, type AskEvent } from "../core/asks";
import type { AskStore } from "../core/ask-store";
import { draftFingerprint } from "../core/fingerprint";
import { draftFollowUp } from "../core/follow-up-draft";
import { reminderFor, type FollowUpPolicy } from "../core/follow-up-policy";
import { houseFollowUpPolicy } from "../core/house-rules";
import { followUpsLogged, sameAskWindowStart } from "../core/history";
import type { Ask, DueReminder, Owner, Reader } from "../core/ports";
import { reminderMessage } from "../core/reminder-message";
import { KINDS, type AskKind } from "../core/types";
import type { Logger } from "../logger";
import { workspaceOf, type TeamService } from "../team/team-service";
import type { InsightsService } from "../team/insights-service";
import type { ReminderRunCounts, TrackAskInput, TrackerErrorCode, TrackerResult, TrackerService } from "./tracker-service";

export interface TrackerOptions {
  policy: FollowUpPolicy;
  /** Keep draft text (STORE_DRAFTS=true); otherwise only its fingerprint and the engine's summary. */
  storeDrafts: boolean;
  logger?: Logger;
  /** Team features: each workspace's house rules (follow-up wait, reminder cap) and the connector count in reminders. */
  team?: TeamService | null;
  /** The team's insights: counts logged follow-ups and delivered "silence means no" reminders (no text, no person). */
  insights?: Pick<InsightsService, "count"> | null;
}

const MAX_NAME = 200;
const MAX_DRAFT = 20000;
const RETRY_AFTER_FAILURE_MS = 60_000;

function readerOf(input: TrackAskInput["reader"]): Reader | null {
  const reader = typeof input === "string" ? { userId: null, name: input } : input;
  const name = reader.name?.trim() || null;
  const userId = reader.userId?.trim() || null;
  if (!name && !userId) return null;
  if ((name?.length ?? 0) > MAX_NAME || (userId?.length ?? 0) > MAX_NAME) return null;
  return { userId, name };
}

const isAskKind = (kind: string): kind is AskKind => kind !== "other" && (KINDS as readonly string[]).includes(kind);

export function createTrackerService(store: AskStore, options: TrackerOptions): TrackerService {
  const { policy: basePolicy, logger, team, insights } = options;
  /** The deployment's follow-up policy under the owner's workspace house rules, read fresh each time. */
  const policyOf = async (owner: Owner): Promise<FollowUpPolicy> => (team ? houseFollowUpPolicy(basePolicy, await team.policyFor(workspaceOf(owner))) : basePolicy);

  /** Storage failures become a value: the caller says "try again", nothing crashes. */
  async function guarded<T>(operation: string, work: () => Promise<TrackerResult<T>>): Promise<TrackerResult<T>> {
    try {
      return await work();
    } catch (error) {
      logger?.error({ operation, err: error instanceof Error ? error.message : String(error) }, "tracker storage failure");
      return refused("storage_unavailable", "The ask store is unavailable right now; nothing was changed. Please try again in a moment.");
    }
  }

  const notFound = (id: string) => refused("not_found" as const, `There is no ask ${id} of yours.`);

  async function transition(owner: Owner, id: string, event: AskEvent): Promise<TrackerResult<Ask>> {
    return guarded("transition", async () => {
      const ask = await store.findAsk(owner, id);
      if (!ask) return notFound(id);
      const change = applyAskEvent(ask, event);
      if (!change.ok) return change;
      const next = { ...ask, ...change.value };
      const schedule = reminderFor(next, await policyOf(owner));
      const updated = await store.changeAskState(owner, id, { from: ask.state, to: change.value.state, followedUpAt: change.value.followedUpAt, closedAt: change.value.closedAt, schedule });
      // Someone else changed it between our read and write: report its state now.
      if (!updated) return refused("refused_transition", `Ask ${id} changed meanwhile; look at it again and retry.`);
      if (event.type === "follow_up") await insights?.count(workspaceOf(owner), "follow-up-sent", event.at);
      return ok(updated);
    });
  }

  return {
    trackAsk: (owner, input) =>
      guarded("trackAsk", async () => {
        const reader = readerOf(input.reader);
        if (!reader) return refused("invalid_input", "Say who the ask went to: a name (up to 200 characters) or a user.");
        if (!isAskKind(input.kind)) return refused("invalid_input", "Only asks can be tracked: this draft doesn't read as one.");
        if (Number.isNaN(input.sentAt.getTime())) return refused("invalid_input", "The time the ask was sent is not a valid date.");
        if (input.draft.length > MAX_DRAFT) return refused("invalid_input", `That draft is too long to track (over ${MAX_DRAFT} characters).`);
        const thirdPerson = input.thirdPerson?.trim().slice(0, MAX_NAME) || null;
        const timeZone = input.timeZone?.trim() || null;
        const first = reminderFor({ state: "pending", sentAt: input.sentAt, followedUpAt: null, timeZone }, await policyOf(owner));
        const ask = await store.insertAsk(
          {
            owner,
            reader,
            thirdPerson,
            kind: input.kind,
            sentAt: input.sentAt,
            fingerprint: draftFingerprint(input.draft),
            summary: input.summary.slice(0, 500),
            draft: options.storeDrafts ? input.draft : null,
            timeZone,
          },
          first,
        );
        logger?.info({ askId: ask.id, kind: ask.kind, platform: owner.platform }, "ask tracked");
        return ok(ask);
      }),

    listAsks: (owner, listOptions = {}) => guarded("listAsks", async () => ok(await store.listAsks(owner, listOptions.states))),

    getAsk: (owner, id) =>
      guarded("getAsk", async () => {
        const ask = await store.findAsk(owner, id);
        return ask ? ok(ask) : notFound(id);
      }),

    recordFollowUp: (owner, id, at) => transition(owner, id, { type: "follow_up", at }),
    recordReply: (owner, id, outcome, at) => transition(owner, id, { type: "reply", outcome, at }),
    closeAsk: (owner, id, at, reason) => transition(owner, id, { type: "close", at, ...(reason ? { reason } : {}) }),

    nextReminderFor: (ask) => guarded("nextReminderFor", async () => ok(await store.pendingReminder(ask.owner, ask.id))),

    historyForAsk: (owner, id, now) =>
      guarded("historyForAsk", async () => {
        const ask = await store.findAsk(owner, id);
        if (!ask) return notFound(id);
        const recipients = await store.countRecipientsOfSameAsk(owner, ask.kind, ask.fingerprint, sameAskWindowStart(now), now);
        return ok({ followUpsLogged: followUpsLogged(ask), recipientsOfSameAskLast14Days: recipients });
      }),

    historyForDraft: (owner, draft, kind, now) =>
      guarded("historyForDraft", async () => {
        const recipients = await store.countRecipientsOfSameAsk(owner, kind, draftFingerprint(draft), sameAskWindowStart(now), now);
        return ok({ followUpsLogged: 0, recipientsOfSameAskLast14Days: recipients });
      }),

    runDueReminders: (now, delivery, run) =>
      guarded("runDueReminders", async () => {
        const counts: ReminderRunCounts = { delivered: 0, failed: 0, leaseLost: 0 };
        const batchSize = run.batchSize ?? 100;
        const leaseUntil = new Date(now.getTime() + run.leaseMs);
        // One read of each workspace's house rules per run, however many of its reminders are due.
        const policies = new Map<string, Promise<FollowUpPolicy>>();
        const runPolicyOf = (owner: Owner) => {
          const key = `${owner.platform}\u0000${owner.workspaceId}`;
          if (!policies.has(key)) policies.set(key, policyOf(owner));
          return policies.get(key)!;
        };
        for (;;) {
          const claimed = await store.claimDueReminders(now, run.runnerId, leaseUntil, batchSize, run.platforms);
          for (const reminder of claimed) {
            const connectorLine = team && reminder.type === "follow_up_due" ? await team.connectorReminderFor(reminder.ask, now) : null;
            const message = reminderMessage(reminder.type, reminder.ask, await runPolicyOf(reminder.ask.owner));
            const due: DueReminder = {
              reminderId: reminder.reminderId,
              type: reminder.type,
              ask: reminder.ask,
              draftedFollowUp: reminder.type === "follow_up_due" ? draftFollowUp(reminder.ask).text : null,
              message: connectorLine ? `${message} ${connectorLine}` : message,
            };
            try {
              await delivery.deliver(due);
            } catch (error) {
              counts.failed += 1;
              logger?.warn({ reminderId: reminder.reminderId, askId: reminder.ask.id, err: error instanceof Error ? error.message : String(error) }, "reminder delivery failed; will retry");
              await store.releaseReminder(reminder.reminderId, run.runnerId, new Date(now.getTime() + Math.min(run.leaseMs, RETRY_AFTER_FAILURE_MS)));
              continue;
            }
            if (await store.markReminderDelivered(reminder.reminderId, run.runnerId, now)) {
              counts.delivered += 1;
              // Askwell advised against chasing: one of the team's "follow-ups advised against".
              if (reminder.type === "silence_means_no") await insights?.count(workspaceOf(reminder.ask.owner), "silence-means-no", now);
            } else {
              counts.leaseLost += 1;
              logger?.warn({ reminderId: reminder.reminderId, askId: reminder.ask.id }, "reminder delivered after its lease was lost or it was cancelled");
            }
          }
          // Failed ones are released to a later time, so another round only sees new work.
          if (claimed.length < batchSize) return ok(counts);
        }
      }),

    getUserSetting: (owner, key) => guarded("getUserSetting", async () => ok(await store.getUserSetting(owner, key))),
    putUserSetting: (owner, key, value, at) => guarded("putUserSetting", async () => ok(await store.putUserSetting(owner, key, value, at))),
    recordDismissal: (owner, ruleId, at) => guarded("recordDismissal", async () => ok(await store.recordDismissal(owner, ruleId, at))),
    dismissalCounts: (platform, workspaceId) => guarded("dismissalCounts", async () => ok(await store.dismissalCounts(platform, workspaceId))),

    exportUser: (owner) => guarded("exportUser", async () => ok(await store.exportUser(owner))),
    forgetUser: (owner) =>
      guarded("forgetUser", async () => {
        const counts = await store.forgetUser(owner);
        logger?.info({ platform: owner.platform, ...counts }, "user forgotten");
        return ok(counts);
      }),
  };
}

export type { TrackerErrorCode };
