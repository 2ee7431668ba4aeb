/** The AskStore contract, run against real SQLite and (when TEST_DATABASE_URL is set) real PostgreSQL. */
import type { NewAsk } from "../src/core/ask-store";
import type { Owner } from "../src/core/ports";
import type { KyselyAskStore } from "../src/storage/kysely-ask-store";
import { storageTargets, type TestDatabase } from "./storage-targets";

const alice: Owner = { platform: "slack", workspaceId: "T1", userId: "U_ALICE" };
const bob: Owner = { platform: "slack", workspaceId: "T1", userId: "U_BOB" };
const t = (iso: string) => new Date(iso);

function newAsk(owner: Owner, overrides: Partial<NewAsk> = {}): NewAsk {
  return {
    owner,
    reader: { userId: null, name: "Dana Lee" },
    thirdPerson: "Sam Ortiz",
    kind: "intro_request",
    sentAt: t("2030-01-01T10:00:00Z"),
    fingerprint: "f1",
    summary: "intro_request: no-timeline",
    draft: null,
    timeZone: null,
    ...overrides,
  };
}

describe.each(storageTargets)("AskStore contract on $name", (target) => {
  let database: TestDatabase;
  let store: KyselyAskStore;

  beforeEach(async () => {
    database = target.create();
    store = await database.open();
  });
  afterEach(async () => {
    await store.close();
    await database.dispose();
  });

  it("migrates idempotently: a second process opening the same database finds the schema ready", async () => {
    const again = await database.open();
    await again.insertAsk(newAsk(alice), null);
    expect(await store.listAsks(alice)).toHaveLength(1);
    await again.close();
  });

  it("numbers asks per owner, and hides one owner's asks from another", async () => {
    const a1 = await store.insertAsk(newAsk(alice), null);
    const a2 = await store.insertAsk(newAsk(alice, { reader: { userId: "U_DANA", name: null } }), null);
    const b1 = await store.insertAsk(newAsk(bob), null);
    expect([a1.id, a2.id, b1.id]).toEqual(["1", "2", "1"]);
    expect(a2.reader).toEqual({ userId: "U_DANA", name: null });
    expect((await store.findAsk(alice, "1"))?.owner).toEqual(alice);
    expect(await store.findAsk(bob, "2")).toBeNull();
    expect(await store.findAsk(alice, "abc")).toBeNull();
    expect((await store.listAsks(alice)).map((a) => a.id)).toEqual(["2", "1"]);
    expect(await store.listAsks(alice, ["closed"])).toEqual([]);
  });

  it("allocates distinct numbers when one owner stores many asks at once", async () => {
    const asks = await Promise.all(Array.from({ length: 8 }, () => store.insertAsk(newAsk(alice), null)));
    expect(new Set(asks.map((a) => a.id)).size).toBe(8);
  });

  it("changes state only from the expected state, replacing undelivered reminders", async () => {
    const ask = await store.insertAsk(newAsk(alice), { type: "follow_up_due", dueAt: t("2030-01-08T10:00:00Z") });
    expect(await store.pendingReminder(alice, ask.id)).toEqual({ type: "follow_up_due", dueAt: t("2030-01-08T10:00:00Z") });
    const change = { from: "pending", to: "followed_up", followedUpAt: t("2030-01-05T09:00:00Z"), closedAt: null, schedule: { type: "silence_means_no", dueAt: t("2030-01-12T09:00:00Z") } } as const;
    expect(await store.changeAskState(bob, ask.id, change)).toBeNull();
    const updated = await store.changeAskState(alice, ask.id, change);
    expect(updated).toMatchObject({ state: "followed_up", followedUpAt: t("2030-01-05T09:00:00Z") });
    expect(await store.pendingReminder(alice, ask.id)).toEqual({ type: "silence_means_no", dueAt: t("2030-01-12T09:00:00Z") });
    // A second writer still believing the ask is pending loses.
    expect(await store.changeAskState(alice, ask.id, change)).toBeNull();
    const closed = await store.changeAskState(alice, ask.id, { from: "followed_up", to: "closed_silent", followedUpAt: updated!.followedUpAt, closedAt: t("2030-01-13T09:00:00Z"), schedule: null });
    expect(closed?.state).toBe("closed_silent");
    expect(await store.pendingReminder(alice, ask.id)).toBeNull();
  });

  it("claims due reminders under a lease, delivers once, and re-offers them when the lease expires", async () => {
    for (let i = 0; i < 3; i++) await store.insertAsk(newAsk(alice), { type: "follow_up_due", dueAt: t(`2030-01-0${i + 2}T10:00:00Z`) });
    const now = t("2030-01-03T12:00:00Z");
    const claimed = await store.claimDueReminders(now, "runner-a", t("2030-01-03T12:05:00Z"), 10);
    expect(claimed.map((c) => c.ask.id)).toEqual(["1", "2"]);
    expect(claimed[0]).toMatchObject({ type: "follow_up_due", attempts: 1, ask: { owner: alice, reader: { name: "Dana Lee" } } });
    expect(await store.claimDueReminders(now, "runner-b", t("2030-01-03T12:05:00Z"), 10)).toEqual([]);
    expect(await store.markReminderDelivered(claimed[0]!.reminderId, "runner-b", now)).toBe(false);
    expect(await store.markReminderDelivered(claimed[0]!.reminderId, "runner-a", now)).toBe(true);
    expect(await store.markReminderDelivered(claimed[0]!.reminderId, "runner-a", now)).toBe(false);
    // runner-a dies holding the second one: after its lease expires another runner gets it.
    const later = t("2030-01-03T12:06:00Z");
    const reclaimed = await store.claimDueReminders(later, "runner-b", t("2030-01-03T12:11:00Z"), 10);
    expect(reclaimed.map((c) => [c.ask.id, c.attempts])).toEqual([["2", 2]]);
    expect(await store.markReminderDelivered(reclaimed[0]!.reminderId, "runner-a", later)).toBe(false);
    // A failed delivery is released to a retry time.
    await store.releaseReminder(reclaimed[0]!.reminderId, "runner-b", t("2030-01-03T12:30:00Z"));
    expect(await store.claimDueReminders(t("2030-01-03T12:20:00Z"), "runner-c", t("2030-01-03T12:25:00Z"), 10)).toEqual([]);
    expect((await store.claimDueReminders(t("2030-01-03T12:30:00Z"), "runner-c", t("2030-01-03T12:35:00Z"), 10)).map((c) => c.ask.id)).toEqual(["2"]);
  });

  it("a platform's runner claims only its own users' reminders; a runner for all claims the rest", async () => {
    const onSlack: Owner = { platform: "slack", workspaceId: "T1", userId: "U1" };
    const onTeams: Owner = { platform: "teams", workspaceId: "tenant", userId: "aad-1" };
    await store.insertAsk(newAsk(onSlack), { type: "follow_up_due", dueAt: t("2030-01-02T10:00:00Z") });
    await store.insertAsk(newAsk(onTeams), { type: "follow_up_due", dueAt: t("2030-01-02T10:00:00Z") });
    const now = t("2030-01-03T12:00:00Z");
    const lease = t("2030-01-03T12:05:00Z");
    expect((await store.claimDueReminders(now, "slack-runner", lease, 10, ["slack"])).map((c) => c.ask.owner.platform)).toEqual(["slack"]);
    expect((await store.claimDueReminders(now, "console-runner", lease, 10, ["console", "cli"])).length).toBe(0);
    expect((await store.claimDueReminders(now, "cli-runner", lease, 10)).map((c) => c.ask.owner.platform)).toEqual(["teams"]);
  });

  it("never hands one reminder to two concurrent claimers", async () => {
    for (let i = 0; i < 60; i++) await store.insertAsk(newAsk(alice), { type: "follow_up_due", dueAt: t("2030-01-02T10:00:00Z") });
    const now = t("2030-01-03T12:00:00Z");
    const batches = await Promise.all(Array.from({ length: 6 }, (_, i) => store.claimDueReminders(now, `r${i}`, t("2030-01-03T13:00:00Z"), 7)));
    const ids = batches.flat().map((c) => c.reminderId);
    expect(new Set(ids).size).toBe(ids.length);
    const rest = await store.claimDueReminders(now, "last", t("2030-01-03T13:00:00Z"), 100);
    expect(ids.length + rest.length).toBe(60);
  });

  it("counts different recipients of the same ask in a window", async () => {
    for (const name of ["Ana", "ana", "Ben", "Cy"]) await store.insertAsk(newAsk(alice, { reader: { userId: null, name }, fingerprint: "same" }), null);
    await store.insertAsk(newAsk(alice, { reader: { userId: "U9", name: null }, fingerprint: "same" }), null);
    await store.insertAsk(newAsk(alice, { fingerprint: "same", kind: "outreach", reader: { userId: null, name: "Dee" } }), null);
    await store.insertAsk(newAsk(alice, { fingerprint: "same", sentAt: t("2029-12-01T10:00:00Z"), reader: { userId: null, name: "Eve" } }), null);
    await store.insertAsk(newAsk(bob, { fingerprint: "same", reader: { userId: null, name: "Fay" } }), null);
    const count = await store.countRecipientsOfSameAsk(alice, "intro_request", "same", t("2029-12-20T00:00:00Z"), t("2030-01-02T00:00:00Z"));
    expect(count).toBe(4);
  });

  it("keeps per-user settings and dismissals, and forget removes every row of that user only", async () => {
    await store.putUserSetting(alice, "teams.conversation", { id: "c1", serviceUrl: "http://x" }, t("2030-01-01T00:00:00Z"));
    await store.putUserSetting(alice, "teams.conversation", { id: "c2" }, t("2030-01-02T00:00:00Z"));
    await store.putUserSetting(bob, "timeZone", "Europe/Paris", t("2030-01-02T00:00:00Z"));
    expect(await store.getUserSetting(alice, "teams.conversation")).toEqual({ id: "c2" });
    expect(await store.getUserSetting(alice, "missing")).toBeUndefined();
    await store.recordDismissal(alice, "no-timeline", t("2030-01-02T00:00:00Z"));
    await store.recordDismissal(bob, "no-timeline", t("2030-01-02T00:00:00Z"));
    await store.recordDismissal(bob, "too-long", t("2030-01-02T00:00:00Z"));
    await store.recordDismissal({ ...bob, workspaceId: "T2" }, "too-long", t("2030-01-02T00:00:00Z"));
    expect(await store.dismissalCounts("slack", "T1")).toEqual({ "no-timeline": 2, "too-long": 1 });
    await store.insertAsk(newAsk(alice), { type: "follow_up_due", dueAt: t("2030-01-08T10:00:00Z") });
    await store.insertAsk(newAsk(bob), { type: "follow_up_due", dueAt: t("2030-01-08T10:00:00Z") });

    const exported = await store.exportUser(alice);
    expect(exported.asks).toHaveLength(1);
    expect(exported.reminders).toHaveLength(1);
    expect(exported.settings).toEqual([{ key: "teams.conversation", value: { id: "c2" }, updatedAt: t("2030-01-02T00:00:00Z") }]);
    expect(exported.dismissals).toEqual([{ ruleId: "no-timeline", createdAt: t("2030-01-02T00:00:00Z") }]);

    expect(await store.forgetUser(alice)).toEqual({ asks: 1, reminders: 1, settings: 1, dismissals: 1 });
    const db = store.db;
    const left = async (table: "asks" | "user_settings" | "dismissals") =>
      (await db.selectFrom(table).select("user_id").execute()).filter((row) => row.user_id === alice.userId).length;
    expect([await left("asks"), await left("user_settings"), await left("dismissals")]).toEqual([0, 0, 0]);
    expect(await db.selectFrom("reminders").select("id").execute()).toHaveLength(1);
    expect((await store.exportUser(bob)).asks).toHaveLength(1);
    expect(await store.dismissalCounts("slack", "T1")).toEqual({ "no-timeline": 1, "too-long": 1 });
  });
});
