/**
 * Team features over real storage (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): house rules
 * versioned per workspace and read fresh (a change applies to the next review and survives a restart),
 * and the connector count across teammates — counts and dates only.
 */
import { DEFAULT_FOLLOW_UP_POLICY } from "../src/core/follow-up-policy";
import type { DueReminder, Owner } from "../src/core/ports";
import { review } from "../src/core/review";
import { KyselyTeamStore } from "../src/storage/kysely-team-store";
import type { KyselyAskStore } from "../src/storage/kysely-ask-store";
import { createTeamService, workspaceOf, type TeamService } from "../src/team/team-service";
import { createTrackerService } from "../src/tracker/create-tracker-service";
import type { TrackerService } from "../src/tracker/tracker-service";
import { storageTargets, type TestDatabase } from "./storage-targets";

const ann: Owner = { platform: "slack", workspaceId: "T1", userId: "U_ANN" };
const bob: Owner = { platform: "slack", workspaceId: "T1", userId: "U_BOB" };
const cy: Owner = { platform: "slack", workspaceId: "T1", userId: "U_CY" };
const outsider: Owner = { platform: "slack", workspaceId: "T2", userId: "U_ANN" };
const INTRO = "Hi Dana, we worked together at Acme. Could you introduce me to Sam Ortiz at Globex? I'd like his advice on pricing. If it's not a good fit, no worries at all.";
const at = (iso: string) => new Date(iso);

