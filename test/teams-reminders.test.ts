/**
 * Proactive Teams reminders through `askwell reminders run --now …`, and a Bot Connector that answers
 * 429/500: retried, never lost, never duplicated.
 */
import { Readable, Writable } from "node:stream";
import { runAskwell as runCli } from "../adapters/cli";
import { cardOf, cardText, submitActions, type ReceivedActivity } from "./fakes/bot-connector";
import { ANA, BEN, TENANT, cardSubmit, channelMention, installedInPersonalScope, personalConversation, startTeamsBotUnderTest, type TeamsBotUnderTest, type TeamsUser } from "./teams-harness";

const DRAFT = "Hey Rob, I need you to intro me to the CTO at Gridline ASAP so I can pitch him. Send him a note today.";
const DAY = 24 * 3600 * 1000;

let t: TeamsBotUnderTest;
beforeAll(async () => {
  t = await startTeamsBotUnderTest();
});
afterAll(async () => {
  await t.close();
});

async function runReminders(now: Date): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const env = { ...t.env, TEAMS_ENABLED: "true", LOG_LEVEL: "silent" };
  const code = await runCli(["reminders", "run", "--now", now.toISOString()], {
    stdin: Readable.from([]),
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    env,
  });
  return { code, stdout, stderr };
}

function replyTo(incoming: Record<string, unknown>): Promise<ReceivedActivity> {
  return t.connector.waitFor((a) => a.method === "POST" && a.activityId === incoming.id);
}

/** Reviews the draft in a channel and presses Track on the card; returns the ask id. */
async function trackAsk(user: TeamsUser, reader: string): Promise<string> {
  const mention = channelMention(t.connector, user, DRAFT);
  await t.post(mention);
  const card = await replyTo(mention);
  const track = submitActions(cardOf(card)).find((a) => a.title === "Track")!.data;
  const press = cardSubmit(t.connector, user, card.id, { ...track, draft: DRAFT, reader });
  await t.post(press);
  const id = /Tracking ask #(\d+)/.exec((await replyTo(press)).body.text ?? "")?.[1];
  if (!id) throw new Error("the ask was not tracked");
  return id;
}

/** A reminder card posted in that conversation (botbuilder posts proactive messages as replies to its own continuation id). */
const proactiveTo = (conversationId: string) => (a: ReceivedActivity) =>
  a.method === "POST" && a.conversationId === conversationId && (a.body.attachments ?? []).some((c) => JSON.stringify(c.content).includes("⏰ Reminder"));

test("a reminder arrives as a proactive 1:1 card after `askwell reminders run --now`, and its buttons work", async () => {
  await t.post(installedInPersonalScope(t.connector, ANA));
  const askId = await trackAsk(ANA, "Rob Chen");

  const early = await runReminders(new Date(Date.now() + 1 * DAY));
  expect(early).toMatchObject({ code: 0, stdout: expect.stringContaining("0 reminders delivered") });
  expect(t.connector.activities.filter(proactiveTo(personalConversation(ANA).id))).toHaveLength(0);

  const dueAt = new Date(Date.now() + 10 * DAY);
  expect(await runReminders(dueAt)).toMatchObject({ code: 0, stdout: expect.stringContaining("1 reminder delivered") });
  // Delivered once: running again at the same instant sends nothing more.
  expect(await runReminders(dueAt)).toMatchObject({ code: 0, stdout: expect.stringContaining("0 reminders delivered") });
  expect(t.connector.activities.filter(proactiveTo(personalConversation(ANA).id))).toHaveLength(1);
  const reminder = await t.connector.waitFor(proactiveTo(personalConversation(ANA).id));
  const card = cardOf(reminder);
  expect(cardText(card)).toMatch(/Reminder[\s\S]*Introduction request to Rob Chen[\s\S]*A follow-up you could send/);
  const buttons = submitActions(card);
  expect(buttons.map((b) => b.title)).toEqual(["I followed up", "They replied", "Close"]);
  expect(buttons[0]!.data).toEqual({ askwell: 1, action: "followed-up", tenant: TENANT, user: ANA.aadObjectId, askId });

  // The reminder's button, pressed in the 1:1 chat.
  const press = cardSubmit(t.connector, ANA, reminder.id, buttons[0]!.data, personalConversation(ANA));
  await t.post(press);
  expect((await replyTo(press)).body.text).toBe(`Ask #${askId} is now followed up.`);
  const asks = await t.tracker.listAsks({ platform: "teams", workspaceId: TENANT, userId: ANA.aadObjectId });
  expect(asks.ok && asks.value.find((a) => a.id === askId)?.state).toBe("followed_up");
});

