/**
 * The team's counters over real storage (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): counts
 * added by concurrent writers all land, each workspace and month keeps its own, the "Not applicable"
 * clicks are read per month, the tracker counts logged follow-ups and delivered "silence means no"
 * reminders, and nothing stored names a person or carries a word of a draft.
 */
import { DEFAULT_FOLLOW_UP_POLICY } from "../src/core/follow-up-policy";
import type { Owner } from "../src/core/ports";
import { review } from "../src/core/review";
import type { KyselyAskStore } from "../src/storage/kysely-ask-store";
import { KyselyInsightsStore } from "../src/storage/kysely-insights-store";
import { createInsightsService, type InsightsService } from "../src/team/insights-service";
import { workspaceOf } from "../src/team/team-service";
import { createTrackerService } from "../src/tracker/create-tracker-service";
import type { TrackerService } from "../src/tracker/tracker-service";
import { storageTargets, type TestDatabase } from "./storage-targets";

const ann: Owner = { platform: "slack", workspaceId: "T1", userId: "U_ANN" };
const bob: Owner = { platform: "slack", workspaceId: "T1", userId: "U_BOB" };
const elsewhere: Owner = { platform: "slack", workspaceId: "T2", userId: "U_ANN" };
const sameIdOnTeams: Owner = { platform: "teams", workspaceId: "T1", userId: "U_ANN" };
const DRAFT = "Hi Quillon, could you introduce me to Zephyrine Marchbank at Vortigern Labs? I need you to do it ASAP.";
const FOLLOW_UP = "Hi Quillon, following up again on my note about Zephyrine Marchbank. Bumping this once more.";
const at = (iso: string) => new Date(iso);

