/** Slack, as a user finds it: a draft DMed to Askwell is reviewed there, and `/review-ask track` records a sent ask. */
import { blocksText, button, buttons, event, slashCommand, startSlackHarness, viewSubmission, TEAM, type SlackHarness } from "./slack-harness";

const ROB_DRAFT = "Hey Rob, I need you to intro me to the CTO at Gridline ASAP so I can pitch him. Send him a note today.";
const SENT = "Hi Dana, we worked together at Acme last spring. Could you introduce me to Sam Ortiz? I'd value 20 minutes of advice on a data role. No worries if not.";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h.close();
});

const dm = (text: string, extra: Record<string, unknown> = {}) =>
  event(h, { type: "message", channel_type: "im", channel: "D100", user: "U100", text, ts: `1700000500.${Math.floor(Math.random() * 1e6)}`, event_ts: "1700000500.000001", ...extra });

test("a draft sent as a direct message is reviewed in the DM, with the review's buttons", async () => {
  expect((await dm(ROB_DRAFT)).status).toBe(200);
  const post = await h.fake.waitForCall("chat.postMessage", (c) => c.args.channel === "D100" && /Soften the pressure/.test(blocksText(c.args.blocks)));
  expect(blocksText(post.args.blocks)).toContain("Revise before sending");
  expect(buttons(post.args.blocks).map((b) => b.action_id)).toEqual(expect.arrayContaining(["track_ask", "review_edit"]));
  expect(JSON.parse(button(post.args.blocks, "track_ask").value!)).toMatchObject({ u: "U100", t: TEAM });
});

test("help and list work in the DM; the bot's own messages, edits and channel messages are ignored", async () => {
  await dm("help");
  expect(blocksText((await h.fake.waitForCall("chat.postMessage", (c) => c.args.channel === "D100" && /How to use|reviews a networking ask/.test(blocksText(c.args.blocks)))).args.blocks)).toMatch(/review-ask track/);
  await dm("list");
  await h.fake.waitForCall("chat.postMessage", (c) => c.args.channel === "D100" && /no pending asks/.test(blocksText(c.args.blocks)));

  const before = h.fake.callsTo("chat.postMessage").length;
  await dm(ROB_DRAFT, { user: "UBOT", bot_id: "B1" });
  await dm(ROB_DRAFT, { subtype: "message_changed" });
  await dm(ROB_DRAFT, { channel_type: "channel", channel: "C900" });
  // A DM sent afterwards is answered, so anything the three above triggered would have shown by now.
  await dm("help");
  await h.fake.waitForCall("chat.postMessage", (c) => c.args.channel === "D100", before);
  expect(h.fake.callsTo("chat.postMessage").slice(before).map((c) => blocksText(c.args.blocks))).toEqual([expect.stringMatching(/review-ask track/)]);
});

test("/review-ask track opens the Track form, which records the ask as the console's track does", async () => {
  const command = slashCommand(h, "track");
  expect((await command.send()).status).toBe(200);
  const opened = await h.fake.waitForCall("views.open", (c) => c.args.trigger_id === `trig-${command.responseId}`);
  const view = opened.args.view as { callback_id: string; private_metadata: string; blocks: Array<{ block_id: string }> };
  expect(view.callback_id).toBe("track_ask_modal");
  expect(view.blocks.map((b) => b.block_id)).toEqual(["reader_user", "reader_name", "third_person", "draft"]);

  const submitted = await viewSubmission(h, view, {
    reader_user: { value: { type: "users_select", selected_user: null } },
    reader_name: { value: { type: "plain_text_input", value: "Dana Lee" } },
    third_person: { value: { type: "plain_text_input", value: "Sam Ortiz" } },
    draft: { value: { type: "plain_text_input", value: SENT } },
  });
  expect(submitted.status).toBe(200);
  expect(blocksText((submitted.json() as { view: { blocks: unknown } }).view.blocks)).toMatch(/Tracking ask #1/);
  // The App Home is refreshed with it (and the test waits for that call before the harness closes).
  const home = await h.fake.waitForCall("views.publish", (c) => c.args.user_id === "U100");
  expect(blocksText((home.args.view as { blocks: unknown }).blocks)).toContain("#1 · intro request* to Dana Lee (intro to Sam Ortiz)");
  const listed = await h.tracker.listAsks({ platform: "slack", workspaceId: TEAM, userId: "U100" });
  expect(listed.ok && listed.value.map((a) => [a.reader.name, a.thirdPerson, a.kind])).toEqual([["Dana Lee", "Sam Ortiz", "intro_request"]]);
});
