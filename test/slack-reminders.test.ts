import { PassThrough } from "node:stream";
import { runAskwell as runCli } from "../adapters/cli";
import { blocksText, buttons, startSlackHarness, TEAM, type SlackHarness } from "./slack-harness";

const DRAFT = "Hi Dana, could you introduce me to Sam at Acme? We met at the fintech meetup. No worries if not.";

async function remindersRun(h: SlackHarness, now: string): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  stdout.on("data", (c: Buffer) => (out += c.toString()));
  stderr.on("data", (c: Buffer) => (out += c.toString()));
  const code = await runCli(["reminders", "run", "--now", now], { stdin: new PassThrough(), stdout, stderr, env: { ...h.env, LOG_LEVEL: "silent" } });
  return { code, out };
}

describe("DM reminders through `askwell reminders run --now`", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const dmsTo = (channel: string) => h.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === channel && c.status === 200);

  test("a due reminder arrives as a DM; 429 and 500 leave it for a later run, sent exactly once", async () => {
    const owner = { platform: "slack" as const, workspaceId: TEAM, userId: "U200" };
    const tracked = await h.tracker.trackAsk(owner, { reader: "Dana", thirdPerson: "Sam at Acme", kind: "intro_request", draft: DRAFT, summary: "intro_request", sentAt: h.clock.now });
    expect(tracked.ok).toBe(true);

    // Not due yet: nothing is sent.
    expect((await remindersRun(h, "2026-11-24T12:00:00Z")).out).toContain("0 reminders delivered");
    expect(h.fake.callsTo("conversations.open")).toHaveLength(0);

    // Due, but Slack rate-limits: the run reports a failure, nothing is posted.
    h.fake.failNext("chat.postMessage", { status: 429, headers: { "retry-after": "30" } });
    const limited = await remindersRun(h, "2026-12-02T12:00:00Z");
    expect(limited.out).toContain("0 reminders delivered, 1 failed");
    expect(dmsTo("D200")).toHaveLength(0);

    // Slack errors: again left for later.
    h.fake.failNext("chat.postMessage", { status: 500 });
    expect((await remindersRun(h, "2026-12-02T12:05:00Z")).out).toContain("0 reminders delivered, 1 failed");
    expect(dmsTo("D200")).toHaveLength(0);

    // Slack answers: the DM goes out once, with the drafted follow-up and the ask buttons.
    const ok = await remindersRun(h, "2026-12-02T12:10:00Z");
    expect(ok.out).toContain("1 reminder delivered");
    const open = h.fake.callsTo("conversations.open").filter((c) => c.status === 200);
    expect(open.at(-1)!.args.users).toBe("U200");
    expect(open.at(-1)!.token).toBe("xoxb-test-token");
    const [dm] = dmsTo("D200");
    expect(dm).toBeDefined();
    const text = blocksText(dm!.args.blocks);
    expect(text).toContain("A follow-up you could send");
    expect(text).toContain("intro request to Dana");
    expect(buttons(dm!.args.blocks).map((b) => [b.action_id, JSON.parse(b.value!)])).toEqual([
      ["ask_followed_up", { u: "U200", t: TEAM, a: tracked.ok ? tracked.value.id : "" }],
      ["ask_replied", { u: "U200", t: TEAM, a: tracked.ok ? tracked.value.id : "" }],
      ["ask_close", { u: "U200", t: TEAM, a: tracked.ok ? tracked.value.id : "" }],
    ]);

    // Later runs do not send it again.
    expect((await remindersRun(h, "2026-12-03T12:00:00Z")).out).toContain("0 reminders delivered");
    expect(dmsTo("D200")).toHaveLength(1);
  });
});
