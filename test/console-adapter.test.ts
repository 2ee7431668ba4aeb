/**
 * The console adapter and the CLI driven as a user would: spawn `npm start`'s entry point and the
 * `askwell` binary, type on stdin, read stdout. Runs the compiled code (npm test builds first).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const MAIN = join(ROOT, "dist", "adapters", "main.js");
const CLI = join(ROOT, "bin", "askwell.js");
const DRAFT =
  "Hi Dana, we worked together on the Parallax launch last spring. Could you introduce me to Sam Ortiz at Acme? I'm hiring a data lead and would value 20 minutes of Sam's advice on the role. No worries at all if you'd rather not. Sometime in the next two weeks would be great.";

// Spawns many processes: generous on a busy shared machine (no timing is asserted).
jest.setTimeout(180_000);

let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does).`);
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "askwell-console-"));
  // No Slack or Teams configuration: npm start opens the console.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(SLACK_|TEAMS_|MICROSOFT_|OPENAI_|DATABASE_URL|ASKWELL_)/.test(name)));
  env = { ...clean, DATABASE_URL: `sqlite:${join(dir, "askwell.db")}`, ASKWELL_USER: "tester", ASKWELL_TIME_ZONE: "UTC", REMINDER_INTERVAL_SECONDS: "3600" };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A console session: send a line, wait until stdout shows what we expect. */
