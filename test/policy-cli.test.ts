/**
 * House rules and the connector notice from the shell, as an admin and three teammates would use them:
 * the real binary on a shared database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { storageTargets, type TestDatabase } from "./storage-targets";

const BIN = join(__dirname, "..", "bin", "askwell.js");
const INTRO = "Hi Dana, we worked together at Acme. Could you introduce me to Sam Ortiz at Globex? I'd like his advice on pricing. If it's not a good fit, no worries at all.";

jest.setTimeout(120_000);

function databaseUrl(database: TestDatabase): string {
  if (database.target.dialect === "sqlite") return `sqlite:${database.target.file}`;
  return `${database.target.url}${database.target.url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${database.pgSchema}`)}`;
}

describe.each(storageTargets)("askwell policy and asks add on $name", (target) => {
  let database: TestDatabase;
  const cwd = mkdtempSync(join(tmpdir(), "askwell-policy-"));

  beforeEach(async () => {
    database = target.create();
    // Creates the schema (PostgreSQL) before the binary uses it.
    await (await database.open()).close();
  });
  afterEach(() => database.dispose());

  const askwell = (args: string[], options: { user?: string; input?: string } = {}) => {
    const env = { PATH: process.env.PATH ?? "", HOME: cwd, DATABASE_URL: databaseUrl(database), ASKWELL_USER: options.user ?? "ann" };
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, input: options.input ?? "", encoding: "utf8" });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };

  it("an admin turns a rule off, makes one a tip, adds a phrase: the next review follows, and the history says who and what", () => {
    expect(askwell(["review", INTRO]).out).toMatch(/Add a time frame/);
    expect(askwell(["policy", "disable", "no-timeline"])).toMatchObject({ code: 0, out: "House rules v1: no-timeline: on → off\n" });
    expect(askwell(["policy", "disable", "demanding-tone", "--tip"]).code).toBe(0);
    expect(askwell(["policy", "phrase", "add", "no worries", "--message", "Say it in your own words."]).code).toBe(0);
    expect(askwell(["policy", "set", "max-sentences", "4"]).code).toBe(0);

    const after = askwell(["review", INTRO]);
    expect(after.out).not.toMatch(/Add a time frame/);
    expect(after.out).toMatch(/House rules \(set by your team\):\n {2}“no worries”: Say it in your own words\.\n {2}Your team turned off `no-timeline`/);
    const json = JSON.parse(askwell(["review", "--json", INTRO]).out);
    expect(json.findings.map((f: { rule: string }) => f.rule)).not.toContain("no-timeline");

    const shown = askwell(["policy", "show"]).out;
    expect(shown).toMatch(/version 4/);
    expect(shown).toMatch(/Rules changed: demanding-tone tip, no-timeline off/);
    expect(shown).toMatch(/Body-sentence limit: 4/);
    const history = askwell(["policy", "history"]).out.trim().split("\n");
    expect(history).toHaveLength(4);
    expect(history[3]).toMatch(/^v1 {2}\S+Z {2}console:local:ann {2}no-timeline: on → off$/);

    expect(askwell(["policy", "enable", "no-timeline"]).code).toBe(0);
    expect(askwell(["review", INTRO]).out).toMatch(/Add a time frame/);
  });

  it("bad input gets a clear message and changes nothing", () => {
    expect(askwell(["policy", "set", "max-sentences", "12"])).toMatchObject({ code: 2, err: expect.stringMatching(/must be a whole number from 3 to 8/) });
    expect(askwell(["policy", "disable", "be-nice"])).toMatchObject({ code: 2, err: expect.stringMatching(/"be-nice" is not a rule/) });
    expect(askwell(["policy", "phrase", "add", "circle back"])).toMatchObject({ code: 2, err: expect.stringMatching(/--message/) });
    expect(askwell(["policy", "phrase", "remove", "circle back"])).toMatchObject({ code: 2, err: expect.stringMatching(/no team phrase/) });
    const shown = askwell(["policy", "show", "--json"]);
    expect(JSON.parse(shown.out)).toMatchObject({ version: 0 });
    expect(shown.err + askwell(["policy", "set", "reminder-cap", "x"]).err).not.toMatch(/at .*\.js:\d+/);
  });

  it("a third intro request to the same connector from a different teammate prints the notice, with counts and dates only", () => {
    expect(askwell(["asks", "add", "--to", "Dana Lee", "--intro", "Sam Ortiz", "--at", "2030-01-03T10:00:00Z"], { user: "ann", input: INTRO })).toMatchObject({ code: 0, out: "1\n", err: "" });
    expect(askwell(["asks", "add", "--to", "dana lee", "--intro", "Kim Park", "--at", "2030-01-05T10:00:00Z"], { user: "bob", input: INTRO })).toMatchObject({ code: 0, err: "" });
    const third = askwell(["asks", "add", "--to", "DANA LEE", "--intro", "Lou Chen", "--at", "2030-01-09T10:00:00Z"], { user: "cy", input: INTRO });
    expect(third.code).toBe(0);
    expect(third.out).toBe("1\n");
    expect(third.err).toMatch(/DANA LEE already has 2 open intro requests from your team in the last 30 days \(2 from teammates; sent 2030-01-03, 2030-01-05\)/);
    expect(third.err).not.toMatch(/ann|bob|Sam Ortiz|Kim Park/);
    const reminder = askwell(["reminders", "run", "--now", "2030-01-12T10:00:00Z"], { user: "ann" });
    expect(reminder.out).toMatch(/ask 1 \(an introduction to Sam Ortiz from Dana Lee\).*They also have 2 other open intro requests from your team/);
  });
});
