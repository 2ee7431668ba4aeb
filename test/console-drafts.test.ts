/**
 * The console chat as a newcomer uses it: a multi-line draft pasted bare, a fenced draft with an empty
 * line inside, `quit`/`exit`, and help that lines up — piped, and under a real terminal (util-linux
 * `script` gives the chat a pseudo-terminal, so it prompts as it does for a person).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const MAIN = join(__dirname, "..", "dist", "adapters", "main.js");
jest.setTimeout(120_000);

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "askwell-drafts-"));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(SLACK_|TEAMS_|Microsoft|OPENAI_|DATABASE_URL|ASKWELL_|LOG_LEVEL)/.test(name)));
  env = { ...clean, DATABASE_URL: `sqlite:${join(dir, "askwell.db")}`, ASKWELL_USER: "tester", ASKWELL_TIME_ZONE: "UTC", REMINDER_INTERVAL_SECONDS: "3600" };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const chat = (input: string) => spawnSync(process.execPath, [MAIN], { cwd: dir, env, input, encoding: "utf8" });
const reviews = (stdout: string) => stdout.match(/askwell> Verdict: [^\n]*/g) ?? [];

const PASTED = ["Hi Dana,", "", "We worked together on the Parallax launch last spring. Could you introduce me to Sam Ortiz at Acme?", "I'd value 20 minutes of Sam's advice on a data role. No worries at all if you'd rather not.", "", "Thanks,", "Alex"];

test("a bare multi-line draft is one review; it ends at an empty line", () => {
  // Pasted as one paragraph after the greeting (no empty line inside): one draft.
  const result = chat(["Hi Dana,", PASTED[2], PASTED[3], "Thanks,", "Alex", "", "list", ""].join("\n"));
  expect(result.status).toBe(0);
  expect(reviews(result.stdout)).toEqual([expect.stringMatching(/Verdict: \S.*\(intro request/)]);
  // "Hi Dana," alone would be "not an ask": the kind and the shared history come from the lines after it.
  expect(result.stdout).toMatch(/\[x\] Who are you, and how do you know the reader\?/);
  expect(result.stdout).toMatch(/No open asks\./);
  expect(result.stdout).not.toMatch(/type \/review-ask/);
});

test("a draft wrapped in ``` keeps its empty lines and is reviewed whole; the chat then tracks it", () => {
  const result = chat(["```", ...PASTED, "```", "track Dana Lee --intro Sam Ortiz", "list", ""].join("\n"));
  expect(result.status).toBe(0);
  expect(reviews(result.stdout)).toHaveLength(1);
  expect(result.stdout).toMatch(/Verdict: .*\(intro request/);
  expect(result.stdout).toMatch(/Tracked as ask #1: an introduction to Sam Ortiz from Dana Lee/);
});

test("/review-ask with a draft, then the next command, reviews without an empty line; the input's end finishes a draft too", () => {
  const result = chat(["/review-ask Hi Dana, could you introduce me to Sam Ortiz at Acme? No worries if not.", "/review-ask list", "Hi Lee, we met at the PyCon sprint.", "Would be great to connect."].join("\n"));
  expect(result.status).toBe(0);
  expect(reviews(result.stdout)).toEqual([expect.stringMatching(/intro request/), expect.stringMatching(/connection request/)]);
  expect(result.stdout).toMatch(/No open asks\./);
});

test("words that start like commands inside a draft stay in the draft", () => {
  const result = chat(["Help me out, Dana?", "Could you introduce me to Sam Ortiz at Acme? No worries if not.", "", ""].join("\n"));
  expect(reviews(result.stdout)).toEqual([expect.stringMatching(/intro request/)]);
  expect(result.stdout).not.toMatch(/Commands \(type them bare/);
});

test.each(["quit", "exit", "/review-ask quit", "EXIT"])("%s ends the chat; later lines are not read", (word) => {
  const result = chat([word, "list", "Hi Dana, could you introduce me to Sam?", ""].join("\n"));
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/askwell> Bye!/);
  expect(result.stdout).not.toMatch(/No open asks|Verdict/);
});

test("help lines up every command in one column and names quit", () => {
  const result = chat("help\n");
  const block = result.stdout.slice(result.stdout.indexOf("askwell> Commands"));
  const rows = block.split("\n").slice(1).filter((l) => /^ {11}\S/.test(l));
  expect(rows.length).toBeGreaterThanOrEqual(10);
  const column = (row: string) => /^ {11}\S.*?\S {2,}(?=\S)/.exec(row)![0].length;
  expect(new Set(rows.map(column)).size).toBe(1);
  expect(block).toMatch(/quit \(or exit\)/);
  expect(block).toMatch(/<draft>/);
});

test("under a terminal: prompts, a continuation prompt while a draft is open, and quit exits", async () => {
  const child = spawn("script", ["-qfec", `${JSON.stringify(process.execPath)} ${JSON.stringify(MAIN)}`, "/dev/null"], { cwd: dir, env: { ...env, TERM: "dumb" }, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, from: number) => {
    const deadline = Date.now() + 60_000;
    while (!pattern.test(out.slice(from))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  await waitFor(/you> /, 0);
  let mark = out.length;
  child.stdin.write("Hi Dana,\r");
  await waitFor(/\.\.\.> /, mark);
  mark = out.length;
  child.stdin.write("Could you introduce me to Sam Ortiz at Acme? No worries if not.\r\r");
  await waitFor(/Verdict: [\s\S]*you> /, mark);
  mark = out.length;
  child.stdin.write("quit\r");
  await waitFor(/Bye!/, mark);
  expect(await exited).toBe(0);
  expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/);
});
