/**
 * What the team learns, in Slack: signed requests against the fake Web API on a real database (SQLite,
 * and PostgreSQL when TEST_DATABASE_URL is set). Teammates review drafts (a command, a channel mention and
 * its private copy, Review my edit on the rewrite), mark a finding "Not applicable", track an ask and log
 * its follow-up; an admin's App Home then shows the month's figures, a teammate's does not, and no
 * published view carries a word of any draft or another workspace's counts.
 */
import { blocksText, button, buttons, click, event, interaction, nextId, postSigned, slashCommand, startSlackHarness, viewSubmission, TEAM, type SlackHarness } from "./slack-harness";

const SECRET_WORDS = /Quillon|Zephyrine|Marchbank|Vortigern|Brightwater|Halvorsen|ASAP/i;
const PUSHY = "Hi Quillon, could you introduce me to Zephyrine Marchbank at Vortigern Labs? I need you to do it ASAP.";
const GOOD = "Hi Halvorsen, we worked together at Vortigern Labs. Could you introduce me to Zephyrine Marchbank at Brightwater? I'd like her advice on pricing before our launch in March. If it's not a good fit, no worries at all. You can reach me at pat@example.com.";
const pgUrl = process.env.TEST_DATABASE_URL;
const databases: Array<[string, { databaseUrl?: string; pgSchema?: string }]> = [["SQLite", {}]];
if (pgUrl) databases.push(["PostgreSQL", { databaseUrl: pgUrl, pgSchema: `slack_insights_${process.pid}_${Date.now()}` }]);

type View = { type: string; callback_id?: string; private_metadata?: string; blocks: unknown[] };

