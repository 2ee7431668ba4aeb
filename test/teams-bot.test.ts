/**
 * The Teams bot driven as Teams drives it: Bot Framework activities POSTed to /api/messages, replies
 * and card JSON asserted where they arrive, at a fake Bot Connector.
 */
import { cardOf, cardText, submitActions, type ReceivedActivity } from "./fakes/bot-connector";
import {
  ANA,
  BEN,
  CHANNEL_CONVERSATION,
  TENANT,
  cardInvoke,
  cardSubmit,
  channelMention,
  installedInPersonalScope,
  personalConversation,
  personalMessage,
  startTeamsBotUnderTest,
  type TeamsBotUnderTest,
} from "./teams-harness";

const DRAFT = "Hey Rob, I need you to intro me to the CTO at Gridline ASAP so I can pitch him. Send him a note today.";
const BETTER_DRAFT =
  "Hi Rob, we worked together on the payments launch at Northwind last spring. Could you introduce me to Mei, the CTO at Gridline? I'd like her advice on scaling our data team, and a 20-minute call in the next two weeks would be plenty. My email is ana@example.com if she has questions. No worries at all if you'd rather not.";
const anaOwner = { platform: "teams" as const, workspaceId: TENANT, userId: ANA.aadObjectId };

let t: TeamsBotUnderTest;
beforeAll(async () => {
  t = await startTeamsBotUnderTest();
});
afterAll(async () => {
  await t.close();
});

/** The activity the bot sent in answer to the incoming activity with this id. */
function replyTo(incoming: Record<string, unknown>): Promise<ReceivedActivity> {
  return t.connector.waitFor((a) => a.method === "POST" && a.activityId === incoming.id);
}

async function reviewInChannel(from = ANA, draft = DRAFT): Promise<ReceivedActivity> {
  const mention = channelMention(t.connector, from, draft);
  expect((await t.post(mention)).status).toBe(200);
  return replyTo(mention);
}

const button = (card: unknown, title: string) => {
  const found = submitActions(card).find((a) => a.title === title);
  if (!found) throw new Error(`no "${title}" button in ${JSON.stringify(card).slice(0, 400)}`);
  return found.data;
};

test("installing the bot in personal scope greets the user and saves the conversation for reminders", async () => {
  const install = installedInPersonalScope(t.connector, ANA);
  expect((await t.post(install)).status).toBe(200);
  const greeting = await t.connector.waitFor((a) => a.conversationId === personalConversation(ANA).id && /Askwell/.test(a.body.text ?? ""));
  expect(greeting.body.text).toMatch(/review-ask/);
  const saved = await t.tracker.getUserSetting(anaOwner, "teams.conversation");
  expect(saved).toMatchObject({ ok: true, value: { serviceUrl: t.connector.url, conversation: { id: personalConversation(ANA).id } } });
});

