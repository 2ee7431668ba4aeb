/** The pure tracker core: state machine, reminder timing with quiet hours, fingerprints, the drafted follow-up. */
import { ALLOWED_TRANSITIONS, applyAskEvent, type AskEvent } from "../src/core/asks";
import { draftFingerprint } from "../src/core/fingerprint";
import { draftFollowUp, followUpCandidates } from "../src/core/follow-up-draft";
import { DEFAULT_FOLLOW_UP_POLICY, reminderFor } from "../src/core/follow-up-policy";
import { ASK_STATES, type Ask, type AskState } from "../src/core/ports";
import { review } from "../src/core/review";
import { nextWorkingMoment } from "../src/core/working-hours";

const t = (iso: string) => new Date(iso);
const sentAt = t("2030-01-07T10:00:00Z"); // a Monday

function askIn(state: AskState): Pick<Ask, "id" | "state" | "sentAt" | "followedUpAt"> {
  return { id: "4", state, sentAt, followedUpAt: state === "followed_up" ? t("2030-01-14T10:00:00Z") : null };
}

const EVENTS: Record<string, AskEvent> = {
  followed_up: { type: "follow_up", at: t("2030-01-15T10:00:00Z") },
  replied: { type: "reply", outcome: "replied", at: t("2030-01-15T10:00:00Z") },
  introduced: { type: "reply", outcome: "introduced", at: t("2030-01-15T10:00:00Z") },
  declined: { type: "reply", outcome: "declined", at: t("2030-01-15T10:00:00Z") },
  closed_silent: { type: "close", reason: "silent", at: t("2030-01-15T10:00:00Z") },
  closed: { type: "close", reason: "done", at: t("2030-01-15T10:00:00Z") },
};

describe("ask state machine", () => {
  const cases = ASK_STATES.flatMap((from) => Object.keys(EVENTS).map((to) => [from, to as AskState] as const));
  it.each(cases)("%s → %s is allowed exactly when the table says so", (from, to) => {
    const result = applyAskEvent(askIn(from), EVENTS[to]!);
    const allowed = ALLOWED_TRANSITIONS[from].includes(to);
    if (allowed) {
      expect(result).toMatchObject({ ok: true, value: { state: to } });
    } else {
      expect(result).toMatchObject({ ok: false, code: "refused_transition" });
      if (!result.ok) expect(result.message).toMatch(/^Ask 4 is /);
    }
  });

  it("allows pending → followed_up → answered or closed, and nothing out of a final state", () => {
    expect(ALLOWED_TRANSITIONS.pending).toEqual(["followed_up", "replied", "introduced", "declined", "closed_silent", "closed"]);
    expect(ALLOWED_TRANSITIONS.followed_up).not.toContain("followed_up");
    for (const state of ["replied", "introduced", "declined", "closed_silent", "closed"] as const) expect(ALLOWED_TRANSITIONS[state]).toEqual([]);
  });

  it("refuses a second follow-up with advice, and a time before the ask was sent", () => {
    const second = applyAskEvent(askIn("followed_up"), EVENTS.followed_up!);
    expect(!second.ok && second.message).toMatch(/silence is best read as a gentle no/);
    expect(applyAskEvent(askIn("pending"), { type: "follow_up", at: t("2030-01-01T00:00:00Z") })).toMatchObject({ ok: false, code: "invalid_time" });
  });

  it("records when: a follow-up keeps the ask open, an answer closes it", () => {
    expect(applyAskEvent(askIn("pending"), EVENTS.followed_up!)).toEqual({ ok: true, value: { state: "followed_up", followedUpAt: t("2030-01-15T10:00:00Z"), closedAt: null } });
    expect(applyAskEvent(askIn("followed_up"), EVENTS.introduced!)).toEqual({ ok: true, value: { state: "introduced", followedUpAt: t("2030-01-14T10:00:00Z"), closedAt: t("2030-01-15T10:00:00Z") } });
  });

  it("closing without a reason reads silence as a gentle no only after a follow-up", () => {
    expect(applyAskEvent(askIn("pending"), { type: "close", at: t("2030-01-15T10:00:00Z") })).toMatchObject({ value: { state: "closed" } });
    expect(applyAskEvent(askIn("followed_up"), { type: "close", at: t("2030-01-15T10:00:00Z") })).toMatchObject({ value: { state: "closed_silent" } });
  });
});

