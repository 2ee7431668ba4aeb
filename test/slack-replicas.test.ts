import { blocksText, button, click, nextId, slashCommand, startSlackReplicas, viewSubmission, type SlackHarness } from "./slack-harness";

const DRAFT = "Hi Dana, could you introduce me to Sam at Acme? We met at the fintech meetup. No worries if not.";
const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl) test.todo("replicas on PostgreSQL: set TEST_DATABASE_URL to run them there (they run on a shared SQLite file now)");

/** Two app processes' worth of Slack apps on one database, as behind a load balancer: any request may hit either. */
describe(`two replicas on one ${pgUrl ? "PostgreSQL" : "SQLite"} database`, () => {
  let a: SlackHarness;
  let b: SlackHarness;
  let replicas: Awaited<ReturnType<typeof startSlackReplicas>>;
  beforeAll(async () => {
    // Two replicas on one database, as behind a load balancer.
    replicas = await startSlackReplicas("replicas");
    ({ a, b } = replicas);
  });
  afterAll(() => replicas.close());

  test("review on one, Track modal submitted to the other, listed and closed from either", async () => {
    const cmd = slashCommand(a, DRAFT, "U300");
    await cmd.send();
    const review = await a.fake.waitForResponse(cmd.responseId);
    const track = click(a, button(review.body.blocks, "track_ask"), "U300");
    await track.send();
    const opened = await a.fake.waitForCall("views.open", (c) => c.args.trigger_id === `trig-${track.responseId}`);
    const view = opened.args.view as { callback_id: string; private_metadata: string };

    const values = { reader_user: { value: { selected_user: null } }, reader_name: { value: { value: "Dana" } }, third_person: { value: { value: "Sam at Acme" } }, draft: { value: { value: DRAFT } } };
    const tracked = await viewSubmission(b, view, values, "U300");
    expect(blocksText((tracked.json() as { view: { blocks: unknown } }).view.blocks)).toContain("Tracking ask #1");

    const list = slashCommand(a, "list", "U300");
    await list.send();
    const listed = await a.fake.waitForResponse(list.responseId);
    expect(blocksText(listed.body.blocks)).toContain("to Dana (intro to Sam at Acme)");

    const close = click(b, button(listed.body.blocks, "ask_close"), "U300", nextId("close"));
    await close.send();
    expect(blocksText((await b.fake.waitForResponse(close.responseId)).body.blocks)).toContain("Closed");
    const ask = await a.tracker.getAsk({ platform: "slack", workspaceId: "T0001", userId: "U300" }, "1");
    expect(ask.ok && ask.value.state).toBe("closed");
    // The click also refreshes App Home; let that finish before the databases close.
    await b.fake.waitForCall("views.publish", (c) => c.args.user_id === "U300", 1);
  });
});