describe.each(storageTargets)("team features on $name", (target) => {
  let database: TestDatabase;
  let store: KyselyAskStore;
  let team: TeamService;
  let tracker: TrackerService;

  const open = async () => {
    store = await database.open();
    team = createTeamService(new KyselyTeamStore(store.db));
    tracker = createTrackerService(store, { policy: DEFAULT_FOLLOW_UP_POLICY, storeDrafts: false, team });
  };
  beforeEach(async () => {
    database = target.create();
    await open();
  });
  afterEach(async () => {
    await store.close();
    await database.dispose();
  });

  const track = async (owner: Owner, reader: string | { userId: string; name: string | null }, sentAt: string) => {
    const tracked = await tracker.trackAsk(owner, { reader, thirdPerson: "Sam Ortiz", kind: "intro_request", draft: INTRO, summary: "intro_request ready", sentAt: at(sentAt) });
    if (!tracked.ok) throw new Error(tracked.message);
    return tracked.value;
  };

  it("versions each change (who, what, when), applies it to the next review of that workspace only, and keeps it across a restart", async () => {
    const T1 = workspaceOf(ann);
    expect(await team.currentPolicy(T1)).toEqual({ ok: true, value: { policy: expect.objectContaining({ rules: {} }), version: 0 } });
    const changed = await team.changePolicy(T1, "slack:T1:U_ADMIN", [{ type: "rule", rule: "no-timeline", setting: "off" }], at("2030-01-01T09:00:00Z"));
    expect(changed).toMatchObject({ ok: true, value: { version: 1, change: "no-timeline: on → off" } });
    await team.changePolicy(T1, "slack:T1:U_ADMIN2", [{ type: "limit", key: "maxBodySentences", value: 4 }], at("2030-01-02T09:00:00Z"));

    expect(review(INTRO, { policy: await team.policyFor(T1) }).findings.map((f) => f.rule)).not.toContain("no-timeline");
    expect(review(INTRO, { policy: await team.policyFor(workspaceOf(outsider)) }).findings.map((f) => f.rule)).toContain("no-timeline");

    await store.close();
    await open();
    const history = await team.policyHistory(T1);
    expect(history.ok && history.value.map((h) => [h.version, h.changedBy, h.change])).toEqual([
      [2, "slack:T1:U_ADMIN2", "body-sentence limit: 5 → 4"],
      [1, "slack:T1:U_ADMIN", "no-timeline: on → off"],
    ]);
    expect(await team.policyFor(T1)).toMatchObject({ rules: { "no-timeline": "off" }, maxBodySentences: 4 });
  });

  it("refuses an invalid edit as a whole and saves nothing", async () => {
    const result = await team.changePolicy(workspaceOf(ann), "slack:T1:U_ADMIN", [{ type: "rule", rule: "no-timeline", setting: "off" }, { type: "limit", key: "reminderCap", value: 5 }], at("2030-01-01T09:00:00Z"));
    expect(result).toMatchObject({ ok: false, code: "invalid_policy" });
    expect((await team.currentPolicy(workspaceOf(ann))).ok && (await team.currentPolicy(workspaceOf(ann)))).toMatchObject({ value: { version: 0 } });
  });

  it("two admins saving at once both land, one version after the other", async () => {
    const T1 = workspaceOf(ann);
    const [a, b] = await Promise.all([
      team.changePolicy(T1, "slack:T1:A", [{ type: "rule", rule: "no-timeline", setting: "off" }], at("2030-01-01T09:00:00Z")),
      team.changePolicy(T1, "slack:T1:B", [{ type: "rule", rule: "demanding-tone", setting: "tip" }], at("2030-01-01T09:00:00Z")),
    ]);
    expect([a, b]).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);
    expect(await team.policyFor(T1)).toMatchObject({ rules: { "no-timeline": "off", "demanding-tone": "tip" } });
  });

  it("a bad stored policy falls back to the defaults instead of breaking reviews", async () => {
    await store.db.insertInto("workspace_policies").values({ platform: "slack", workspace_id: "T1", version: 1, policy: "{not json", changed_by: "x", change: "x", changed_at: 0 }).execute();
    expect(await team.policyFor(workspaceOf(ann))).toMatchObject({ rules: {}, maxBodySentences: 5 });
  });

  it("a third intro request to the same connector from a different teammate gets the notice; names matched case-insensitively, other workspaces and closed or old asks not counted", async () => {
    await track(ann, "Dana Lee", "2029-11-01T10:00:00Z"); // older than 30 days
    const closed = await track(ann, "Dana Lee", "2029-12-20T10:00:00Z");
    await tracker.closeAsk(ann, closed.id, at("2029-12-21T10:00:00Z"));
    await track(outsider, "Dana Lee", "2030-01-02T10:00:00Z"); // another workspace
    const first = await track(ann, "Dana Lee", "2030-01-03T10:00:00Z");
    expect(await team.connectorNoticeFor(first, at("2030-01-03T10:00:00Z"))).toBeNull();
    const second = await track(bob, "dana lee", "2030-01-05T10:00:00Z");
    expect(await team.connectorNoticeFor(second, at("2030-01-05T10:00:00Z"))).toBeNull();
    const third = await track(cy, "  DANA LEE ", "2030-01-09T10:00:00Z");
    const notice = await team.connectorNoticeFor(third, at("2030-01-09T10:00:00Z"));
    expect(notice).toMatch(/already has 2 open intro requests from your team in the last 30 days \(2 from teammates; sent 2030-01-03, 2030-01-05\)/);
    expect(notice).toMatch(/waiting.*bundling.*someone else/);
    expect(notice).not.toMatch(/U_ANN|U_BOB|Acme|Globex|Sam/);
  });

  it("matches a connector by user id, counts the sender's own other requests, and follows the team's threshold", async () => {
    const dana = { userId: "U_DANA", name: null };
    await track(ann, dana, "2030-01-03T10:00:00Z");
    const mine = await track(bob, dana, "2030-01-04T10:00:00Z");
    expect(await team.connectorNoticeFor(mine, at("2030-01-04T10:00:00Z"))).toBeNull();
    await team.changePolicy(workspaceOf(bob), "slack:T1:U_ADMIN", [{ type: "limit", key: "connectorThreshold", value: 1 }], at("2030-01-04T11:00:00Z"));
    expect(await team.connectorNoticeFor(mine, at("2030-01-04T12:00:00Z"))).toMatch(/<@U_DANA> already has 1 open intro request .*1 from teammate;/);
    const again = await track(bob, { userId: "U_DANA", name: "Dana" }, "2030-01-05T10:00:00Z");
    expect(await team.connectorNoticeFor(again, at("2030-01-05T10:00:00Z"))).toMatch(/2 open intro requests .*1 from teammate and 1 of your own/);
  });

  it("reminders follow the workspace's follow-up wait and cap, and a pending intro's reminder mentions the connector's other open requests", async () => {
    await team.changePolicy(workspaceOf(ann), "slack:T1:U_ADMIN", [{ type: "limit", key: "followUpAfterDays", value: 3 }, { type: "limit", key: "reminderCap", value: 1 }], at("2029-12-31T10:00:00Z"));
    const mine = await track(ann, "Dana Lee", "2030-01-07T10:00:00Z");
    await track(bob, "Dana Lee", "2030-01-08T10:00:00Z");
    const next = await tracker.nextReminderFor(mine);
    expect(next.ok && next.value?.dueAt.toISOString()).toBe("2030-01-10T10:00:00.000Z");
    const delivered: DueReminder[] = [];
    const run = await tracker.runDueReminders(at("2030-01-10T10:00:00Z"), { deliver: async (r) => void delivered.push(r) }, { runnerId: "r1", leaseMs: 60_000 });
    expect(run).toMatchObject({ ok: true, value: { delivered: 1 } });
    expect(delivered[0]!.message).toMatch(/after 3 days/);
    expect(delivered[0]!.message).toMatch(/They also have 1 other open intro request from your team/);
    const followed = await tracker.recordFollowUp(ann, mine.id, at("2030-01-10T12:00:00Z"));
    expect(followed.ok).toBe(true);
    const after = await tracker.nextReminderFor(mine);
    expect(after.ok && after.value).toBeNull();
  });
});