describe("reminder timing", () => {
  const hours = DEFAULT_FOLLOW_UP_POLICY.workingHours;

  it("keeps an instant inside working hours on a weekday", () => {
    expect(nextWorkingMoment(t("2030-01-09T14:30:00Z"), null, hours)).toEqual(t("2030-01-09T14:30:00Z"));
  });

  it("moves an evening, a night and a weekend to the next working morning (UTC when the zone is unknown)", () => {
    expect(nextWorkingMoment(t("2030-01-09T19:00:00Z"), null, hours)).toEqual(t("2030-01-10T09:00:00Z"));
    expect(nextWorkingMoment(t("2030-01-09T03:00:00Z"), null, hours)).toEqual(t("2030-01-09T09:00:00Z"));
    expect(nextWorkingMoment(t("2030-01-11T18:00:00Z"), null, hours)).toEqual(t("2030-01-14T09:00:00Z")); // Friday 18:00 → Monday
    expect(nextWorkingMoment(t("2030-01-12T12:00:00Z"), "Not/AZone", hours)).toEqual(t("2030-01-14T09:00:00Z"));
  });

  it("uses the sender's time zone", () => {
    // 10:00 UTC on a Wednesday is 19:00 in Tokyo: wait for 09:00 Thursday Tokyo time (00:00 UTC).
    expect(nextWorkingMoment(t("2030-01-09T10:00:00Z"), "Asia/Tokyo", hours)).toEqual(t("2030-01-10T00:00:00Z"));
    // 14:00 UTC Friday is 09:00 in New York (EST): inside working hours.
    expect(nextWorkingMoment(t("2030-01-11T14:00:00Z"), "America/New_York", hours)).toEqual(t("2030-01-11T14:00:00Z"));
    // Saturday in New York → Monday 09:00 EST.
    expect(nextWorkingMoment(t("2030-01-12T15:00:00Z"), "America/New_York", hours)).toEqual(t("2030-01-14T14:00:00Z"));
    // Across a DST change: Sunday 2030-03-31 in Paris (clocks go forward) → Monday 09:00 CEST = 07:00 UTC.
    expect(nextWorkingMoment(t("2030-03-31T12:00:00Z"), "Europe/Paris", hours)).toEqual(t("2030-04-01T07:00:00Z"));
  });

  it("schedules the follow-up reminder after 7 days and the silence reminder 7 days after the follow-up, none once answered", () => {
    expect(reminderFor({ state: "pending", sentAt, followedUpAt: null, timeZone: null }, DEFAULT_FOLLOW_UP_POLICY)).toEqual({ type: "follow_up_due", dueAt: t("2030-01-14T10:00:00Z") });
    // Sent on a Saturday morning: due the next Saturday, delivered Monday 09:00.
    expect(reminderFor({ state: "pending", sentAt: t("2030-01-05T10:00:00Z"), followedUpAt: null, timeZone: null }, DEFAULT_FOLLOW_UP_POLICY)?.dueAt).toEqual(t("2030-01-14T09:00:00Z"));
    expect(reminderFor({ state: "followed_up", sentAt, followedUpAt: t("2030-01-14T16:00:00Z"), timeZone: null }, DEFAULT_FOLLOW_UP_POLICY)).toEqual({ type: "silence_means_no", dueAt: t("2030-01-21T16:00:00Z") });
    const custom = { ...DEFAULT_FOLLOW_UP_POLICY, followUpAfterDays: 3 };
    expect(reminderFor({ state: "pending", sentAt, followedUpAt: null, timeZone: null }, custom)?.dueAt).toEqual(t("2030-01-10T10:00:00Z"));
    for (const state of ["replied", "introduced", "declined", "closed_silent", "closed"] as const) {
      expect(reminderFor({ state, sentAt, followedUpAt: t("2030-01-14T16:00:00Z"), timeZone: null }, DEFAULT_FOLLOW_UP_POLICY)).toBeNull();
    }
  });
});

describe("draft fingerprint", () => {
  it("matches the same ask sent to different people, and only that", () => {
    const a = draftFingerprint("Hi Dana,\nCould you introduce me to Sam at Acme? I'd value his advice on hiring.\nThanks");
    const b = draftFingerprint("Hello <@U0123ABC>,\nCould you introduce me to Priya at Globex?  I'd value his advice on hiring!\nThanks");
    const c = draftFingerprint("Hi Dana,\nCould you recommend me for the role at Acme? We worked together for two years.");
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("drafted follow-up", () => {
  const ask = {
    id: "3",
    owner: { platform: "slack", workspaceId: "T1", userId: "U1" },
    kind: "intro_request",
    reader: { userId: null, name: "Dana Lee" },
    thirdPerson: "Sam Ortiz",
    sentAt,
  } as const;

  it("reviews as a ready follow-up, gives an out, and says it is the only one", () => {
    const { text, review: result } = draftFollowUp(ask);
    expect(result.kind).toBe("follow_up");
    expect(result.verdict).toBe("ready");
    expect(text).toMatch(/^Hi Dana,/);
    expect(text).toMatch(/Sam Ortiz/);
    expect(text).toMatch(/only follow-up|last note/);
  });

  it("every wording, for every kind, reviews ready", () => {
    for (const kind of ["intro_request", "recommendation_ask", "endorsement_ask", "connection_request", "outreach", "follow_up"] as const) {
      for (const text of followUpCandidates({ ...ask, kind })) {
        const result = review(text);
        expect({ text, kind: result.kind, verdict: result.verdict }).toEqual({ text, kind: "follow_up", verdict: "ready" });
      }
    }
  });

  it("varies deterministically with the ask, and falls back to another wording when one is not clean", () => {
    const wordings = new Set(["1", "2", "3", "4", "5", "6"].map((id) => draftFollowUp({ ...ask, id }).text));
    expect(wordings.size).toBeGreaterThan(1);
    expect(draftFollowUp(ask).text).toBe(draftFollowUp(ask).text);
    const first = followUpCandidates(ask)[0]!;
    const picky = (draft: string) => ({ ...review(draft), ...(draft === first ? { verdict: "revise" as const, findings: [{ rule: "too-long" as const, severity: "warn" as const, start: null, end: null, message: "", why: "" }] } : {}) });
    expect(draftFollowUp(ask, picky).text).toBe(followUpCandidates(ask)[1]);
  });
});
