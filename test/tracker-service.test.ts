/** The tracker service over real storage: tracking, owner checks, reminders, history rules, privacy. */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { sql } from "kysely";
import { DEFAULT_FOLLOW_UP_POLICY } from "../src/core/follow-up-policy";
import type { DueReminder, Owner } from "../src/core/ports";
import { review } from "../src/core/review";
import type { KyselyAskStore } from "../src/storage/kysely-ask-store";
import { createTrackerService } from "../src/tracker/create-tracker-service";
import { loadReviewContext } from "../src/tracker/review-context";
import { startReminderRunner } from "../src/tracker/runner";
import type { TrackerService } from "../src/tracker/tracker-service";
import { storageTargets, type TestDatabase } from "./storage-targets";

const alice: Owner = { platform: "slack", workspaceId: "T1", userId: "U_ALICE" };
const mallory: Owner = { platform: "slack", workspaceId: "T1", userId: "U_MALLORY" };
const t = (iso: string) => new Date(iso);
const DRAFT =
  "Hi Dana, we worked together on the Parallax launch. Could you introduce me to Sam Ortiz at Acme? I'm hiring a data lead and would value 20 minutes of his advice. No worries at all if you'd rather not. Sometime this month would be great.";
const SECRET_WORDS = "Parallax launch";

function unwrap<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function collector() {
  const delivered: DueReminder[] = [];
  return { delivered, delivery: { deliver: async (reminder: DueReminder) => void delivered.push(reminder) } };
}

/** Every text value stored anywhere in the database, for privacy checks. */
async function everythingStored(store: KyselyAskStore): Promise<string> {
  const tables = ["asks", "reminders", "user_settings", "dismissals"] as const;
  const rows = await Promise.all(tables.map((table) => store.db.selectFrom(table).selectAll().execute()));
  return JSON.stringify(rows);
}

