/**
 * "Copy forwardable note" in Teams, driven as Teams drives it: activities POSTed to /api/messages,
 * what the bot sends asserted at the fake Bot Connector. The note goes to the card's owner alone.
 */
import { analyse } from "../src/core/engine/text";
import { extractFacts } from "../src/core/rewrite-check";
import { teamServiceFor } from "../src/tracker/local";
import { cardOf, cardText, submitActions, type ReceivedActivity } from "./fakes/bot-connector";
import { ANA, BEN, CHANNEL_CONVERSATION, TENANT, cardInvoke, cardSubmit, channelMention, personalConversation, personalMessage, startTeamsBotUnderTest, type TeamsBotUnderTest } from "./teams-harness";

const INTRO = `Hi Marcus,

Since we worked together on the Halvorsen rollout, could you introduce me to Tessa Okafor at Brightwave? I'm exploring a move into developer relations and I'd love her advice on how she built her team. If you'd rather not, no worries at all. You can reach me at ana@example.com.

Thanks,
Ana`;
const RECOMMENDATION = "Hi Dana, we worked together on the Acme launch for two years. Would you write me a short LinkedIn recommendation about the launch? No worries if you're too busy.";

let t: TeamsBotUnderTest;
beforeAll(async () => {
  t = await startTeamsBotUnderTest();
});
afterAll(async () => {
  await t.close();
});

function replyTo(incoming: Record<string, unknown>): Promise<ReceivedActivity> {
  return t.connector.waitFor((a) => a.method === "POST" && a.activityId === incoming.id);
}

function forwardableButton(card: unknown): Record<string, unknown> {
  const found = submitActions(card).find((a) => a.title === "Copy forwardable note");
  if (!found) throw new Error(`no forwardable button in ${JSON.stringify(card).slice(0, 400)}`);
  return found.data;
}

/** The note in a forwardable card: its monospace text block. */
function noteIn(card: Record<string, unknown>): string {
  const json = JSON.stringify(card);
  expect(cardText(card)).toMatch(/Your forwardable note/);
  const blocks = [...json.matchAll(/"text":"((?:[^"\\]|\\.)*)","wrap":true,"fontType":"Monospace"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
  expect(blocks).toHaveLength(1);
  return blocks[0]!;
}

