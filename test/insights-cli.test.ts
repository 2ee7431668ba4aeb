/**
 * `askwell insights` as an admin of the local workspace would use it: the real binary after some reviews,
 * tracked asks and follow-ups by teammates on a shared database (SQLite, and PostgreSQL when
 * TEST_DATABASE_URL is set). Counts only: no draft's words, no teammate's name, no other workspace.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monthOf } from "../src/core/insights";
import { review } from "../src/core/review";
import { KyselyInsightsStore } from "../src/storage/kysely-insights-store";
import { createInsightsService } from "../src/team/insights-service";
import { storageTargets, type TestDatabase } from "./storage-targets";

const BIN = join(__dirname, "..", "bin", "askwell.js");
/** Words that appear only in the drafts: none may appear in any figure. */
const SECRET_WORDS = /Quillon|Zephyrine|Marchbank|Vortigern|Halvorsen|Brightwater|ASAP/i;
const INTRO = "Hi Quillon, we worked together at Vortigern Labs. Could you introduce me to Zephyrine Marchbank at Brightwater? I'd like her advice on pricing before our launch in March. If it's not a good fit, no worries at all. You can reach me at pat@example.com.";
const PUSHY = "Hi Quillon, could you introduce me to Zephyrine Marchbank at Vortigern Labs? I need you to do it ASAP.";
const SECOND_FOLLOW_UP = "Hi Halvorsen, following up again on my note about Zephyrine Marchbank. Bumping this once more.";

jest.setTimeout(120_000);

function databaseUrl(database: TestDatabase): string {
  if (database.target.dialect === "sqlite") return `sqlite:${database.target.file}`;
  return `${database.target.url}${database.target.url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${database.pgSchema}`)}`;
}

describe.each(storageTargets)("askwell insights on $name", (target) => {
  let database: TestDatabase;
  const cwd = mkdtempSync(join(tmpdir(), "askwell-insights-"));

  beforeEach(async () => {
    database = target.create();
    // Creates the schema (PostgreSQL) before the binary uses it.
    await (await database.open()).close();
  });
  afterEach(() => database.dispose());

  const askwell = (args: string[], options: { user?: string; input?: string; url?: string } = {}) => {
    const env = { PATH: process.env.PATH ?? "", HOME: cwd, DATABASE_URL: options.url ?? databaseUrl(database), ASKWELL_USER: options.user ?? "ann" };
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, input: options.input ?? "", encoding: "utf8" });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };

  it("after teammates' reviews, asks and follow-ups: verdicts, findings by title, rewrites, follow-ups sent and advised against — and not a word of any draft", async () => {
    const month = monthOf(new Date());
    expect(askwell(["insights"]).out).toContain("No reviews counted this month.");

    expect(askwell(["review", PUSHY], { user: "ann" }).code).toBe(0);
    expect(askwell(["review", PUSHY], { user: "bob" }).code).toBe(0);
    expect(askwell(["review", "--json", INTRO], { user: "cy" }).code).toBe(0);
    expect(askwell(["review", "--ask", "1"], { user: "dee", input: SECOND_FOLLOW_UP }).code).not.toBe(0); // no such ask: not reviewed, not counted
    expect(askwell(["review"], { user: "dee", input: SECOND_FOLLOW_UP }).code).toBe(0);
    expect(askwell(["review", "Thanks for lunch, see you Thursday!"], { user: "ann" }).code).toBe(0);
    // A batch (a test set, usually) is not the team's asks: not counted.
    expect(askwell(["review", "--jsonl"], { input: `${JSON.stringify({ id: "a", text: PUSHY })}\n${JSON.stringify({ id: "b", text: INTRO })}\n` }).code).toBe(0);

    // A tracked intro, followed up once, then Askwell's "silence means no" — in March 2030.
    expect(askwell(["asks", "add", "--to", "Quillon", "--intro", "Zephyrine Marchbank", "--at", "2030-03-02T10:00:00Z"], { user: "bob", input: INTRO })).toMatchObject({ code: 0, out: "1\n" });
    expect(askwell(["asks", "followed-up", "1", "--at", "2030-03-10T10:00:00Z"], { user: "bob" }).code).toBe(0);
    expect(askwell(["reminders", "run", "--now", "2030-03-20T10:00:00Z"]).out).toMatch(/Silence after one follow-up is best read as a gentle no/);

    // Another workspace on the same database (a Slack team) is never part of the local figures.
    const store = await database.open();
    await createInsightsService(new KyselyInsightsStore(store.db)).countReview({ platform: "slack", workspaceId: "T1" }, review(PUSHY), new Date());
    await store.close();

    const shown = askwell(["insights"], { user: "ann" });
    expect(shown.code).toBe(0);
    expect(shown.err).toBe("");
    expect(shown.out).toContain("5 reviews: 1 ready to send, 2 to revise, 1 don't send, 1 not an ask");
    expect(shown.out).toContain("1. No easy way to say no (`no-graceful-out`): 3");
    expect(shown.out).toMatch(/\d\. A demanding tone \(`demanding-tone`\): 2\n/);
    expect(shown.out).toContain("2 offered, 0 used (0%)");
    expect(shown.out).toContain("0 sent, 1 advised against (1 review of a second follow-up)");
    expect(shown.out).toContain("No “Not applicable” clicks this month.");

    const json = JSON.parse(askwell(["insights", "--json"]).out);
    expect(json).toMatchObject({ month, reviews: { total: 5, byVerdict: { ready: 1, revise: 2, "dont-send": 1, "not-an-ask": 1 } }, rewrites: { offered: 2, used: 0 } });
    expect(json.findings).toContainEqual({ rule: "repeat-follow-up", title: "A second follow-up", count: 1 });

    const march = askwell(["insights", "--month", "2030-03"]);
    expect(march.out).toMatch(/^What the team learns: March 2030\n/);
    expect(march.out).toContain("No reviews counted this month.");
    expect(march.out).toContain("1 sent, 1 advised against (1 “silence means no” reminder)");

    for (const output of [shown.out, march.out, JSON.stringify(json)]) {
      expect(output).not.toMatch(SECRET_WORDS);
      expect(output).not.toMatch(/\b(ann|bob|cy|dee)\b|pat@example/);
    }
  });

  it("a bad month is refused with the format, and looking at an empty workspace creates no database", () => {
    expect(askwell(["insights", "--month", "2030-13"])).toMatchObject({ code: 2, err: expect.stringMatching(/must be a month as YYYY-MM/) });
    expect(askwell(["insights", "--month", "March"]).err).not.toMatch(/at .*\.js:\d+/);
    expect(JSON.parse(askwell(["insights", "--json", "--month", "2030"]).out)).toMatchObject({ error: { code: "usage" } });
    const missing = join(cwd, `nothing-${target.name}`, "askwell.db");
    const empty = askwell(["insights"], { url: `sqlite:${missing}` });
    expect(empty).toMatchObject({ code: 0 });
    expect(empty.out).toContain("No reviews counted this month.");
    expect(existsSync(missing)).toBe(false);
  });
});