describe.each(storageTargets)("tracker service on $name", (target) => {
  let database: TestDatabase;
  let store: KyselyAskStore;
  let tracker: TrackerService;

  beforeEach(async () => {
    database = target.create();
    store = await database.open();
    tracker = createTrackerService(store, { policy: DEFAULT_FOLLOW_UP_POLICY, storeDrafts: false });
  });
  afterEach(async () => {
    await store.close().catch(() => undefined);
    await database.dispose();
  });

  async function trackOne(owner = alice, overrides: Partial<Parameters<TrackerService["trackAsk"]>[1]> = {}) {
    const reviewed = review(DRAFT);
    const result = await tracker.trackAsk(owner, { reader: "Dana Lee", thirdPerson: "Sam Ortiz", kind: "intro_request", draft: DRAFT, summary: reviewed.summary, sentAt: t("2030-01-07T10:00:00Z"), ...overrides });
    if (!result.ok) throw new Error(result.message);
    return result.value;
  }

  it("tracks an ask and shows it only to its owner", async () => {
    const ask = await trackOne();
    expect(ask).toMatchObject({ id: "1", state: "pending", reader: { name: "Dana Lee", userId: null }, thirdPerson: "Sam Ortiz", draft: null });
    expect(await tracker.getAsk(mallory, "1")).toMatchObject({ ok: false, code: "not_found" });
    expect(await tracker.recordFollowUp(mallory, "1", t("2030-01-14T10:00:00Z"))).toMatchObject({ ok: false, code: "not_found" });
    expect(await tracker.closeAsk(mallory, "1", t("2030-01-14T10:00:00Z"))).toMatchObject({ ok: false, code: "not_found" });
    expect((await tracker.getAsk(alice, "1")).ok).toBe(true);
    expect(await tracker.listAsks(mallory)).toEqual({ ok: true, value: [] });
  });

  it("refuses bad input as values", async () => {
    const base = { reader: "Dana", kind: "intro_request" as const, draft: DRAFT, summary: "s", sentAt: t("2030-01-07T10:00:00Z") };
    expect(await tracker.trackAsk(alice, { ...base, reader: "  " })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await tracker.trackAsk(alice, { ...base, kind: "other" as never })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await tracker.trackAsk(alice, { ...base, draft: "x".repeat(50_000) })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await tracker.trackAsk(alice, { ...base, sentAt: new Date("nope") })).toMatchObject({ ok: false, code: "invalid_input" });
    await trackOne();
    expect(await tracker.recordReply(alice, "1", "replied", t("2029-01-01T00:00:00Z"))).toMatchObject({ ok: false, code: "invalid_time" });
  });

  it("reminds once to follow up, with a reviewed drafted follow-up, then once that silence is a gentle no — never more", async () => {
    await trackOne();
    const runner = { runnerId: "r1", leaseMs: 60_000 };
    const early = collector();
    expect(await tracker.runDueReminders(t("2030-01-14T09:59:00Z"), early.delivery, runner)).toEqual({ ok: true, value: { delivered: 0, failed: 0, leaseLost: 0 } });

    const first = collector();
    expect(await tracker.runDueReminders(t("2030-01-14T10:00:00Z"), first.delivery, runner)).toMatchObject({ value: { delivered: 1 } });
    const [reminder] = first.delivered;
    expect(reminder).toMatchObject({ type: "follow_up_due", ask: { id: "1", owner: alice } });
    expect(reminder!.message).toMatch(/7 days/);
    expect(review(reminder!.draftedFollowUp!)).toMatchObject({ kind: "follow_up", verdict: "ready" });
    expect(reminder!.draftedFollowUp).toMatch(/only follow-up|last note|only one/);

    const again = collector();
    await tracker.runDueReminders(t("2030-02-01T10:00:00Z"), again.delivery, runner);
    expect(again.delivered).toEqual([]); // nothing more until the follow-up is logged

    expect(await tracker.recordFollowUp(alice, "1", t("2030-01-14T15:00:00Z"))).toMatchObject({ ok: true, value: { state: "followed_up" } });
    expect(await tracker.recordFollowUp(alice, "1", t("2030-01-15T15:00:00Z"))).toMatchObject({ ok: false, code: "refused_transition" });
    const next = await tracker.nextReminderFor(unwrap(await tracker.getAsk(alice, "1")));
    expect(next).toEqual({ ok: true, value: { type: "silence_means_no", dueAt: t("2030-01-21T15:00:00Z") } });

    const second = collector();
    await tracker.runDueReminders(t("2030-01-21T15:00:00Z"), second.delivery, runner);
    expect(second.delivered.map((r) => [r.type, r.draftedFollowUp])).toEqual([["silence_means_no", null]]);
    expect(second.delivered[0]!.message).toMatch(/gentle no/);

    expect(await tracker.closeAsk(alice, "1", t("2030-01-22T09:00:00Z"))).toMatchObject({ value: { state: "closed_silent" } });
    const after = collector();
    await tracker.runDueReminders(t("2031-01-01T00:00:00Z"), after.delivery, runner);
    expect(after.delivered).toEqual([]);
  });

  it("sends nothing once the ask is answered", async () => {
    await trackOne();
    expect(await tracker.recordReply(alice, "1", "introduced", t("2030-01-09T10:00:00Z"))).toMatchObject({ value: { state: "introduced" } });
    const run = collector();
    await tracker.runDueReminders(t("2031-01-01T00:00:00Z"), run.delivery, { runnerId: "r", leaseMs: 1000 });
    expect(run.delivered).toEqual([]);
    expect(await tracker.nextReminderFor(unwrap(await tracker.getAsk(alice, "1")))).toEqual({ ok: true, value: null });
  });

  it("waits for the sender's working morning in their time zone", async () => {
    // Sent Friday 2030-01-04 at 17:30 in Tokyo (08:30 UTC): due Friday 17:30 Tokyo, inside hours.
    await trackOne(alice, { timeZone: "Asia/Tokyo", sentAt: t("2030-01-04T08:30:00Z") });
    // Sent Friday 2030-01-04 at 19:00 in Tokyo: due Friday evening → Monday 09:00 Tokyo (00:00 UTC).
    await trackOne(alice, { timeZone: "Asia/Tokyo", sentAt: t("2030-01-04T10:00:00Z") });
    const asks = unwrap(await tracker.listAsks(alice));
    const due = await Promise.all(asks.map(async (ask) => unwrap(await tracker.nextReminderFor(ask))?.dueAt));
    expect(due).toEqual([t("2030-01-14T00:00:00Z"), t("2030-01-11T08:30:00Z")]);
  });

  it("retries a failed delivery later, and a delivery is recorded so it never repeats", async () => {
    await trackOne();
    let fail = true;
    const sent: string[] = [];
    const flaky = {
      async deliver(reminder: DueReminder) {
        if (fail) throw new Error("platform down");
        sent.push(reminder.reminderId);
      },
    };
    const runner = { runnerId: "r", leaseMs: 300_000 };
    expect(await tracker.runDueReminders(t("2030-01-14T10:00:00Z"), flaky, runner)).toEqual({ ok: true, value: { delivered: 0, failed: 1, leaseLost: 0 } });
    fail = false;
    expect(await tracker.runDueReminders(t("2030-01-14T10:00:30Z"), flaky, runner)).toMatchObject({ value: { delivered: 0 } });
    expect(await tracker.runDueReminders(t("2030-01-14T10:01:00Z"), flaky, runner)).toMatchObject({ value: { delivered: 1 } });
    expect(await tracker.runDueReminders(t("2030-01-14T10:02:00Z"), flaky, runner)).toMatchObject({ value: { delivered: 0 } });
    expect(sent).toHaveLength(1);
    const exported = await tracker.exportUser(alice);
    expect(exported.ok && exported.value.reminders[0]).toMatchObject({ deliveredBy: "r", attempts: 2, deliveredAt: t("2030-01-14T10:01:00Z") });
  });

  it("gives review history: repeat-follow-up once a follow-up is logged, mass-blast at 5 recipients in 14 days", async () => {
    await trackOne();
    const now = t("2030-01-15T10:00:00Z");
    expect(await loadReviewContext(store, alice, "1", now)).toEqual({ ok: true, value: { history: { followUpsLogged: 0, recipientsOfSameAskLast14Days: 1 } } });
    expect(await loadReviewContext(store, mallory, "1", now)).toMatchObject({ ok: false, code: "not_found" });
    await tracker.recordFollowUp(alice, "1", t("2030-01-14T10:00:00Z"));
    for (const [name, reader] of [["Eve", "Eve Park"], ["Finn", "Finn Ode"], ["Gus", "Gus Ray"], ["Hal", "Hal Ng"]]) {
      await trackOne(alice, { reader: reader!, draft: DRAFT.replace("Hi Dana", `Hi ${name}`), sentAt: t("2030-01-08T10:00:00Z") });
    }
    const context = await loadReviewContext(store, alice, "1", now);
    expect(context).toEqual({ ok: true, value: { history: { followUpsLogged: 1, recipientsOfSameAskLast14Days: 5 } } });
    const followUp = "Hi Dana, just circling back on my note about an introduction to Sam. No worries at all if you'd rather not.";
    expect(review(followUp).findings.map((f) => f.rule)).not.toContain("repeat-follow-up");
    const rules = review(followUp, context.ok ? context.value : {}).findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(["repeat-follow-up", "mass-blast"]));
    expect(await tracker.historyForDraft(alice, DRAFT.replace("Hi Dana", "Hi Ivy"), "intro_request", now)).toEqual({ ok: true, value: { followUpsLogged: 0, recipientsOfSameAskLast14Days: 5 } });
    // Outside the 14-day window the old sends no longer count.
    expect(await tracker.historyForAsk(alice, "1", t("2030-02-01T10:00:00Z"))).toEqual({ ok: true, value: { followUpsLogged: 1, recipientsOfSameAskLast14Days: 0 } });
  });

  it("stores no draft text by default, only with STORE_DRAFTS=true", async () => {
    await trackOne();
    expect(await everythingStored(store)).not.toContain(SECRET_WORDS);
    if (database.target.dialect === "sqlite") {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
      const dir = dirname(database.target.file);
      for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(SECRET_WORDS)).toBe(false);
    }
    const keeping = createTrackerService(store, { policy: DEFAULT_FOLLOW_UP_POLICY, storeDrafts: true });
    const kept = await keeping.trackAsk(alice, { reader: "Dana", kind: "intro_request", draft: DRAFT, summary: "s", sentAt: t("2030-01-07T10:00:00Z") });
    expect(kept).toMatchObject({ ok: true, value: { draft: DRAFT } });
  });

  it("forget deletes every row about the user and nothing of anyone else", async () => {
    await trackOne();
    await trackOne();
    await trackOne(mallory);
    await tracker.recordFollowUp(alice, "2", t("2030-01-08T10:00:00Z"));
    await tracker.putUserSetting(alice, "timeZone", "Europe/Paris", t("2030-01-08T10:00:00Z"));
    await tracker.recordDismissal(alice, "no-timeline", t("2030-01-08T10:00:00Z"));
    const before = await tracker.exportUser(alice);
    expect(before.ok && [before.value.asks.length, before.value.reminders.length, before.value.settings.length, before.value.dismissals.length]).toEqual([2, 2, 1, 1]);
    expect(await tracker.forgetUser(alice)).toEqual({ ok: true, value: { asks: 2, reminders: 2, settings: 1, dismissals: 1 } });
    const stored = await everythingStored(store);
    expect(stored).not.toContain(alice.userId);
    expect(stored).toContain(mallory.userId);
    expect((await store.db.selectFrom("reminders").selectAll().execute()).length).toBe(1);
    expect(await tracker.getUserSetting(alice, "timeZone")).toEqual({ ok: true, value: undefined });
  });

  it("the in-process runner sweeps with its clock and stops cleanly", async () => {
    await trackOne();
    const run = collector();
    let now = t("2030-01-10T10:00:00Z");
    const runner = startReminderRunner(tracker, run.delivery, { intervalMs: 3_600_000, leaseMs: 60_000, clock: () => now });
    await runner.runOnce();
    expect(run.delivered).toEqual([]);
    now = t("2030-01-14T10:00:00Z");
    await runner.runOnce();
    await runner.runOnce();
    expect(run.delivered.map((r) => r.type)).toEqual(["follow_up_due"]);
    await runner.stop();
  });

  it("reports an unavailable store as a value, never a throw", async () => {
    await store.close();
    expect(await tracker.listAsks(alice)).toMatchObject({ ok: false, code: "storage_unavailable" });
    expect(await tracker.runDueReminders(t("2030-01-14T10:00:00Z"), collector().delivery, { runnerId: "r", leaseMs: 1000 })).toMatchObject({ ok: false, code: "storage_unavailable" });
  });
});
