/** A Slack user sees everything stored about them and erases it, from /review-ask, as they would type it. */
import { blocksText, button, click, event, nextId, slashCommand, startSlackHarness, TEAM, type SlackHarness } from "./slack-harness";

describe("export and forget in Slack", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const me = { platform: "slack" as const, workspaceId: TEAM, userId: "U700" };
  const other = { platform: "slack" as const, workspaceId: TEAM, userId: "U701" };
  const track = (owner: typeof me, reader: string) =>
    h.tracker.trackAsk(owner, { reader, kind: "intro_request", draft: "Hi, could you introduce me to Sam?", summary: "intro_request", sentAt: h.clock.now });

  test("/review-ask export shows the user's own asks and nobody else's", async () => {
    expect((await track(me, "Dana Lee")).ok).toBe(true);
    expect((await track(other, "Someone Else")).ok).toBe(true);
    const cmd = slashCommand(h, "export", "U700");
    expect((await cmd.send()).status).toBe(200);
    const text = blocksText((await h.fake.waitForResponse(cmd.responseId)).body.blocks);
    expect(text).toContain("Dana Lee");
    expect(text).toContain('"userId": "U700"');
    expect(text).not.toContain("Someone Else");
  });

  test("/review-ask forget asks to confirm; the button deletes everything about that user only, and only for them", async () => {
    const cmd = slashCommand(h, "forget", "U700");
    await cmd.send();
    const confirm = await h.fake.waitForResponse(cmd.responseId);
    expect((await h.tracker.listAsks(me)).ok && (await h.tracker.listAsks(me))).toMatchObject({ value: [expect.anything()] });
    const forget = button(confirm.body.blocks, "forget_me");

    const stranger = click(h, forget, "U701", nextId("forget"));
    await stranger.send();
    expect(blocksText((await h.fake.waitForResponse(stranger.responseId)).body.blocks)).toMatch(/someone else/);
    expect(await h.tracker.listAsks(me)).toMatchObject({ ok: true, value: [expect.anything()] });

    const mine = click(h, forget, "U700", nextId("forget"));
    await mine.send();
    expect(blocksText((await h.fake.waitForResponse(mine.responseId)).body.blocks)).toMatch(/Deleted 1 ask, 1 reminder/);
    expect(await h.tracker.exportUser(me)).toMatchObject({ ok: true, value: { asks: [], reminders: [], settings: [], dismissals: [] } });
    expect(await h.tracker.listAsks(other)).toMatchObject({ ok: true, value: [expect.anything()] });
  });

  test("App Home: See my data opens the viewer's own data; Delete my data erases it and says so on Home", async () => {
    const viewer = { platform: "slack" as const, workspaceId: TEAM, userId: "U702" };
    expect((await track(viewer, "Priya Shah")).ok).toBe(true);
    expect((await track(other, "Not Priya")).ok).toBe(true);
    await event(h, { type: "app_home_opened", user: "U702", channel: "D702", tab: "home", event_ts: "1700000500.1" });
    const home = await h.fake.waitForCall("views.publish", (c) => c.args.user_id === "U702");
    const blocks = (home.args.view as { blocks: unknown }).blocks;

    await click(h, button(blocks, "export_me"), "U702", nextId("see"), { type: "view", view_id: "V702" }).send();
    const modal = await h.fake.waitForCall("views.open", (c) => JSON.stringify(c.args.view).includes("Priya Shah"));
    const shown = blocksText((modal.args.view as { blocks: unknown }).blocks);
    expect(shown).toContain('"userId": "U702"');
    expect(shown).not.toContain("Not Priya");

    const homesBefore = h.fake.callsTo("views.publish").filter((c) => c.args.user_id === "U702").length;
    await click(h, button(blocks, "forget_me"), "U702", nextId("delete"), { type: "view", view_id: "V702" }).send();
    const after = await h.fake.waitForCall("views.publish", (c) => c.args.user_id === "U702", homesBefore);
    expect(blocksText((after.args.view as { blocks: unknown }).blocks)).toMatch(/Deleted 1 ask/);
    expect(await h.tracker.listAsks(viewer)).toMatchObject({ ok: true, value: [] });
    const others = await h.tracker.listAsks(other);
    expect(others.ok && others.value.some((ask) => ask.reader.name === "Not Priya")).toBe(true);
  });
});
