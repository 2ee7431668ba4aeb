/**
 * "Copy forwardable note" in Slack, as a user finds it: signed requests into the running app, the fake
 * Web API behind it. The button sits under intro-request reviews only; a click posts the note, in a
 * code block, to the clicking user only; a stranger's or a forged click gets nothing.
 */
import { analyse } from "../src/core/engine/text";
import { extractFacts } from "../src/core/rewrite-check";
import { teamServiceFor } from "../src/tracker/local";
import { blocksText, button, buttons, click, event, nextId, slashCommand, startSlackHarness, TEAM, type SlackHarness } from "./slack-harness";

const INTRO = `Hi Marcus,

Since we worked together on the Halvorsen rollout, could you introduce me to Tessa Okafor at Brightwave? I'm exploring a move into developer relations and I'd love her advice on how she built her team. If you'd rather not, no worries at all. You can reach me at jamie.lund@example.com.

Thanks,
Jamie`;
const RECOMMENDATION = "Hi Dana, we worked together on the Acme launch for two years. Would you write me a short LinkedIn recommendation about the launch? No worries if you're too busy.";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h.close();
});

async function reviewOf(text: string, user = "U100") {
  const cmd = slashCommand(h, text, user);
  expect((await cmd.send()).status).toBe(200);
  return (await h.fake.waitForResponse(cmd.responseId, 0)).body.blocks;
}

/** The note in a response: the text of its code block, unescaped. */
function noteIn(blocks: unknown): string {
  const code = /```([\s\S]*)```/.exec(blocksText(blocks));
  if (!code) throw new Error(`no code block in ${JSON.stringify(blocks)}`);
  return code[1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

test("an intro request's review has the button; clicking it posts the note to the clicking user only, in a code block", async () => {
  const review = await reviewOf(INTRO);
  expect(buttons(review).map((b) => b.action_id)).toEqual(expect.arrayContaining(["track_ask", "forwardable_note", "review_edit"]));
  const forwardable = button(review, "forwardable_note");
  expect(buttons(review).find((b) => b.action_id === "forwardable_note")?.text).toBe("Copy forwardable note");
  expect(JSON.parse(forwardable.value!)).toMatchObject({ u: "U100", t: TEAM, d: INTRO });

  const mine = click(h, forwardable, "U100");
  expect((await mine.send()).status).toBe(200);
  const reply = await h.fake.waitForResponse(mine.responseId);
  expect(reply.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
  expect(blocksText(reply.body.blocks)).toContain("*Forwardable note*");
  const note = noteIn(reply.body.blocks);
  expect(note.startsWith("Hi Tessa,")).toBe(true);
  expect(note).toContain("Marcus and I worked together on the Halvorsen rollout.");
  expect(note).toContain("I'd love your advice on how you built your team.");
  expect(note).toMatch(/reach me at jamie\.lund@example\.com; if the timing isn't right, no pressure at all\./);
  expect(analyse(note).bodySentences.length).toBeLessThanOrEqual(5);
  const draftWords = extractFacts(INTRO).words;
  expect([...extractFacts(note).names].filter((n) => !draftWords.has(n))).toEqual([]);
  // Nothing was posted to a channel: the note went to the response_url, ephemerally.
  expect(h.fake.callsTo("chat.postMessage").filter((c) => /Forwardable note/.test(blocksText(c.args.blocks)))).toEqual([]);
});

test("someone else's click, or a forged value, gets a refusal and no note", async () => {
  const forwardable = button(await reviewOf(INTRO), "forwardable_note");
  for (const [user, value] of [
    ["U999", forwardable.value],
    ["U100", JSON.stringify({ u: "U100", t: TEAM })],
    ["U100", JSON.stringify({ u: "U100", t: TEAM, d: "x".repeat(5000) })],
    ["U100", "{not json"],
  ] as const) {
    const attempt = click(h, { action_id: "forwardable_note", value }, user, nextId("fwd"));
    expect((await attempt.send()).status).toBe(200);
    const reply = await h.fake.waitForResponse(attempt.responseId);
    expect(reply.body.response_type).toBe("ephemeral");
    expect(blocksText(reply.body.blocks)).toContain("belongs to someone else");
    expect(blocksText(reply.body.blocks)).not.toContain("```");
  }
});

test("other kinds of ask have no forwardable note button", async () => {
  const review = await reviewOf(RECOMMENDATION);
  expect(blocksText(review)).toContain("recommendation ask");
  expect(buttons(review).map((b) => b.action_id)).not.toContain("forwardable_note");
});

test("a draft too long to carry in a button says how to get the note instead", async () => {
  const long = `${INTRO.split("\n\nThanks")[0]} ${"We have spent the past two years building the component library that three product teams now rely on every day. ".repeat(16)}`;
  const review = await reviewOf(long);
  expect(buttons(review).map((b) => b.action_id)).not.toContain("forwardable_note");
  expect(blocksText(review)).toContain("A forwardable note for the person you want to meet needs a shorter draft");
});

test("in the DM: the review there has the button, and the note keeps to the workspace's house rules", async () => {
  const team = teamServiceFor(h.store);
  if (!team) throw new Error("the harness has no team service");
  expect((await team.changePolicy({ platform: "slack", workspaceId: TEAM }, `slack:${TEAM}:UADMIN`, [{ type: "limit", key: "maxBodySentences", value: 3 }], h.clock.now)).ok).toBe(true);
  try {
    const ts = `1700000600.${Math.floor(Math.random() * 1e6)}`;
    expect((await event(h, { type: "message", channel_type: "im", channel: "D777", user: "U100", text: INTRO, ts, event_ts: ts })).status).toBe(200);
    const post = await h.fake.waitForCall("chat.postMessage", (c) => c.args.channel === "D777");
    const mine = click(h, button(post.args.blocks, "forwardable_note"), "U100", nextId("fwd"), { type: "message", is_ephemeral: false });
    await mine.send();
    const note = noteIn((await h.fake.waitForResponse(mine.responseId)).body.blocks);
    expect(analyse(note).bodySentences.length).toBeLessThanOrEqual(3);
    expect(note).toContain("jamie.lund@example.com");
    expect(note).toMatch(/no pressure at all/);
  } finally {
    await team.changePolicy({ platform: "slack", workspaceId: TEAM }, `slack:${TEAM}:UADMIN`, [{ type: "limit", key: "maxBodySentences", value: 5 }], h.clock.now);
  }
});
