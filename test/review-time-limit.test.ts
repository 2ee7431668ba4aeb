/**
 * One slow draft never holds up anyone else: reviews run in the pool with a time limit, the overrun
 * user is told kindly, the stuck worker is replaced. Driven through Slack's signed requests and Teams'
 * activities, with a pool whose workers stall on drafts marked "[stall]" (test/fixtures/slow-review-worker.js).
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firstReview } from "../adapters/first-review";
import { PoolUnavailableError, startReviewPool, TOO_COMPLEX_MESSAGE, type ReviewPool } from "../adapters/review-pool";
import { createLogger } from "../src/logger";
import { rulesOnlyReviewService } from "../src/review-service";
import { review } from "../src/core/review";
import { slashCommand, startSlackHarness, type SlackHarness } from "./slack-harness";
import { ANA, BEN, channelMention, startTeamsBotUnderTest, type TeamsBotUnderTest } from "./teams-harness";

const DRAFT = "Hey Rob, I need you to intro me to the CTO at Gridline ASAP so I can pitch him. Send him a note today.";
const STALLING = "Hi Dana, could you introduce me to Sam at Acme? [stall]";
const LIMIT_MS = 1500;
const workerFile = join(__dirname, "fixtures", "slow-review-worker.js");
// The workers run compiled code: `npm test` builds dist/ first; a bare `npx jest` without a build skips these.
const built = existsSync(join(__dirname, "..", "dist", "adapters", "review-pool.js"));
const describeBuilt = built ? describe : describe.skip;

const textOf = (body: Record<string, unknown>) => JSON.stringify(body);

describeBuilt("Slack: a review over the time limit", () => {
  let pool: ReviewPool;
  let h: SlackHarness;
  beforeAll(async () => {
    pool = startReviewPool({ size: 2, timeLimitMs: LIMIT_MS, workerFile })!;
    h = await startSlackHarness({ reviewPool: pool });
  });
  afterAll(async () => {
    await h.close();
    await pool.close();
  });

  test("another user's review comes back while it is stuck; its sender gets the kind answer; the worker is replaced", async () => {
    const slow = slashCommand(h, STALLING, "U_SLOW");
    const started = Date.now();
    expect((await slow.send()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const other = slashCommand(h, DRAFT, "U_OTHER");
    expect((await other.send()).status).toBe(200);
    const otherReply = await h.fake.waitForResponse(other.responseId);
    expect(textOf(otherReply.body)).toContain("ASAP");
    // Came back while the slow one is still stuck: nobody waited behind it.
    expect(h.fake.responsesTo(slow.responseId)).toHaveLength(0);

    const slowReply = await h.fake.waitForResponse(slow.responseId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIMIT_MS);
    expect(slowReply.body.text).toContain(TOO_COMPLEX_MESSAGE);
    expect(textOf(slowReply.body)).not.toMatch(/stack|Error:/);

    // The replacement worker reviews the same user's next draft as usual.
    const again = slashCommand(h, DRAFT, "U_SLOW");
    await again.send();
    expect(textOf((await h.fake.waitForResponse(again.responseId)).body)).toContain("ASAP");
  });

  test("one user's stuck drafts never take every worker: another user is still reviewed at once", async () => {
    const stuck = [slashCommand(h, STALLING, "U_FLOOD"), slashCommand(h, `${STALLING} again`, "U_FLOOD")];
    for (const cmd of stuck) expect((await cmd.send()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const other = slashCommand(h, DRAFT, "U_CALM");
    await other.send();
    await h.fake.waitForResponse(other.responseId);
    for (const cmd of stuck) expect(h.fake.responsesTo(cmd.responseId)).toHaveLength(0);

    for (const cmd of stuck) expect((await h.fake.waitForResponse(cmd.responseId)).body.text).toContain(TOO_COMPLEX_MESSAGE);
  });
});

describeBuilt("Teams: a review over the time limit", () => {
  let pool: ReviewPool;
  let t: TeamsBotUnderTest;
  beforeAll(async () => {
    pool = startReviewPool({ size: 2, timeLimitMs: LIMIT_MS, workerFile })!;
    t = await startTeamsBotUnderTest({ reviewPool: pool });
  });
  afterAll(async () => {
    await t.close();
    await pool.close();
  });

  test("another user's card comes back while it is stuck; its sender gets the kind answer", async () => {
    const slow = channelMention(t.connector, ANA, STALLING);
    const slowTurn = t.post(slow);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const other = channelMention(t.connector, BEN, DRAFT);
    expect((await t.post(other)).status).toBe(200);
    const card = await t.connector.waitFor((a) => a.method === "POST" && a.activityId === other.id);
    expect(JSON.stringify(card.body)).toContain("adaptive");
    expect(t.connector.activities.filter((a) => a.activityId === slow.id)).toHaveLength(0);

    expect((await slowTurn).status).toBe(200);
    const answer = await t.connector.waitFor((a) => a.method === "POST" && a.activityId === slow.id);
    expect(answer.body.text).toBe(TOO_COMPLEX_MESSAGE);
  });
});

describeBuilt("the pool itself", () => {
  test("a draft that stalls is refused with a stable code after the limit; a normal one is the engine's review", async () => {
    const pool = startReviewPool({ size: 2, timeLimitMs: 500, workerFile })!;
    try {
      const [stalled, normal] = await Promise.all([pool.review(STALLING, undefined, "cli:a:1"), pool.review(DRAFT, undefined, "cli:a:2")]);
      expect(stalled).toEqual({ ok: false, code: "review_too_complex", message: TOO_COMPLEX_MESSAGE });
      expect(normal).toEqual({ ok: true, value: review(DRAFT) });
    } finally {
      await pool.close();
    }
  });

  test("workers that cannot start make the pool give up, and reviews go on in the calling thread", async () => {
    const broken = join(mkdtempSync(join(tmpdir(), "askwell-pool-")), "exits-on-start.js");
    writeFileSync(broken, "process.exit(3);\n");
    const pool = startReviewPool({ size: 2, timeLimitMs: 1000, workerFile: broken })!;
    try {
      await expect(pool.review(DRAFT, undefined, "cli:a:1")).rejects.toBeInstanceOf(PoolUnavailableError);
      const deps = { reviews: rulesOnlyReviewService(), reviewPool: pool, logger: createLogger({ level: "silent" }) };
      expect(await firstReview(deps, DRAFT, undefined, "cli:a:1")).toEqual({ ok: true, value: review(DRAFT) });
    } finally {
      await pool.close();
    }
  });
});
