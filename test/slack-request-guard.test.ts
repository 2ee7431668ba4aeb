/**
 * Signed requests as Slack, a retrying Slack, and an attacker send them: retries and replays are
 * handled once across replicas, timestamps outside ±5 minutes are refused, malformed payloads get a
 * fast 400 instead of a 3-second hang.
 */
import { nextId, postSigned, sign, slashCommand, startSlackReplicas, TEAM, type SlackHarness } from "./slack-harness";

const DRAFT = "Hey Rob, I need you to intro me to the CTO at Gridline ASAP so I can pitch him. Send him a note today.";
const settle = (ms = 600) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Slack request guard", () => {
  let a: SlackHarness;
  let b: SlackHarness;
  let replicas: Awaited<ReturnType<typeof startSlackReplicas>>;
  beforeAll(async () => {
    // Two replicas on one database, as behind a load balancer.
    replicas = await startSlackReplicas("guard");
    ({ a, b } = replicas);
  });
  afterAll(() => replicas.close());

  const postsIn = (channel: string) => [...a.fake.callsTo("chat.postMessage"), ...b.fake.callsTo("chat.postMessage")].filter((c) => c.args.channel === channel);

  test("an event retried by Slack (same event_id, signed again, X-Slack-Retry-Num) on another replica is answered once", async () => {
    const channel = "C-RETRY";
    const body = JSON.stringify({
      token: "legacy",
      team_id: TEAM,
      api_app_id: "A1",
      type: "event_callback",
      event_id: nextId("Ev"),
      event_time: 1700000000,
      event: { type: "app_mention", user: "U100", text: `<@UBOT> ${DRAFT}`, ts: "1700000500.000100", channel, event_ts: "1700000500.000100" },
    });
    expect((await postSigned(a.url, body, "application/json")).status).toBe(200);
    await a.fake.waitForCall("chat.postMessage", (c) => c.args.channel === channel);
    const retry = await postSigned(b.url, body, "application/json", { ...sign(body, Math.floor(Date.now() / 1000) + 1), "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    expect(retry.status).toBe(200);
    const again = await postSigned(a.url, body, "application/json", { ...sign(body, Math.floor(Date.now() / 1000) + 2), "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" });
    expect(again.status).toBe(200);
    await settle();
    expect(postsIn(channel)).toHaveLength(1);
  });

  test("a request signed 6 minutes in the future or the past is refused", async () => {
    for (const offset of [6 * 60, -6 * 60]) {
      const cmd = slashCommand(a, DRAFT);
      const body = new URLSearchParams({ team_id: TEAM, user_id: "U100", command: "/review-ask", text: DRAFT, response_url: a.fake.responseUrl(cmd.responseId), trigger_id: "t" }).toString();
      const res = await postSigned(a.url, body, "application/x-www-form-urlencoded", sign(body, Math.floor(Date.now() / 1000) + offset));
      expect(res.status).toBe(401);
      await settle(200);
      expect(a.fake.responsesTo(cmd.responseId)).toHaveLength(0);
    }
  });

  test("a captured command replayed inside the window, to either replica, does not post again", async () => {
    const responseId = nextId("replay");
    const body = new URLSearchParams({ team_id: TEAM, user_id: "U100", command: "/review-ask", text: DRAFT, response_url: a.fake.responseUrl(responseId), trigger_id: "t" }).toString();
    const headers = sign(body);
    expect((await postSigned(a.url, body, "application/x-www-form-urlencoded", headers)).status).toBe(200);
    await a.fake.waitForResponse(responseId);
    expect((await postSigned(a.url, body, "application/x-www-form-urlencoded", headers)).status).toBe(200);
    expect((await postSigned(b.url, body, "application/x-www-form-urlencoded", headers)).status).toBe(200);
    await settle();
    // The first review (and its model update, if any) only: one answer per response_url post of the first request.
    const answers = a.fake.responsesTo(responseId).length;
    await settle();
    expect(a.fake.responsesTo(responseId)).toHaveLength(answers);
    expect(answers).toBe(1);
  });

  test("signed but malformed payloads get a 400 at once", async () => {
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const bodies: Array<[string, string]> = [
      [form({ payload: "{}" }), "application/x-www-form-urlencoded"],
      [form({ payload: "not json" }), "application/x-www-form-urlencoded"],
      [form({ payload: JSON.stringify({ type: "block_actions" }) }), "application/x-www-form-urlencoded"],
      [form({ payload: JSON.stringify({ type: "view_submission", user: { id: "U1" } }) }), "application/x-www-form-urlencoded"],
      [form({ command: "/review-ask" }), "application/x-www-form-urlencoded"],
      [JSON.stringify({ type: "event_callback", team_id: TEAM }), "application/json"],
      ["[1,2", "application/json"],
    ];
    for (const [body, contentType] of bodies) {
      const started = Date.now();
      const res = await postSigned(a.url, body, contentType);
      expect([res.status, body]).toEqual([400, body]);
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });
});
