import { existsSync } from "node:fs";
import { join } from "node:path";
import { startReviewPool } from "../adapters/review-pool";
import { review } from "../src/core/review";
import type { ReviewService } from "../src/review-service";
import { blocksText, slashCommand, startSlackHarness, type SlackHarness } from "./slack-harness";

const DRAFT = "Hey Rob, I need you to intro me to the CTO at Gridline ASAP so I can pitch him. Send him a note today.";

describe("when things break, users get a short kind answer and nothing crashes", () => {
  let h: SlackHarness;
  let explode = false;
  const reviews: ReviewService = {
    reviewNow: (draft, context) => {
      if (explode) throw new Error("engine bug");
      return review(draft, context);
    },
    improve: async () => null,
  };
  beforeAll(async () => {
    h = await startSlackHarness({ reviews });
  });
  afterAll(async () => {
    await h.close();
  });

  test("an unexpected error in a listener: logged, and the user is told kindly (no stack trace)", async () => {
    explode = true;
    try {
      const cmd = slashCommand(h, DRAFT);
      expect((await cmd.send()).status).toBe(200);
      const reply = await h.fake.waitForResponse(cmd.responseId);
      expect(reply.body.text).toContain("something went wrong on Askwell's side");
      expect(JSON.stringify(reply.body)).not.toContain("engine bug");
    } finally {
      explode = false;
    }
  });

  test("database down: /healthz says so, list answers kindly, a review still works", async () => {
    await h.store.close();
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(503);
    const list = slashCommand(h, "list");
    await list.send();
    expect(blocksText((await h.fake.waitForResponse(list.responseId)).body.blocks)).toContain("couldn't reach your tracked asks");
    const cmd = slashCommand(h, DRAFT);
    await cmd.send();
    expect(blocksText((await h.fake.waitForResponse(cmd.responseId)).body.blocks)).toContain("intro request");
  });
});

// The pool runs compiled workers: `npm test` builds dist/ first; a bare `npx jest` without a build skips it.
const workerFile = join(__dirname, "..", "dist", "adapters", "review-worker.js");
(existsSync(workerFile) ? describe : describe.skip)("review pool (worker threads)", () => {
  test("computes exactly the in-thread review", async () => {
    const pool = startReviewPool({ size: 2, timeLimitMs: 10_000, workerFile })!;
    try {
      const drafts = [DRAFT, "Hi Dana, could you introduce me to Sam at Acme? We met at the fintech meetup. No worries if not.", "lunch?"];
      for (const draft of drafts) expect(await pool.review(draft, undefined, "slack:T1:U1")).toEqual({ ok: true, value: review(draft) });
    } finally {
      await pool.close();
    }
  });
});
