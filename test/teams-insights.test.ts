/**
 * What the team learns, in Teams: Bot Framework activities against the fake connector, on SQLite and (when
 * TEST_DATABASE_URL is set) PostgreSQL. Teammates review drafts, mark a finding "Not applicable", press
 * "Use this rewrite", track an ask and log its follow-up; `insights` then answers an admin with a card of
 * the month's figures, a teammate with a refusal, and no card carries a word of any draft.
 */
import { cardOf, cardText, submitActions, type ReceivedActivity } from "./fakes/bot-connector";
import { ANA, BEN, TENANT, cardSubmit, channelMention, personalConversation, personalMessage, startTeamsBotUnderTest, type TeamsBotUnderTest } from "./teams-harness";

const SECRET_WORDS = /Quillon|Zephyrine|Marchbank|Vortigern|Brightwater|Halvorsen|ASAP/i;
const PUSHY = "Hi Quillon, could you introduce me to Zephyrine Marchbank at Vortigern Labs? I need you to do it ASAP.";
const GOOD = "Hi Halvorsen, we worked together at Vortigern Labs. Could you introduce me to Zephyrine Marchbank at Brightwater? I'd like her advice on pricing before our launch in March. If it's not a good fit, no worries at all. You can reach me at pat@example.com.";
const CY = { id: "29:cy-teams-id", name: "Cy Lam", aadObjectId: "aad-cy-0003" };
const pgUrl = process.env.TEST_DATABASE_URL;
const databases: Array<[string, { databaseUrl?: string; pgSchema?: string }]> = [["SQLite", {}]];
if (pgUrl) databases.push(["PostgreSQL", { databaseUrl: pgUrl, pgSchema: `teams_insights_${process.pid}_${Date.now()}` }]);

describe.each(databases)("insights in Teams on %s", (_name, database) => {
  let t: TeamsBotUnderTest;
  beforeAll(async () => {
    t = await startTeamsBotUnderTest({ ...database, admins: [`teams:${TENANT}:${ANA.aadObjectId}`], now: () => new Date("2026-11-23T10:00:00Z") });
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
  const press = async (from: typeof ANA, card: ReceivedActivity, data: Record<string, unknown>) => {
    const submit = cardSubmit(t.connector, from, card.id, data, personalConversation(from));
    expect((await t.post(submit)).status).toBe(200);
    return submit;
  };

  test("teammates' reviews, a Not applicable click, Use this rewrite and a follow-up show in an admin's insights card", async () => {
    // Ben: a draft to revise; one finding is not applicable to him; then he takes up the rewrite.
    const review = await say(BEN, PUSHY);
    const actions = submitActions(cardOf(review));
    await press(BEN, review, { ...actions.find((a) => a.data.rule === "demanding-tone")!.data, draft: PUSHY });
    await t.connector.waitFor((a) => a.method === "PUT" && a.activityId === review.id && cardText(cardOf(a)).includes("Marked not applicable"));
    const use = actions.find((a) => a.title === "Use this rewrite")!;
    expect(use.data).toMatchObject({ action: "use-rewrite", rewrite: expect.stringContaining("Zephyrine Marchbank") });
    await press(BEN, review, { ...use.data, draft: PUSHY });
    // The card now reviews the rewrite, which sits in the draft box for Ben to fill in.
    const rewritten = await t.connector.waitFor((a) => a.method === "PUT" && a.activityId === review.id && (cardOf(a).body as Array<{ id?: string; value?: unknown }>).some((b) => b.id === "draft" && b.value === use.data.rewrite));
    expect(cardText(cardOf(rewritten))).toMatch(/Ready to send/);

    // Cy: a ready draft in a channel, tracked, then followed up.
    const mention = channelMention(t.connector, CY, GOOD);
    await t.post(mention);
    const good = await replyTo(mention);
    const track = submitActions(cardOf(good)).find((a) => a.title === "Track")!;
    const tracked = cardSubmit(t.connector, CY, good.id, { ...track.data, draft: GOOD, reader: "Quillon", thirdPerson: "Zephyrine Marchbank" });
    await t.post(tracked);
    expect((await replyTo(tracked)).body.text).toMatch(/Tracking ask #1/);
    const followed = cardSubmit(t.connector, CY, good.id, { askwell: 1, action: "followed-up", tenant: TENANT, user: CY.aadObjectId, askId: "1" });
    await t.post(followed);
    expect((await replyTo(followed)).body.text).toMatch(/Ask #1 is now/);

    // Another tenant's review is never in this tenant's figures.
    const other = channelMention(t.connector, ANA, PUSHY);
    const elsewhere = { ...other, conversation: { ...(other.conversation as object), tenantId: "other-tenant" }, channelData: { tenant: { id: "other-tenant" } } };
    await t.post(elsewhere);
    await replyTo(elsewhere);
    // Reviews are counted with their final verdict once the (background) model pass is done.
    await t.bot.idle();

    const insights = await say(ANA, "insights");
    const card = cardOf(insights);
    const text = cardText(card);
    expect(text).toContain("What the team learns: November 2026");
    // Ben's draft (revise), the rewrite he took up (ready), Cy's draft (ready); the Not applicable and Track presses re-show, and are not counted.
    expect(text).toContain("3 reviews: 2 ready to send, 1 to revise, 0 don't send, 0 not an ask");
    expect(text).toContain("A demanding tone (`demanding-tone`): 1 click on 1 finding (100%)");
    expect(text).toContain("1 offered, 1 used (100%)");
    expect(text).toContain("1 sent, 0 advised against");
    expect(text).toMatch(/Type `insights YYYY-MM` for another month/);
    expect(JSON.stringify(card)).not.toMatch(SECRET_WORDS);
    expect(JSON.stringify(card)).not.toMatch(/aad-ben|aad-cy|Ben Okoro|Cy Lam|pat@example/);
  });

  test("a teammate is refused; an admin asks for another month, or for something that is not one", async () => {
    const refused = await say(BEN, "insights");
    expect(refused.body.text).toMatch(/Only admins listed in ASKWELL_ADMINS can see the team's figures/);
    expect(refused.body.attachments ?? []).toHaveLength(0);

    const october = cardText(cardOf(await say(ANA, "insights 2026-10")));
    expect(october).toContain("What the team learns: October 2026");
    expect(october).toContain("No reviews counted this month.");

    expect((await say(ANA, "insights lately")).body.text).toMatch(/"lately" is not a month: type `insights` for this month, or `insights 2026-11`/);
  });
});