describe.each(databases)("insights in Slack on %s", (_name, database) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ ...database, admins: [`slack:${TEAM}:U_LISTED`] });
    h.fake.workspaceAdmins.add("U_ADMIN");
    h.clock.now = new Date("2026-11-23T10:00:00Z");
  });
  afterAll(async () => {
    await h.close();
  });

  const reviewed = async (user: string, draft: string) => {
    const cmd = slashCommand(h, draft, user);
    await cmd.send();
    return (await h.fake.waitForResponse(cmd.responseId)).body.blocks;
  };

  /** Opens `user`'s App Home, as often as it takes (up to ~5 s) for `until` to hold: counts land just after a review is shown. */
  const home = async (user: string, until: (text: string) => boolean = () => true): Promise<View> => {
    let view: View | undefined;
    for (let attempt = 0; attempt < 50; attempt++) {
      const seen = h.fake.callsTo("views.publish").filter((c) => c.args.user_id === user).length;
      await event(h, { type: "app_home_opened", user, channel: `D_${user}`, tab: "home", event_ts: "1700000000.1" });
      view = (await h.fake.waitForCall("views.publish", (c) => c.args.user_id === user, seen)).args.view as View;
      if (until(blocksText(view.blocks))) return view;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`App Home of ${user} never showed what was expected:\n${blocksText(view?.blocks ?? [])}`);
  };

  const pickMonth = async (user: string, month: string): Promise<View> => {
    const seen = h.fake.callsTo("views.publish").filter((c) => c.args.user_id === user).length;
    await interaction(h, {
      type: "block_actions",
      team: { id: TEAM, domain: "fake" },
      user: { id: user, username: user.toLowerCase(), team_id: TEAM },
      api_app_id: "A1",
      token: "legacy",
      container: { type: "view", view_id: "VHOME" },
      trigger_id: nextId("trig"),
      view: { id: "VHOME", type: "home" },
      actions: [{ type: "static_select", action_id: "insights_month", block_id: "insights_actions", selected_option: { text: { type: "plain_text", text: month }, value: month }, action_ts: "1700000000.2" }],
    });
    return (await h.fake.waitForCall("views.publish", (c) => c.args.user_id === user, seen)).args.view as View;
  };

  test("teammates' reviews, a Not applicable click, a rewrite taken up and a follow-up show in an admin's App Home; a teammate's Home has none of it", async () => {
    // U1: a draft to revise; marks one finding not applicable, then takes up the rewrite in Review my edit.
    const first = await reviewed("U1", PUSHY);
    const dismiss = buttons(first).find((b) => b.value?.includes('"r":"demanding-tone"'))!;
    const noted = click(h, dismiss, "U1");
    await noted.send();
    expect(blocksText((await h.fake.waitForResponse(noted.responseId)).body.blocks)).toContain("marked not applicable");
    const edit = click(h, button(first, "review_edit"), "U1");
    await edit.send();
    const modal = (await h.fake.waitForCall("views.open", (c) => c.args.trigger_id === `trig-${edit.responseId}`)).args.view as View;
    expect(JSON.parse(modal.private_metadata!)).toMatchObject({ u: "U1", t: TEAM, w: 1 });
    const submitted = await viewSubmission(h, modal, { draft: { value: { type: "plain_text_input", value: GOOD } } }, "U1");
    expect(blocksText((submitted.json() as { view: { blocks: unknown } }).view.blocks)).toContain("Ready to send");

    // U2: a ready draft. U3: a channel mention, then the private copy of the same review (counted once).
    await reviewed("U2", GOOD);
    h.fake.threads.set("C_SALES", [{ ts: "1700000500.000100", text: `<@UBOT> ${PUSHY}`, user: "U3" }]);
    await event(h, { type: "app_mention", user: "U3", text: `<@UBOT> ${PUSHY}`, ts: "1700000500.000100", channel: "C_SALES", event_ts: "1700000500.000100" });
    const post = await h.fake.waitForCall("chat.postMessage", (c) => c.args.channel === "C_SALES");
    const full = click(h, button(post.args.blocks, "full_review"), "U3", nextId("full"), { type: "message", is_ephemeral: false });
    await full.send();
    expect(blocksText((await h.fake.waitForResponse(full.responseId)).body.blocks)).toContain("Revise before sending");

    // U4 tracks an ask and logs the follow-up.
    const tracked = await viewSubmission(
      h,
      { callback_id: "track_ask_modal", private_metadata: JSON.stringify({ u: "U4", t: TEAM }) },
      { reader_user: { value: { type: "users_select", selected_user: null } }, reader_name: { value: { value: "Quillon" } }, third_person: { value: { value: "Zephyrine Marchbank" } }, draft: { value: { value: GOOD } } },
      "U4",
    );
    expect(blocksText((tracked.json() as { view: { blocks: unknown } }).view.blocks)).toContain("Tracking ask #1");
    const followed = click(h, { action_id: "ask_followed_up", value: JSON.stringify({ u: "U4", t: TEAM, a: "1" }) }, "U4");
    await followed.send();
    expect(blocksText((await h.fake.waitForResponse(followed.responseId)).body.blocks)).toContain("Follow-up logged");

    // Another workspace on the same Askwell: never in this workspace's figures.
    const otherId = nextId("other");
    await postSigned(h.url, new URLSearchParams({ team_id: "T0999", channel_id: "C1", user_id: "U1", command: "/review-ask", text: PUSHY, response_url: h.fake.responseUrl(otherId), trigger_id: "t", api_app_id: "A1", token: "legacy" }).toString(), "application/x-www-form-urlencoded");
    await h.fake.waitForResponse(otherId);

    const admin = await home("U_ADMIN", (text) => text.includes("4 reviews"));
    const text = blocksText(admin.blocks);
    expect(admin.blocks[0]).toMatchObject({ type: "header" }); // the admin sections come first
    expect(text).toContain("What the team learns: November 2026 (admins)");
    expect(text).toContain("4 reviews: 2 ready to send, 2 to revise, 0 don't send, 0 not an ask");
    expect(text).toMatch(/1\. No easy way to say no \(`no-graceful-out`\): 2\n/);
    expect(text).toContain("A demanding tone (`demanding-tone`): 2");
    expect(text).toContain("2 offered, 1 used (50%)");
    expect(text).toContain("1 sent, 0 advised against");
    expect(text).toContain("A demanding tone (`demanding-tone`): 1 click on 2 findings (50%)");
    expect(text).toContain("Counts only: no drafts, no names.");
    expect(text).toContain("House rules (admins)");
    const picker = buttons(admin.blocks).find((b) => b.action_id === "insights_month");
    expect(picker).toBeDefined();

    const listed = await home("U_LISTED");
    expect(blocksText(listed.blocks)).toContain("4 reviews: 2 ready to send");

    const teammate = await home("U1");
    expect(blocksText(teammate.blocks)).not.toMatch(/What the team learns|reviews:|House rules/);
    expect(JSON.stringify(teammate.blocks)).not.toContain("insights_month");

    // Opened again later, the figures are the same: the private copy of the channel review was not counted.
    expect(blocksText((await home("U_ADMIN")).blocks)).toContain("4 reviews: 2 ready to send, 2 to revise");

    for (const view of [admin, listed, teammate]) expect(JSON.stringify(view)).not.toMatch(SECRET_WORDS);
    for (const view of [admin, listed]) expect(JSON.stringify(view)).not.toMatch(/"U[1-4]"|<@U[1-4]>|pat@example/);
  });

  test("an admin picks another month; a teammate's forged pick shows them nothing", async () => {
    const october = await pickMonth("U_ADMIN", "2026-10");
    const text = blocksText(october.blocks);
    expect(text).toContain("What the team learns: October 2026 (admins)");
    expect(text).toContain("No reviews counted this month.");
    const initial = (october.blocks as Array<{ block_id?: string; elements?: Array<{ initial_option?: { value: string }; options?: Array<{ value: string }> }> }>).find((b) => b.block_id === "insights_actions")!.elements![0]!;
    expect(initial.initial_option?.value).toBe("2026-10");
    expect(initial.options!.map((o) => o.value).slice(0, 3)).toEqual(["2026-11", "2026-10", "2026-09"]);

    const bogus = await pickMonth("U_ADMIN", "2026-13");
    expect(blocksText(bogus.blocks)).toContain("What the team learns: November 2026");

    const forged = await pickMonth("U1", "2026-11");
    expect(blocksText(forged.blocks)).not.toMatch(/What the team learns|reviews:/);
  });
});