test("a user who only used the bot in a channel gets a new 1:1 chat opened for the reminder", async () => {
  await trackAsk(BEN, "Dana Kim");
  const before = t.connector.conversations.length;
  // (Ana's "silence means no" reminder, scheduled by her follow-up above, may be due too.)
  expect(await runReminders(new Date(Date.now() + 10 * DAY))).toMatchObject({ code: 0, stdout: expect.stringMatching(/[12] reminders? delivered/) });
  const created = t.connector.conversations.slice(before);
  expect(created).toHaveLength(1);
  expect(created[0]!.body).toMatchObject({ isGroup: false, members: [{ id: BEN.id }], tenantId: TENANT });
  const reminder = await t.connector.waitFor(proactiveTo(created[0]!.id));
  expect(cardText(cardOf(reminder))).toMatch(/Dana Kim/);
});

test("a connector answering 500 leaves the reminder for a later run: not lost, not duplicated", async () => {
  const carla: TeamsUser = { id: "29:carla-teams-id", name: "Carla", aadObjectId: "aad-carla-0003" };
  await t.post(installedInPersonalScope(t.connector, carla));
  await trackAsk(carla, "Sam Lee");
  const toCarla = proactiveTo(personalConversation(carla).id);

  t.connector.refuseAll(500);
  const failed = await runReminders(new Date(Date.now() + 10 * DAY));
  t.connector.acceptAgain();
  expect(failed).toMatchObject({ code: 1, stdout: expect.stringContaining("1 failed (will retry)") });
  // botbuilder retried the send itself before giving up.
  const refusedSends = t.connector.attempts.filter((a) => a.includes(encodeURIComponent(personalConversation(carla).id)) && a.endsWith(" 500"));
  expect(refusedSends.length).toBeGreaterThan(1);
  expect(t.connector.activities.filter(toCarla)).toHaveLength(0);

  // A later run delivers it, once.
  expect(await runReminders(new Date(Date.now() + 10 * DAY + 3600_000))).toMatchObject({ code: 0, stdout: expect.stringContaining("1 reminder delivered") });
  expect(await runReminders(new Date(Date.now() + 10 * DAY + 7200_000))).toMatchObject({ code: 0, stdout: expect.stringContaining("0 reminders delivered") });
  expect(t.connector.activities.filter(toCarla)).toHaveLength(1);
});

test.each([
  [429, "Retry-After"],
  [500, "a server error"],
])("a reply refused once with %i (%s) is retried and arrives exactly once", async (status) => {
  t.connector.refuseNext(1, status as 429 | 500, 1);
  const mention = channelMention(t.connector, ANA, DRAFT);
  expect((await t.post(mention)).status).toBe(200);
  const reply = await replyTo(mention);
  expect(cardText(cardOf(reply))).toMatch(/Introduction request/);
  const path = `/activities/${mention.id}`;
  expect(t.connector.attempts.filter((a) => a.includes(path))).toEqual([expect.stringMatching(new RegExp(` ${status}$`)), expect.stringMatching(/ 200$/)]);
  expect(t.connector.activities.filter((a) => a.activityId === mention.id)).toHaveLength(1);
});