function expectAGoodNote(note: string): void {
  expect(note.startsWith("Hi Tessa,")).toBe(true);
  expect(note).toContain("Marcus and I worked together on the Halvorsen rollout.");
  expect(note).toContain("I'd love your advice on how you built your team.");
  expect(note).toMatch(/reach me at ana@example\.com; if the timing isn't right, no pressure at all\./);
  expect(analyse(note).bodySentences.length).toBeLessThanOrEqual(5);
  const words = extractFacts(INTRO).words;
  expect([...extractFacts(note).names].filter((n) => !words.has(n))).toEqual([]);
}

test("in a 1:1 chat, the intro request's card has the button, and pressing it sends the note there", async () => {
  const message = personalMessage(t.connector, ANA, INTRO);
  await t.post(message);
  const card = cardOf(await replyTo(message));
  expect((card.actions as Array<{ title: string }>).map((a) => a.title)).toEqual(["Track this ask", "Copy forwardable note", "Review my edit"]);
  const data = forwardableButton(card);
  expect(data).toEqual({ askwell: 1, action: "forwardable", tenant: TENANT, user: ANA.aadObjectId, dismissed: "" });

  const press = cardSubmit(t.connector, ANA, "card-1", { ...data, draft: INTRO }, personalConversation(ANA));
  expect((await t.post(press)).status).toBe(200);
  const sent = await replyTo(press);
  expect(sent.conversationId).toBe(personalConversation(ANA).id);
  expectAGoodNote(noteIn(cardOf(sent)));
});

test("from a channel, the note goes to the presser's 1:1 chat; the channel only hears that it went", async () => {
  const mention = channelMention(t.connector, ANA, INTRO);
  await t.post(mention);
  const data = forwardableButton(cardOf(await replyTo(mention)));
  const conversationsBefore = t.connector.conversations.length;

  const press = cardSubmit(t.connector, ANA, "card-2", { ...data, draft: INTRO });
  expect((await t.post(press)).status).toBe(200);
  const inChannel = await replyTo(press);
  expect(inChannel.conversationId).toBe(CHANNEL_CONVERSATION.id);
  expect(inChannel.body.text).toMatch(/sent your forwardable note to our 1:1 chat/);
  expect(JSON.stringify(inChannel.body)).not.toMatch(/Tessa|Halvorsen|ana@example\.com/);

  const opened = t.connector.conversations.slice(conversationsBefore);
  expect(opened).toHaveLength(1);
  expect(opened[0]!.body).toMatchObject({ isGroup: false, members: [{ id: ANA.id }], tenantId: TENANT });
  const privately = await t.connector.waitFor((a) => a.method === "POST" && a.conversationId === opened[0]!.id);
  expectAGoodNote(noteIn(cardOf(privately)));
});

test("as a Universal Action, the note is the answer only the presser sees", async () => {
  const response = await t.post(cardInvoke(t.connector, ANA, "card-3", { askwell: 1, action: "forwardable", tenant: TENANT, user: ANA.aadObjectId, draft: INTRO }));
  expect(response.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.activity.message" });
  const value = (response.body as { value: string }).value;
  expect(value).toMatch(/^📨 Your forwardable note \(only you can see this/);
  expectAGoodNote(value.split("\n\n").slice(1).join("\n\n"));
});

test("someone else pressing the button, or a press without a draft, gets no note", async () => {
  const mention = channelMention(t.connector, ANA, INTRO);
  await t.post(mention);
  const data = forwardableButton(cardOf(await replyTo(mention)));
  const before = t.connector.conversations.length;

  const bens = cardSubmit(t.connector, BEN, "card-4", { ...data, draft: INTRO });
  await t.post(bens);
  expect((await replyTo(bens)).body.text).toMatch(/made for someone else/);

  const empty = cardSubmit(t.connector, ANA, "card-5", { ...data, draft: "  " });
  await t.post(empty);
  expect((await replyTo(empty)).body.text).toMatch(/Send me the draft you want reviewed/);

  expect(t.connector.conversations.length).toBe(before);
  expect(t.connector.activities.filter((a) => a.body.attachments && /Your forwardable note/.test(JSON.stringify(a.body)) && (a.activityId === bens.id || a.activityId === empty.id))).toEqual([]);
});

test("other kinds of ask have no forwardable note action", async () => {
  const message = personalMessage(t.connector, BEN, RECOMMENDATION);
  await t.post(message);
  const card = cardOf(await replyTo(message));
  expect(cardText(card)).toMatch(/Recommendation request/);
  expect(submitActions(card).map((a) => a.title)).not.toContain("Copy forwardable note");
});

test("the tenant's house rules apply: a three-sentence limit is kept in the note", async () => {
  const team = teamServiceFor(t.store);
  if (!team) throw new Error("the harness has no team service");
  const workspace = { platform: "teams" as const, workspaceId: TENANT };
  expect((await team.changePolicy(workspace, `teams:${TENANT}:admin`, [{ type: "limit", key: "maxBodySentences", value: 3 }], new Date())).ok).toBe(true);
  try {
    const press = cardSubmit(t.connector, ANA, "card-6", { askwell: 1, action: "forwardable", tenant: TENANT, user: ANA.aadObjectId, draft: INTRO }, personalConversation(ANA));
    await t.post(press);
    const note = noteIn(cardOf(await replyTo(press)));
    expect(analyse(note).bodySentences.length).toBeLessThanOrEqual(3);
    expect(note).toContain("ana@example.com");
  } finally {
    await team.changePolicy(workspace, `teams:${TENANT}:admin`, [{ type: "limit", key: "maxBodySentences", value: 5 }], new Date());
  }
});