function startChat() {
  const child = spawn(process.execPath, [MAIN], { cwd: dir, env, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    output: () => out,
    stderr: () => err,
    exited,
    async send(line: string, expected: RegExp): Promise<string> {
      const from = out.length;
      child.stdin.write(line + "\n");
      while (!expected.test(out.slice(from))) {
        if (child.exitCode !== null) throw new Error(`console exited early:\n${out}\n${err}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return out.slice(from);
    },
    end: () => child.stdin.end(),
  };
}

function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, env, input: input ?? "", encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

it("reviews, tracks, lists, delivers reminders as bot messages, logs the follow-up and closes, then exits when input ends", async () => {
  const chat = startChat();
  const reviewed = await chat.send(`/review-ask ${DRAFT}\n`, /Sent it\?/);
  expect(reviewed).toMatch(/Verdict: ready to send \(intro request/);
  expect(await chat.send("/review-ask track", /Who did you send it to\?/)).toBeTruthy();
  expect(await chat.send("Dana Lee", /Who is the introduction to\?/)).toBeTruthy();
  expect(await chat.send("Sam Ortiz", /Tracked as ask #1/)).toMatch(/an introduction to Sam Ortiz from Dana Lee/);
  expect(await chat.send("/review-ask list", /#1 /)).toMatch(/waiting for an answer/);
  const now = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
  const reminders = await chat.send(`/review-ask reminders --now ${now}`, /reminders? due at/);
  expect(reminders).toMatch(/⏰ No answer yet on ask 1/);
  expect(reminders).toMatch(/Suggested follow-up:[\s\S]*Hi Dana,/);
  expect(reminders).toMatch(/1 reminder due at/);
  expect(await chat.send(`/review-ask reminders --now ${now}`, /reminders? due at/)).toMatch(/0 reminders due/);
  expect(await chat.send("followed-up 1", /Ask #1 is now/)).toMatch(/followed up/);
  expect(await chat.send("/review-ask followed-up 1", /Ask 1 is/)).toMatch(/can't be marked followed up/);
  expect(await chat.send("/review-ask close 7", /no ask 7/)).toBeTruthy();
  expect(await chat.send("hello there\n", /doesn't read as a networking ask/)).toMatch(/Verdict: not an ask/);
  expect(await chat.send(`/review-ask ${"word ".repeat(5000)}`, /Verdict|shorter/)).toBeTruthy();
  expect(await chat.send("/review-ask close 1", /Ask #1 is now/)).toMatch(/closed \(silence read as a gentle no\)/);
  chat.end();
  expect(await chat.exited).toBe(0);
  expect(chat.output()).not.toMatch(/at .*\.js:\d+/); // never a stack trace

  // The CLI is the same local user on the same file: it sees the ask tracked in the console.
  const listed = cli(["asks", "list", "--all"]);
  expect(listed.stdout).toMatch(/#1 {2}an introduction to Sam Ortiz from Dana Lee/);
  // …and the local workspace's figures count the console's reviews (the refused long one is not) and its follow-up.
  const figures = JSON.parse(cli(["insights", "--json"]).stdout);
  expect(figures).toMatchObject({ reviews: { total: 2, byVerdict: { ready: 1, "not-an-ask": 1 } }, followUps: { sent: 1 } });
});

it("runs the demo session from a pipe and exits", () => {
  const demo = readFileSync(join(ROOT, "examples", "demo-session.txt"), "utf8");
  const result = spawnSync(process.execPath, [MAIN], { cwd: dir, env, input: demo, encoding: "utf8" });
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/Tracked as ask #1/);
  expect(result.stdout).toMatch(/⏰ No answer yet on ask 1/);
  expect(result.stdout).toMatch(/⏰ Still no answer on ask 1[\s\S]*gentle no/);
  expect(result.stdout).toMatch(/Deleted 1 ask, 2 reminders, 0 settings and 0 dismissals\./);
});

it("askwell asks and askwell reminders run, scriptable from the shell", () => {
  const added = cli(["asks", "add", "--to", "Dana Lee", "--intro", "Sam Ortiz", "--at", "2030-01-07T10:00:00Z"], DRAFT);
  expect(added).toMatchObject({ code: 0, stdout: "1\n" });
  expect(cli(["asks", "add", "--to", "Dana"], "see you at lunch!")).toMatchObject({ code: 2 });
  expect(cli(["asks", "show", "1"]).stdout).toMatch(/next reminder: follow up, 2030-01-14 10:00 UTC/);
  expect(cli(["asks", "followed-up", "1", "--at", "yesterday"]).stderr).toMatch(/--at <ISO-8601>' argument 'yesterday' is invalid\. It must be an ISO-8601 time/);

  const run = cli(["reminders", "run", "--now", "2030-01-14T10:00:00Z"]);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/No answer yet on ask 1/);
  expect(run.stdout.trim().split("\n").pop()).toBe("1 reminder delivered.");
  expect(cli(["reminders", "run", "--now", "2030-01-14T10:00:00Z"]).stdout.trim()).toBe("0 reminders delivered.");

  expect(cli(["asks", "followed-up", "1", "--at", "2030-01-14T12:00:00Z"]).code).toBe(0);
  const refusedAgain = cli(["asks", "followed-up", "1", "--at", "2030-01-15T12:00:00Z"]);
  expect(refusedAgain.code).toBe(3);
  expect(refusedAgain.stderr).toMatch(/can't be marked followed up/);
  expect(cli(["reminders", "run", "--now", "2030-01-21T12:00:00Z"]).stdout).toMatch(/gentle no[\s\S]*1 reminder delivered\./);
  expect(cli(["asks", "replied", "1", "--at", "2030-01-22T12:00:00Z"]).stdout).toMatch(/#1 .*: answered/);

  const exported = JSON.parse(cli(["asks", "export"]).stdout) as { asks: { draft: string | null }[]; reminders: unknown[] };
  expect(exported.asks).toHaveLength(1);
  expect(exported.asks[0]!.draft).toBeNull();
  expect(exported.reminders).toHaveLength(2);
  expect(cli(["asks", "forget"]).code).toBe(2);
  expect(cli(["asks", "forget", "--yes"]).stdout).toMatch(/Deleted 1 ask, 2 reminders, 0 settings and 0 dismissals\./);
  expect(cli(["asks", "list", "--all"]).stdout).toBe("No asks tracked.\n");
});

it("a bad DATABASE_URL stops start-up naming the variable", () => {
  env.DATABASE_URL = "mysql://nope";
  const result = spawnSync(process.execPath, [MAIN], { cwd: dir, env, input: "", encoding: "utf8" });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/DATABASE_URL: must be sqlite:<file> or postgres/);
});

it("a control sequence in a piped draft is echoed and reviewed as visible text, never raw", async () => {
  const chat = startChat();
  await chat.send("/review-ask Hi Dana, could you introduce me to Sam?\u001b[2J\u001b]0;pwned\u0007 No worries if not.\n", /Verdict/);
  chat.end();
  expect(await chat.exited).toBe(0);
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  expect(chat.output()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(chat.output()).toContain("\\x1b[2J");
});
