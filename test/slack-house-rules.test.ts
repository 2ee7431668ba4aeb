/**
 * House rules and connector protection in Slack, driven with signed requests against the fake Web API
 * on a real database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): an admin edits the rules in
 * App Home, the next review follows them in that workspace only, and a third intro request to the same
 * connector from another teammate gets the notice, also in the pending intro's DM reminder.
 */
import { PassThrough } from "node:stream";
import { runAskwell } from "../adapters/cli";
import { blocksText, button, event, nextId, postSigned, slashCommand, startSlackHarness, viewSubmission, click, TEAM, type SlackHarness } from "./slack-harness";

const INTRO = "Hi Dana, we worked together at Acme. Could you introduce me to Sam Ortiz at Globex? I'd like his advice on pricing. If it's not a good fit, no worries at all.";
const pgUrl = process.env.TEST_DATABASE_URL;
const databases: Array<[string, { databaseUrl?: string; pgSchema?: string }]> = [["SQLite", {}]];
if (pgUrl) databases.push(["PostgreSQL", { databaseUrl: pgUrl, pgSchema: `slack_house_${process.pid}_${Date.now()}` }]);

type View = { callback_id: string; private_metadata: string; blocks: Array<{ block_id?: string; type: string }> };

describe.each(databases)("house rules in Slack on %s", (_name, database) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ ...database, admins: [`slack:${TEAM}:U_LISTED`] });
    h.fake.workspaceAdmins.add("U_ADMIN");
  });
  afterAll(async () => {
    await h.close();
  });

  const review = async (user: string, draft = INTRO) => {
    const cmd = slashCommand(h, draft, user);
    await cmd.send();
    return blocksText((await h.fake.waitForResponse(cmd.responseId)).body.blocks);
  };
  const openEditor = async (user: string, home: { args: Record<string, unknown> }): Promise<View> => {
    const edit = click(h, button((home.args.view as { blocks: unknown }).blocks, "edit_house_rules"), user, nextId("house"), { type: "view", view_id: "VHOME" });
    await edit.send();
    return (await h.fake.waitForCall("views.open", (c) => c.args.trigger_id === `trig-${edit.responseId}`)).args.view as View;
  };
  const values = (changes: Record<string, unknown> = {}) => ({
    rules_off: { value: { type: "multi_static_select", selected_options: [{ value: "no-timeline" }] } },
    rules_tip: { value: { type: "multi_static_select", selected_options: [] } },
    max_sentences: { value: { type: "static_select", selected_option: { value: "5" } } },
    follow_up_days: { value: { type: "number_input", value: null } },
    reminder_cap: { value: { type: "static_select", selected_option: { value: "2" } } },
    connector_threshold: { value: { type: "static_select", selected_option: { value: "2" } } },
    phrases: { value: { type: "plain_text_input", value: "circle back => Say what you need and by when instead." } },
    ...changes,
  });

  test("an admin's App Home shows the house rules and an edit button; a teammate's does not", async () => {
    await event(h, { type: "app_home_opened", user: "U_ADMIN", channel: "D1", tab: "home", event_ts: "1700000000.1" });
    const admin = await h.fake.waitForCall("views.publish", (c) => c.args.user_id === "U_ADMIN");
    const text = blocksText((admin.args.view as { blocks: unknown }).blocks);
    expect(text).toContain("Body-sentence limit: 5");
    expect(text).toContain("Version 0");
    button((admin.args.view as { blocks: unknown }).blocks, "edit_house_rules");

    await event(h, { type: "app_home_opened", user: "U_PLAIN", channel: "D2", tab: "home", event_ts: "1700000000.2" });
    const plain = await h.fake.waitForCall("views.publish", (c) => c.args.user_id === "U_PLAIN");
    expect(blocksText((plain.args.view as { blocks: unknown }).blocks)).not.toContain("Body-sentence limit");
    expect(() => button((plain.args.view as { blocks: unknown }).blocks, "edit_house_rules")).toThrow();
  });

  test("the admin turns a rule off and adds a phrase: the next review in this workspace follows, another workspace's does not", async () => {
    expect(await review("U300")).toContain("Add a time frame");
    const home = await h.fake.waitForCall("views.publish", (c) => c.args.user_id === "U_ADMIN");
    const view = await openEditor("U_ADMIN", home);
    expect(view.callback_id).toBe("house_rules_modal");
    expect(view.blocks.map((b) => b.block_id)).toEqual(["rules_off", "rules_tip", "max_sentences", "follow_up_days", "reminder_cap", "connector_threshold", "phrases"]);

    const saved = await viewSubmission(h, view, values(), "U_ADMIN");
    expect(blocksText((saved.json() as { view: { blocks: unknown } }).view.blocks)).toContain("Saved as version 1: no-timeline: on → off; team phrase set: \"circle back\"");

    const after = await review("U300", `${INTRO} Happy to circle back later.`);
    expect(after).not.toContain("Add a time frame");
    expect(after).toContain(":house: *House rules* (set by your team)");
    expect(after).toContain("“circle back”: Say what you need and by when instead.");
    expect(after).toContain("Your team turned off `no-timeline`");

    // Another workspace on the same Askwell keeps the contract as written.
    const responseId = nextId("other");
    const body = new URLSearchParams({ team_id: "T0999", channel_id: "C1", user_id: "U1", command: "/review-ask", text: INTRO, response_url: h.fake.responseUrl(responseId), trigger_id: "t", api_app_id: "A1", token: "legacy" }).toString();
    await postSigned(h.url, body, "application/x-www-form-urlencoded");
    expect(blocksText((await h.fake.waitForResponse(responseId)).body.blocks)).toContain("Add a time frame");
  });

  test("someone listed in ASKWELL_ADMINS may edit; a teammate's forged submission and bad values change nothing", async () => {
    await event(h, { type: "app_home_opened", user: "U_LISTED", channel: "D3", tab: "home", event_ts: "1700000000.3" });
    const listed = await h.fake.waitForCall("views.publish", (c) => c.args.user_id === "U_LISTED");
    const view = await openEditor("U_LISTED", listed);

    const forged = await viewSubmission(h, { ...view, private_metadata: JSON.stringify({ u: "U_PLAIN", t: TEAM }) }, values({ rules_off: { value: { selected_options: [] } } }), "U_PLAIN");
    expect(forged.json()).toMatchObject({ response_action: "errors", errors: { phrases: expect.stringMatching(/Only workspace admins/) } });

    const clash = await viewSubmission(h, view, values({ rules_tip: { value: { selected_options: [{ value: "no-timeline" }] } } }), "U_LISTED");
    expect(clash.json()).toMatchObject({ response_action: "errors", errors: { rules_tip: expect.stringMatching(/either off or a tip/) } });
    const badPhrase = await viewSubmission(h, view, values({ phrases: { value: { value: "circle back" } } }), "U_LISTED");
    expect(badPhrase.json()).toMatchObject({ response_action: "errors", errors: { phrases: expect.stringMatching(/phrase => what to say/) } });
    const badDays = await viewSubmission(h, view, values({ follow_up_days: { value: { value: "400" } } }), "U_LISTED");
    expect(badDays.json()).toMatchObject({ response_action: "errors", errors: { follow_up_days: expect.stringMatching(/followUpAfterDays/) } });

    const tip = await viewSubmission(h, view, values({ rules_tip: { value: { selected_options: [{ value: "demanding-tone" }] } } }), "U_LISTED");
    expect(blocksText((tip.json() as { view: { blocks: unknown } }).view.blocks)).toContain("version 2: demanding-tone: on → tip");
    const history = await h.store.exportUser({ platform: "slack", workspaceId: TEAM, userId: "U_LISTED" });
    expect(history.asks).toHaveLength(0); // house rules are the workspace's, not a person's data
  });

  test("a third intro request to the same connector from a different teammate gets the notice; the DM reminder carries the count", async () => {
    const track = async (user: string) => {
      const values = { reader_user: { value: { type: "users_select", selected_user: "U_DANA" } }, reader_name: { value: { value: null } }, third_person: { value: { value: "Sam Ortiz" } }, draft: { value: { value: INTRO } } };
      const res = await viewSubmission(h, { callback_id: "track_ask_modal", private_metadata: JSON.stringify({ u: user, t: TEAM }) }, values, user);
      return blocksText((res.json() as { view: { blocks: unknown } }).view.blocks);
    };
    expect(await track("U401")).not.toContain("Heads-up");
    expect(await track("U402")).not.toContain("Heads-up");
    const third = await track("U403");
    expect(third).toContain("Tracking ask #1");
    expect(third).toMatch(/Heads-up: <@U_DANA> already has 2 open intro requests from your team in the last 30 days \(2 from teammates; sent 2026-11-23, 2026-11-23\)/);
    expect(third).not.toMatch(/U401|U402|Sam Ortiz/);

    const stdout = new PassThrough();
    await runAskwell(["reminders", "run", "--now", "2026-12-02T12:00:00Z"], { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: { ...h.env, LOG_LEVEL: "silent", ...(database.pgSchema ? { DATABASE_URL: `${pgUrl}?options=${encodeURIComponent(`-c search_path=${database.pgSchema}`)}` } : {}) } });
    const dm = h.fake.callsTo("chat.postMessage").find((c) => c.args.channel === "D401");
    expect(dm).toBeDefined();
    expect(blocksText(dm!.args.blocks)).toContain("They also have 2 other open intro requests from your team right now");
  });
});
