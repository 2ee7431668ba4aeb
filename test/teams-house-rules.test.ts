/**
 * House rules and connector protection in Teams, driven with Bot Framework activities against the fake
 * connector, on SQLite and (when TEST_DATABASE_URL is set) PostgreSQL: `policy` shows a card an admin
 * can save, the next review follows it in that tenant only, and tracking a third intro request to the
 * same connector from another teammate says so.
 */
import { cardOf, cardText, submitActions, type ReceivedActivity } from "./fakes/bot-connector";
import { ANA, BEN, TENANT, cardSubmit, channelMention, personalConversation, personalMessage, startTeamsBotUnderTest, type TeamsBotUnderTest } from "./teams-harness";

const INTRO = "Hi Dana, we worked together at Acme. Could you introduce me to Sam Ortiz at Globex? I'd like his advice on pricing. If it's not a good fit, no worries at all.";
const CY = { id: "29:cy-teams-id", name: "Cy Lam", aadObjectId: "aad-cy-0003" };
const pgUrl = process.env.TEST_DATABASE_URL;
const databases: Array<[string, { databaseUrl?: string; pgSchema?: string }]> = [["SQLite", {}]];
if (pgUrl) databases.push(["PostgreSQL", { databaseUrl: pgUrl, pgSchema: `teams_house_${process.pid}_${Date.now()}` }]);

describe.each(databases)("house rules in Teams on %s", (_name, database) => {
  let t: TeamsBotUnderTest;
  beforeAll(async () => {
    t = await startTeamsBotUnderTest({ ...database, admins: [`teams:${TENANT}:${ANA.aadObjectId}`] });
  });
  afterAll(async () => {
    await t.close();
  });

  const replyTo = (incoming: Record<string, unknown>): Promise<ReceivedActivity> => t.connector.waitFor((a) => a.method === "POST" && a.activityId === incoming.id);
  const say = async (from: typeof ANA, text: string) => {
    const message = personalMessage(t.connector, from, text);
    expect((await t.post(message)).status).toBe(200);
    return replyTo(message);
  };
  const save = (card: unknown) => submitActions(card).find((a) => a.title === "Save house rules")?.data;
  const form = { rulesOff: "no-timeline", rulesTip: "", maxSentences: "5", followUpDays: "", reminderCap: "2", connectorThreshold: "2", phrases: "circle back => Say what you need and by when instead." };

  test("an admin's policy card saves a new version; the next review follows it and says so", async () => {
    expect(cardText(cardOf(await say(ANA, INTRO)))).toMatch(/Add a time frame/);
    const policy = await say(ANA, "policy");
    const card = cardOf(policy);
    expect(cardText(card)).toMatch(/Version 0/);
    expect(JSON.stringify(card.body)).toContain('"id":"rulesOff"');
    const data = save(card);
    expect(data).toMatchObject({ askwell: 1, action: "policy-save", tenant: TENANT, user: ANA.aadObjectId });

    const press = cardSubmit(t.connector, ANA, policy.id, { ...data, ...form }, personalConversation(ANA));
    await t.post(press);
    expect((await replyTo(press)).body.text).toMatch(/Saved as version 1: no-timeline: on → off; team phrase set: "circle back"/);
    const updated = await t.connector.waitFor((a) => a.method === "PUT" && a.activityId === policy.id);
    expect(cardText(cardOf(updated))).toMatch(/Version 1\.[\s\S]*Rules changed: no-timeline off/);

    const after = cardText(cardOf(await say(BEN, `${INTRO} Happy to circle back later.`)));
    expect(after).not.toMatch(/Add a time frame/);
    expect(after).toMatch(/🏠 House rules \(set by your team\)/);
    expect(after).toContain("“circle back”: Say what you need and by when instead.");
    expect(after).toContain("Your team turned off `no-timeline`");

    // Another tenant keeps the contract as written.
    const other = channelMention(t.connector, ANA, INTRO);
    const elsewhere = { ...other, conversation: { ...(other.conversation as object), tenantId: "other-tenant" }, channelData: { tenant: { id: "other-tenant" } } };
    await t.post(elsewhere);
    expect(cardText(cardOf(await replyTo(elsewhere)))).toMatch(/Add a time frame/);
  });

  test("a teammate sees the rules read-only, and a forged or invalid save changes nothing", async () => {
    const card = cardOf(await say(BEN, "policy show"));
    expect(cardText(card)).toMatch(/Only admins listed in ASKWELL_ADMINS/);
    expect(save(card)).toBeUndefined();

    const forged = cardSubmit(t.connector, BEN, "x1", { askwell: 1, action: "policy-save", tenant: TENANT, user: BEN.aadObjectId, ...form, rulesOff: "" }, personalConversation(BEN));
    await t.post(forged);
    expect((await replyTo(forged)).body.text).toMatch(/Only admins listed in ASKWELL_ADMINS can change the house rules, so nothing was changed/);
    const stolen = cardSubmit(t.connector, BEN, "x2", { askwell: 1, action: "policy-save", tenant: TENANT, user: ANA.aadObjectId, ...form }, personalConversation(BEN));
    await t.post(stolen);
    expect((await replyTo(stolen)).body.text).toMatch(/made for someone else/);

    const bad = cardSubmit(t.connector, ANA, "x3", { askwell: 1, action: "policy-save", tenant: TENANT, user: ANA.aadObjectId, ...form, maxSentences: "12" }, personalConversation(ANA));
    await t.post(bad);
    expect((await replyTo(bad)).body.text).toMatch(/Nothing was saved: maxBodySentences/);
    const clash = cardSubmit(t.connector, ANA, "x4", { askwell: 1, action: "policy-save", tenant: TENANT, user: ANA.aadObjectId, ...form, rulesTip: "no-timeline" }, personalConversation(ANA));
    await t.post(clash);
    expect((await replyTo(clash)).body.text).toMatch(/either off or a tip/);
    expect(cardText(cardOf(await say(BEN, "policy")))).toMatch(/Version 1\./);
  });

  test("a third intro request to the same connector from a different teammate gets the notice, with counts and dates only", async () => {
    const track = async (from: typeof ANA, reader: string) => {
      const review = await say(from, INTRO);
      const data = submitActions(cardOf(review)).find((a) => a.title === "Track")!.data;
      const press = cardSubmit(t.connector, from, review.id, { ...data, draft: INTRO, reader, thirdPerson: "Sam Ortiz" }, personalConversation(from));
      await t.post(press);
      return (await replyTo(press)).body.text ?? "";
    };
    expect(await track(ANA, "Dana Lee")).not.toMatch(/Heads-up/);
    expect(await track(BEN, "dana lee")).not.toMatch(/Heads-up/);
    const third = await track(CY, "DANA LEE");
    expect(third).toMatch(/Tracking ask #1 to DANA LEE/);
    expect(third).toMatch(/Heads-up: DANA LEE already has 2 open intro requests from your team in the last 30 days \(2 from teammates; sent \d{4}-\d{2}-\d{2}, \d{4}-\d{2}-\d{2}\)/);
    expect(third).not.toMatch(/Ana|Ben|aad-/);
  });
});
