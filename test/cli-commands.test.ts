/**
 * The `askwell` binary as a newcomer meets it: version, help per command, one error style, JSON errors
 * in JSON modes, plurals and wording, and nothing stored by commands that only look.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";

const ROOT = join(__dirname, "..");
const BIN = join(ROOT, "bin", "askwell.js");
const DRAFT = "Hi Dana, we worked together at Acme last year. Could you introduce me to Sam Ortiz? I'd value 20 minutes of advice on a data role. No worries if not. Sometime in the next two weeks would be great.";

jest.setTimeout(120_000);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "askwell-cmd-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function askwell(args: string[], input = "", extraEnv: Record<string, string> = {}) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: dir, ASKWELL_USER: "newcomer", ...extraEnv };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env, input, encoding: "utf8" });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);

test("--version prints package.json's version", () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  expect(askwell(["--version"])).toMatchObject({ code: 0, out: `${version}\n` });
  expect(askwell(["-V"]).out).toBe(`${version}\n`);
});

test("every command and subcommand has its own help, and `help <command>` works", () => {
  for (const path of [["review"], ["asks"], ["asks", "add"], ["asks", "list"], ["asks", "show"], ["asks", "close"], ["asks", "forget"], ["reminders"], ["reminders", "run"]]) {
    const shown = askwell([...path, "--help"]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(new RegExp(`^Usage: askwell ${path.join(" ")} `));
  }
  expect(askwell(["help", "review"]).out).toMatch(/^Usage: askwell review /);
  const bare = askwell([]);
  expect(bare.code).toBe(2);
  expect(bare.err).toMatch(/Usage: askwell/);
});

test("usage errors share one style, exit 2, and never a stack trace", () => {
  const cases: Array<[string[], RegExp]> = [
    [["asks", "bogus"], /^askwell asks: unknown command 'bogus'\n/],
    [["reminders", "run", "extra-arg"], /^askwell reminders run: too many arguments for 'run'/],
    [["reminders"], /Usage: askwell reminders/],
    [["asks", "show"], /^askwell asks show: missing required argument 'id'\n/],
    [["asks", "add"], /^askwell asks add: required option '--to <reader>' not specified\n/],
    [["asks", "add", "--to", "Dana", "--kind", "pitch"], /^askwell asks add: option '--kind <kind>' argument 'pitch' is invalid/],
    [["reminders", "run", "--now", "tomorrow"], /^askwell reminders run: option '--now <ISO-8601>' argument 'tomorrow' is invalid\. It must be an ISO-8601 time/],
    [["review", "--jsonl", "Hi Dana"], /^askwell review: --jsonl reads \{"id", "text"\} lines from standard input and takes no draft argument/],
  ];
  for (const [args, message] of cases) {
    const run = askwell(args);
    expect({ args, code: run.code }).toEqual({ args, code: 2 });
    expect(run.err).toMatch(message);
    noStack(run.err);
  }
  expect(readdirSync(dir)).toEqual([]);
});

test("in --json and --jsonl modes an error is a JSON line on stdout as well", () => {
  const tooLong = askwell(["review", "--json"], "word ".repeat(12_000));
  expect(tooLong.code).toBe(2);
  expect(JSON.parse(tooLong.out)).toEqual({ error: { code: "draft_too_long", message: expect.stringMatching(/limit is 50,000/) } });
  const withArgument = askwell(["review", "--jsonl", "Hi Dana"]);
  expect(JSON.parse(withArgument.out).error.code).toBe("usage");
  const badOption = askwell(["review", "--json", "--colour"], DRAFT);
  expect(JSON.parse(badOption.out).error).toEqual({ code: "usage", message: "unknown option '--colour'" });
  const missing = askwell(["asks", "show", "4", "--json"]);
  expect(missing.code).toBe(3);
  expect(JSON.parse(missing.out)).toEqual({ error: { code: "not_found", message: "There is no ask 4 of yours." } });
});

test("counts and labels read as English: one ask, an introduction by Dana, a connection with Lee", () => {
  const db = { DATABASE_URL: `sqlite:${join(dir, "asks.db")}` };
  expect(askwell(["asks", "add", "--to", "Dana", "--at", "2030-01-07T10:00:00Z"], DRAFT, db).out).toBe("1\n");
  expect(askwell(["asks", "add", "--to", "Lee", "--kind", "connection_request", "--at", "2030-01-07T10:00:00Z"], "Hi Lee, we met at the PyCon sprint. Would be great to connect.", db).code).toBe(0);
  const listed = askwell(["asks", "list"], "", db).out;
  expect(listed).toMatch(/#1 {2}an introduction by Dana, sent/);
  expect(listed).toMatch(/#2 {2}a connection with Lee, sent/);
  expect(askwell(["reminders", "run", "--now", "2030-01-14T10:00:00Z"], "", db).out.trim().split("\n").pop()).toBe("2 reminders delivered.");
  expect(askwell(["reminders", "run", "--now", "2030-01-14T10:00:00Z"], "", db).out).toBe("0 reminders delivered.\n");
  expect(askwell(["asks", "forget", "--yes"], "", db).out).toBe("Deleted 2 asks, 2 reminders, 0 settings and 0 dismissals.\n");
  expect(askwell(["asks", "forget", "--yes"], "", db).out).toBe("Nothing was stored about you, so nothing was deleted.\n");
});

test("commands that only look never create the database; `asks add` does", () => {
  const file = join(dir, "data", "askwell.db");
  for (const args of [["asks", "list"], ["asks", "list", "--all"], ["asks", "show", "1"], ["asks", "export"], ["asks", "close", "1"], ["asks", "forget", "--yes"], ["reminders", "run"], ["review", "--ask", "1", DRAFT]]) {
    const run = askwell(args);
    expect({ args, code: run.code }).toEqual({ args, code: expect.any(Number) });
    noStack(run.err);
  }
  expect(existsSync(join(dir, "data"))).toBe(false);
  expect(askwell(["asks", "add", "--to", "Dana"], DRAFT).out).toBe("1\n");
  expect(existsSync(file)).toBe(true);
});

describe("with a model configured that cannot be reached", () => {
  let closedPort: number;
  let server: Server;
  beforeAll(async () => {
    // A port that was just free: nothing listens there once the server is closed.
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closedPort = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test("the human review is printed alone: no JSON log lines on stdout or stderr at the default level", () => {
    const model = { OPENAI_API_KEY: "test", OPENAI_BASE_URL: `http://127.0.0.1:${closedPort}/v1`, LLM_TIME_BUDGET_MS: "1500", LLM_MAX_RETRIES: "0" };
    const run = askwell(["review", "Hey Rob, I need you to intro me to the CTO at Gridline ASAP."], "", model);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^(Revise before sending|Don't send this as is)/);
    expect(run.out + run.err).not.toMatch(/"level"/);
    const loud = askwell(["review", "Hey Rob, I need you to intro me to the CTO at Gridline ASAP."], "", { ...model, LOG_LEVEL: "warn" });
    expect(loud.out).not.toMatch(/"level"/);
    expect(loud.err).toMatch(/"level":40/);
  });
});

test("scripts/explain.js without an argument prints its usage, not a stack trace", () => {
  const run = spawnSync(process.execPath, [join(ROOT, "scripts", "explain.js")], { cwd: ROOT, encoding: "utf8" });
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^Usage: node scripts\/explain\.js/);
  noStack(run.stderr);
  const explained = spawnSync(process.execPath, [join(ROOT, "scripts", "explain.js"), "Hi Dana, could you intro me to Sam?"], { cwd: ROOT, encoding: "utf8" });
  expect(explained.status).toBe(0);
  expect(explained.stdout).toMatch(/kind: intro_request/);
});