describe.each(storageTargets)("insights on $name", (target) => {
  let database: TestDatabase;
  let store: KyselyAskStore;
  let insights: InsightsService;
  let tracker: TrackerService;

  beforeEach(async () => {
    database = target.create();
    store = await database.open();
    insights = createInsightsService(new KyselyInsightsStore(store.db));
    tracker = createTrackerService(store, { policy: DEFAULT_FOLLOW_UP_POLICY, storeDrafts: false, insights });
  });
  afterEach(async () => {
    await store.close();
    await database.dispose();
  });

  const figures = async (owner: Owner, month: string) => {
    const report = await insights.report(workspaceOf(owner), month);
    if (!report.ok) throw new Error(report.message);
    return report.value;
  };

  it("counts every review of concurrent writers, per workspace (and platform) and per UTC month", async () => {
    const result = review(DRAFT);
    expect(result.verdict).toBe("revise");
    await Promise.all(Array.from({ length: 24 }, (_, i) => insights.countReview(workspaceOf(i % 2 ? ann : bob), result, at("2030-01-31T23:59:59Z"))));
    await insights.countReview(workspaceOf(ann), result, at("2030-02-01T00:00:00Z"));
    await insights.countReview(workspaceOf(elsewhere), result, at("2030-01-15T00:00:00Z"));
    await insights.countReview(workspaceOf(sameIdOnTeams), review("Thanks, see you at lunch!"), at("2030-01-15T00:00:00Z"));

    const january = await figures(ann, "2030-01");
    expect(january.reviews).toEqual({ total: 24, byVerdict: { ready: 0, revise: 24, "dont-send": 0, "not-an-ask": 0 } });
    expect(january.findings.map((f) => f.count)).toEqual(result.findings.map(() => 24));
    expect(january.rewrites).toEqual({ offered: 24, used: 0 });
    expect((await figures(ann, "2030-02")).reviews.total).toBe(1);
    expect((await figures(elsewhere, "2030-01")).reviews.total).toBe(1);
    expect((await figures(sameIdOnTeams, "2030-01")).reviews).toEqual({ total: 1, byVerdict: { ready: 0, revise: 0, "dont-send": 0, "not-an-ask": 1 } });
    expect((await figures(ann, "2029-12")).reviews.total).toBe(0);
  });

  it("a server's held counts are written together, one upsert per workspace and month, and a report or a flush includes them", async () => {
    const insightsStore = new KyselyInsightsStore(store.db);
    const writes: string[] = [];
    const spied = Object.assign(Object.create(insightsStore) as KyselyInsightsStore, {
      addCounts: (...args: Parameters<KyselyInsightsStore["addCounts"]>) => {
        writes.push(`${args[0].workspaceId} ${args[1]}`);
        return insightsStore.addCounts(...args);
      },
    });
    const held = createInsightsService(spied, { holdCountsMs: 60_000 });
    const result = review(DRAFT);
    for (let i = 0; i < 10; i++) await held.countReview(workspaceOf(i % 2 ? ann : bob), result, at("2030-05-10T10:00:00Z"));
    await held.count(workspaceOf(ann), "rewrite-used", at("2030-05-11T10:00:00Z"));
    await held.countReview(workspaceOf(elsewhere), result, at("2030-06-01T00:00:00Z"));
    expect(writes).toEqual([]);
    // Another replica reads the stored counters only: nothing yet.
    expect((await figures(ann, "2030-05")).reviews.total).toBe(0);

    const may = await held.report(workspaceOf(ann), "2030-05");
    if (!may.ok) throw new Error(may.message);
    expect(may.value.reviews.total).toBe(10);
    expect(may.value.rewrites).toEqual({ offered: 10, used: 1 });
    expect(writes.sort()).toEqual(["T1 2030-05", "T2 2030-06"]);

    await held.countReview(workspaceOf(ann), result, at("2030-05-12T10:00:00Z"));
    await held.flush();
    expect((await figures(ann, "2030-05")).reviews.total).toBe(11);
    expect(writes).toHaveLength(3);
  });

  it("the Not applicable rate reads the stored clicks of that workspace and month only", async () => {
    const result = review(DRAFT);
    for (let i = 0; i < 4; i++) await insights.countReview(workspaceOf(ann), result, at("2030-03-10T10:00:00Z"));
    await store.recordDismissal(ann, "demanding-tone", at("2030-03-01T00:00:00Z"));
    await store.recordDismissal(bob, "demanding-tone", at("2030-03-31T23:59:59Z"));
    await store.recordDismissal(bob, "demanding-tone", at("2030-04-01T00:00:00Z")); // next month
    await store.recordDismissal(elsewhere, "demanding-tone", at("2030-03-05T00:00:00Z")); // another workspace
    const march = await figures(ann, "2030-03");
    expect(march.notApplicable).toEqual([{ rule: "demanding-tone", title: "A demanding tone", clicks: 2, findings: 4, rate: 0.5, oftenDismissed: false }]);
  });

  it("the tracker counts a logged follow-up (once) and a delivered \"silence means no\", in the month they happened", async () => {
    const tracked = await tracker.trackAsk(ann, { reader: "Quillon", kind: "intro_request", draft: DRAFT, summary: "intro_request revise", sentAt: at("2030-05-01T10:00:00Z") });
    if (!tracked.ok) throw new Error(tracked.message);
    expect((await tracker.recordFollowUp(ann, tracked.value.id, at("2030-05-09T10:00:00Z"))).ok).toBe(true);
    expect((await tracker.recordFollowUp(ann, tracked.value.id, at("2030-05-09T11:00:00Z"))).ok).toBe(false);
    await insights.countReview(workspaceOf(ann), review(FOLLOW_UP, { history: { followUpsLogged: 1, recipientsOfSameAskLast14Days: 0 } }), at("2030-05-12T10:00:00Z"));

    const failing = await tracker.runDueReminders(at("2030-06-03T10:00:00Z"), { deliver: async () => Promise.reject(new Error("down")) }, { runnerId: "r1", leaseMs: 1000 });
    expect(failing).toMatchObject({ ok: true, value: { delivered: 0, failed: 1 } });
    expect((await figures(ann, "2030-06")).followUps.silenceMeansNo).toBe(0);
    const delivered = await tracker.runDueReminders(at("2030-06-03T11:00:00Z"), { deliver: async () => undefined }, { runnerId: "r2", leaseMs: 1000 });
    expect(delivered).toMatchObject({ ok: true, value: { delivered: 1 } });

    expect((await figures(ann, "2030-05")).followUps).toEqual({ sent: 1, advisedAgainst: 1, silenceMeansNo: 0, repeatFollowUp: 1 });
    expect((await figures(ann, "2030-06")).followUps).toEqual({ sent: 0, advisedAgainst: 1, silenceMeansNo: 1, repeatFollowUp: 0 });
    expect((await figures(elsewhere, "2030-05")).followUps.sent).toBe(0);
  });

  it("stores counters only: no person, no draft word; forgetting a user leaves the team's counts as they are", async () => {
    await insights.countReview(workspaceOf(ann), review(DRAFT), at("2030-07-01T10:00:00Z"));
    await insights.count(workspaceOf(ann), "rewrite-used", at("2030-07-01T10:01:00Z"));
    const rows = await store.db.selectFrom("insight_counts").selectAll().execute();
    expect(Object.keys(rows[0]!).sort()).toEqual(["detail", "metric", "month", "platform", "tally", "workspace_id"]);
    expect(JSON.stringify(rows)).not.toMatch(/Quillon|Zephyrine|Marchbank|Vortigern|ASAP|U_ANN/);
    await tracker.forgetUser(ann);
    expect((await figures(ann, "2030-07")).rewrites).toEqual({ offered: 1, used: 1 });
  });

  it("a month that is not one is refused with the format to use", async () => {
    expect(await insights.report(workspaceOf(ann), "July")).toMatchObject({ ok: false, code: "invalid_month", message: expect.stringMatching(/YYYY-MM/) });
  });
});