test("@Askwell <draft> in a channel replies in the thread with a review card", async () => {
  const reply = await reviewInChannel();
  expect(reply.conversationId).toBe(CHANNEL_CONVERSATION.id);
  const card = cardOf(reply);
  expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
  const text = cardText(card);
  expect(text).toMatch(/Introduction request · score \d+\/100/);
  expect(text).toMatch(/Worth a revision|Don't send/);
  expect(text).toMatch(/Checklist/);
  expect(text).toMatch(/A suggested rewrite/);
  // Each finding has a "Not applicable" button naming its rule; the demanding tone is among them.
  const rules = submitActions(card).filter((a) => a.title === "Not applicable").map((a) => a.data.rule);
  expect(rules).toContain("demanding-tone");
  // Track this ask opens a form (with the third person, for an intro); Use this rewrite reviews the rewrite; Review my edit re-reviews the box.
  const actions = card.actions as Array<{ type: string; title: string; card?: { body: Array<{ id?: string }> } }>;
  expect(actions.map((a) => a.title)).toEqual(["Track this ask", "Use this rewrite", "Copy forwardable note", "Review my edit"]);
  expect(actions[0]!.card!.body.map((input) => input.id)).toEqual(["reader", "thirdPerson"]);
  expect(card.body).toContainEqual(expect.objectContaining({ type: "Input.Text", id: "draft", value: DRAFT }));
  // Buttons carry the card owner's tenant and AAD id, nothing else of theirs.
  expect(button(card, "Track")).toEqual({ askwell: 1, action: "track", tenant: TENANT, user: ANA.aadObjectId, dismissed: "" });
});

test("in a 1:1 chat any message is reviewed, without a mention; a channel message not addressed to the bot is ignored", async () => {
  const message = personalMessage(t.connector, ANA, BETTER_DRAFT);
  await t.post(message);
  const reply = await replyTo(message);
  expect(reply.conversationId).toBe(personalConversation(ANA).id);
  expect(cardText(cardOf(reply))).toMatch(/Introduction request/);

  const chatter = { ...channelMention(t.connector, BEN, "lunch anyone?"), text: "lunch anyone?", entities: [] };
  const before = t.connector.activities.length;
  expect((await t.post(chatter)).status).toBe(200);
  expect(t.connector.activities.length).toBe(before);
});

test("typed commands: help, review-ask <draft>, list", async () => {
  const help = channelMention(t.connector, BEN, "help");
  await t.post(help);
  expect((await replyTo(help)).body.text).toMatch(/review-ask <draft>.*\n.*Track this ask/s);

  const reviewAsk = personalMessage(t.connector, BEN, `review-ask ${DRAFT}`);
  await t.post(reviewAsk);
  const card = cardOf(await replyTo(reviewAsk));
  expect(card.body).toContainEqual(expect.objectContaining({ id: "draft", value: DRAFT }));

  const list = personalMessage(t.connector, BEN, "list");
  await t.post(list);
  expect(cardText(cardOf(await replyTo(list)))).toMatch(/No open asks/);
});

test("Track this ask records the ask (with the third person) in the tracker and updates the card", async () => {
  const reply = await reviewInChannel();
  const press = cardSubmit(t.connector, ANA, reply.id, { ...button(cardOf(reply), "Track"), draft: DRAFT, reader: "Rob Chen", thirdPerson: "the CTO at Gridline" });
  expect((await t.post(press)).status).toBe(200);

  const confirmation = await replyTo(press);
  expect(confirmation.body.text).toMatch(/Tracking ask #\d+ to Rob Chen\. I'll remind you here on \d{4}-\d{2}-\d{2}/);
  const update = await t.connector.waitFor((a) => a.method === "PUT" && a.activityId === reply.id);
  expect(cardText(cardOf(update))).toMatch(/Tracked as ask #\d+/);
  expect((cardOf(update).actions as Array<{ title: string }>).map((a) => a.title)).toEqual(["Copy forwardable note", "Review my edit"]);

  const asks = await t.tracker.listAsks(anaOwner);
  expect(asks.ok && asks.value[0]).toMatchObject({ kind: "intro_request", reader: { name: "Rob Chen" }, thirdPerson: "the CTO at Gridline", timeZone: "Europe/Paris", draft: null });
});

test("Track without saying who it went to asks for it and records nothing", async () => {
  const reply = await reviewInChannel(BEN);
  const before = await t.tracker.listAsks({ ...anaOwner, userId: BEN.aadObjectId });
  const press = cardSubmit(t.connector, BEN, reply.id, { ...button(cardOf(reply), "Track"), draft: DRAFT, reader: "  " });
  await t.post(press);
  expect((await replyTo(press)).body.text).toMatch(/Tell me who you sent it to/);
  expect(await t.tracker.listAsks({ ...anaOwner, userId: BEN.aadObjectId })).toEqual(before);
});

test("Review my edit (as an adaptiveCard/action invoke) re-reviews the edited box and updates the card in place", async () => {
  const reply = await reviewInChannel();
  const press = cardInvoke(t.connector, ANA, reply.id, { ...button(cardOf(reply), "Review my edit"), draft: BETTER_DRAFT });
  const response = await t.post(press);
  expect(response).toMatchObject({ status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message" } });
  const update = await t.connector.waitFor((a) => a.method === "PUT" && a.activityId === reply.id);
  const card = cardOf(update);
  expect(card.body).toContainEqual(expect.objectContaining({ id: "draft", value: BETTER_DRAFT }));
  const rules = submitActions(card).filter((a) => a.title === "Not applicable").map((a) => a.data.rule);
  expect(rules).not.toContain("demanding-tone");
});

test("Not applicable records the dismissal (the rule id only) and marks the finding on the card", async () => {
  const reply = await reviewInChannel();
  const press = cardSubmit(t.connector, ANA, reply.id, { ...submitActions(cardOf(reply)).find((a) => a.data.rule === "demanding-tone")!.data, draft: DRAFT });
  await t.post(press);
  const update = await t.connector.waitFor((a) => a.method === "PUT" && a.activityId === reply.id && cardText(cardOf(a)).includes("Marked not applicable"));
  const remaining = submitActions(cardOf(update)).filter((a) => a.title === "Not applicable");
  expect(remaining.map((a) => a.data.rule)).not.toContain("demanding-tone");
  expect(remaining.every((a) => a.data.dismissed === "demanding-tone")).toBe(true);
  const exported = await t.tracker.exportUser(anaOwner);
  expect(exported.ok && exported.value.dismissals.map((d) => d.ruleId)).toContain("demanding-tone");
  expect(JSON.stringify(exported)).not.toContain("Gridline ASAP");
});

test("a card action from another user, or with a tampered owner, is refused and changes nothing", async () => {
  const reply = await reviewInChannel(ANA);
  const anaTrack = { ...button(cardOf(reply), "Track"), draft: DRAFT, reader: "Rob Chen" };
  const before = await t.tracker.listAsks(anaOwner);

  // Ben presses Ana's button in the channel.
  const bens = cardSubmit(t.connector, BEN, reply.id, anaTrack);
  await t.post(bens);
  expect((await replyTo(bens)).body.text).toMatch(/made for someone else/);

  // Ana's id with another tenant (a forged payload), as an invoke.
  const forged = cardInvoke(t.connector, ANA, reply.id, { ...anaTrack, tenant: "another-tenant" });
  const response = await t.post(forged);
  expect(response.body).toMatchObject({ statusCode: 200, value: expect.stringMatching(/made for someone else/) });

  // Garbage in the payload is refused too.
  const garbage = cardSubmit(t.connector, ANA, reply.id, { askwell: 1, action: "close", tenant: TENANT, user: ANA.aadObjectId, askId: "1; drop table asks" });
  await t.post(garbage);
  expect((await replyTo(garbage)).body.text).toMatch(/couldn't read that button/);

  expect(await t.tracker.listAsks(anaOwner)).toEqual(before);
  expect(t.connector.activities.filter((a) => a.method === "PUT" && a.activityId === reply.id)).toHaveLength(0);
  expect(await t.tracker.listAsks({ ...anaOwner, userId: BEN.aadObjectId })).toMatchObject({ ok: true });
});

test("list shows open asks with their actions; They replied closes one, and pressing again is refused kindly", async () => {
  const list = personalMessage(t.connector, ANA, "list");
  await t.post(list);
  const card = cardOf(await replyTo(list));
  expect(cardText(card)).toMatch(/Your open asks \(\d+\)[\s\S]*Introduction request to Rob Chen \(introduction to the CTO at Gridline\)/);
  const replied = submitActions(card).find((a) => a.title === "They replied")!.data;
  const press = cardSubmit(t.connector, ANA, "list-card", replied, personalConversation(ANA));
  await t.post(press);
  expect((await replyTo(press)).body.text).toMatch(/Ask #\d+ is now answered/);
  const again = cardSubmit(t.connector, ANA, "list-card", replied, personalConversation(ANA));
  await t.post(again);
  expect((await replyTo(again)).body.text).toMatch(/is answered, so it can't be marked/);
});

test("bad input gets a clear answer, never a crash: a 50,000-character draft, an empty mention, a malformed body", async () => {
  const huge = channelMention(t.connector, BEN, `Hi Dana, could you introduce me to Sam at Acme? ${"x".repeat(50_000)}`);
  expect((await t.post(huge)).status).toBe(200);
  expect((await replyTo(huge)).body.text).toMatch(/That draft is 50,0\d\d characters; I review up to 4,000/);

  const empty = channelMention(t.connector, BEN, "");
  await t.post(empty);
  expect((await replyTo(empty)).body.text).toMatch(/reviews networking asks/);

  const malformed = await fetch(t.messagesUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
  expect(malformed.status).toBe(400);
  expect(await malformed.json()).toEqual({ error: "The request body must be a Bot Framework activity (JSON)." });
  const notAnActivity = await t.post({ type: 42, text: ["x"] });
  expect(notAnActivity).toEqual({ status: 400, body: { error: "The request body must be a Bot Framework activity (JSON)." } });
});

test("a mention entity without text (as real Teams clients send it) is still stripped, and the word 'undefined' stays", async () => {
  const draft = "Hi Rob, could you introduce me to Mei at Gridline? Our test suite returns undefined on one call and I'd value her view. No worries if not.";
  const mention = channelMention(t.connector, ANA, draft);
  const withoutText = { ...mention, text: `<at>Askwell</at> ${draft}`, entities: [{ type: "mention", mentioned: { id: "28:askwell-bot-id", name: "Askwell" } }] };
  expect((await t.post(withoutText)).status).toBe(200);
  const card = JSON.stringify((await replyTo(withoutText)).body);
  expect(card).not.toContain("<at>");
  expect(card).toContain(JSON.stringify(draft).slice(1, -1));
});

test("export shows everything stored about the user; forget (confirmed by their own press) deletes it, and nobody else can press it", async () => {
  const carla = { id: "29:carla-teams-id", name: "Carla Diaz", aadObjectId: "aad-carla-0003" };
  const carlaOwner = { ...anaOwner, userId: carla.aadObjectId };
  expect((await t.tracker.trackAsk(carlaOwner, { reader: "Dana Lee", kind: "intro_request", draft: DRAFT, summary: "intro_request", sentAt: new Date("2030-01-01T10:00:00Z") })).ok).toBe(true);

  const exportAsk = personalMessage(t.connector, carla, "export");
  expect((await t.post(exportAsk)).status).toBe(200);
  const json = await t.connector.waitFor((a) => a.method === "POST" && a.activityId === exportAsk.id && String(a.body.text).startsWith("```"));
  expect(String(json.body.text)).toContain("Dana Lee");
  expect(String(json.body.text)).toContain(carla.aadObjectId);
  expect(String(json.body.text)).not.toContain(ANA.aadObjectId);

  const forget = personalMessage(t.connector, carla, "forget");
  await t.post(forget);
  const confirm = await replyTo(forget);
  const data = button(cardOf(confirm), "Delete everything about me");

  const stranger = cardSubmit(t.connector, BEN, confirm.id, data);
  await t.post(stranger);
  expect((await replyTo(stranger)).body.text).toMatch(/someone else/);
  expect(await t.tracker.listAsks(carlaOwner)).toMatchObject({ ok: true, value: [expect.anything()] });

  const press = cardSubmit(t.connector, carla, confirm.id, data, personalConversation(carla));
  await t.post(press);
  expect((await replyTo(press)).body.text).toMatch(/Deleted 1 ask, 1 reminder/);
  expect(await t.tracker.exportUser(carlaOwner)).toMatchObject({ ok: true, value: { asks: [], reminders: [], dismissals: [] } });
});
