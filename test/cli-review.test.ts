/** `askwell review` driven as a person or a script would: spawn the installed binary, feed stdin, read stdout. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = join(__dirname, "..", "bin", "askwell.js");
const cwd = mkdtempSync(join(tmpdir(), "askwell-cli-"));

function askwell(args: string[], input = "") {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: cwd, DATABASE_URL: `sqlite:${join(cwd, "asks.db")}` };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, input, encoding: "utf8" });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const DRAFT = "Hey Rob, I need you to intro me to the CTO at Gridline ASAP so I can pitch him. Send him a note today.";

test("askwell --help and askwell review --help explain usage", () => {
  const top = askwell(["--help"]);
  expect(top.code).toBe(0);
  expect(top.out).toMatch(/Usage: askwell \[options\] \[command\]/);
  expect(top.out).toMatch(/review/);
  const review = askwell(["review", "--help"]);
  expect(review.code).toBe(0);
  expect(review.out).toMatch(/--jsonl/);
});

test("a draft as an argument gets a readable review without colour when not on a terminal", () => {
  const { code, out } = askwell(["review", DRAFT]);
  expect(code).toBe(0);
  expect(out).toMatch(/Revise before sending|Don't send this as is/);
  expect(out).toMatch(/Suggested rewrite/);
  expect(out).toMatch(/why: /);
  expect(out.includes("\u001b[")).toBe(false);
});

test("a draft on standard input, as JSON", () => {
  const { code, out } = askwell(["review", "--json"], DRAFT);
  expect(code).toBe(0);
  const result = JSON.parse(out);
  expect(result.kind).toBe("intro_request");
  expect(result.findings.map((f: { rule: string }) => f.rule)).toContain("demanding-tone");
  expect(result.rewriteSource).toBe("rules");
});

test("--jsonl answers every line in order, and a malformed line gets an error line while the run goes on", () => {
  const lines = [
    JSON.stringify({ id: "a", text: DRAFT }),
    "{not json",
    JSON.stringify({ id: "b" }),
    JSON.stringify({ id: "c", text: "Thanks for the intro yesterday!", extra: true }),
    JSON.stringify({ id: 7, text: "x".repeat(60_000) }),
  ];
  const { code, out } = askwell(["review", "--jsonl"], lines.join("\n") + "\n");
  expect(code).toBe(0);
  const results = out.trim().split("\n").map((l) => JSON.parse(l));
  expect(results.map((r) => r.id)).toEqual(["a", null, "b", "c", "7"]);
  expect(results[0]).toMatchObject({ kind: "intro_request", verdict: expect.stringMatching(/revise|dont-send/) });
  expect(typeof results[0].rewrite).toBe("string");
  expect(results[1].error).toMatch(/JSON/);
  expect(results[2].error).toMatch(/text/);
  expect(results[3]).toMatchObject({ kind: "other", verdict: "not-an-ask", rewrite: null });
  expect(results[4].error).toMatch(/longer than/);
  for (const f of results[0].findings) expect(Object.keys(f).sort()).toEqual(["end", "message", "rule", "severity", "start", "why"]);
});

test("bad input gets a clear message and a non-zero exit, never a stack trace", () => {
  const empty = askwell(["review"], "   \n");
  expect(empty.code).toBe(2);
  expect(empty.err).toMatch(/empty/);
  const huge = askwell(["review"], "word ".repeat(12_000));
  expect(huge.code).toBe(2);
  expect(huge.err).toMatch(/limit is 50,000/);
  const unknown = askwell(["review", "--colour"]);
  expect(unknown.code).toBe(2);
  expect(unknown.err).toMatch(/^askwell review: unknown option '--colour'\nRun `askwell review --help` for usage\.\n$/);
  const command = askwell(["reveiw"]);
  expect(command.code).toBe(2);
  expect(command.err).toMatch(/^askwell: unknown command 'reveiw'\n\(Did you mean review\?\)/);
  for (const r of [empty, huge, unknown, command]) expect(r.err).not.toMatch(/\n\s+at /);
});

test("--ask reviews in the context of a tracked ask: a second follow-up is a repeat", () => {
  const added = askwell(["asks", "add", "--to", "Dana", "--intro", "Sam at Acme", "--at", "2030-01-02T10:00:00Z"], "Hi Dana, since we worked together at Acme, could you introduce me to Sam? No worries if not.");
  expect(added.code).toBe(0);
  const id = (added.out.match(/\b(\d+)\b/) ?? [])[1]!;
  const followUp = "Hi Dana, just checking in on my note about the intro to Sam. No worries if it's a no.";
  expect(JSON.parse(askwell(["review", "--json", "--ask", id], followUp).out).verdict).toBe("ready");
  expect(askwell(["asks", "followed-up", id, "--at", "2030-01-10T10:00:00Z"]).code).toBe(0);
  const again = JSON.parse(askwell(["review", "--json", "--ask", id], followUp).out);
  expect(again.verdict).toBe("dont-send");
  expect(again.findings.map((f: { rule: string }) => f.rule)).toContain("repeat-follow-up");
  const missing = askwell(["review", "--ask", "999"], followUp);
  expect(missing.code).toBe(1);
  expect(missing.err).toMatch(/no ask 999/);
});

test("a control sequence in a draft is shown as text, never sent raw to the terminal", () => {
  const draft = "Hi Dana, could you introduce me to Sam at Acme?\u001b]0;pwned\u0007\u001b[2J We met at the meetup. No worries if not.";
  const { code, out } = askwell(["review", draft]);
  expect(code).toBe(0);
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(out).toContain("\\x1b");
});

test("--jsonl answers a blank line with an error line, so outputs stay aligned with inputs", () => {
  const lines = [JSON.stringify({ id: "a", text: DRAFT }), "", "   ", JSON.stringify({ id: "b", text: DRAFT })];
  const { code, out } = askwell(["review", "--jsonl"], lines.join("\n") + "\n");
  expect(code).toBe(0);
  const results = out.trim().split("\n").map((l) => JSON.parse(l));
  expect(results.map((r) => r.id)).toEqual(["a", null, null, "b"]);
  expect(results[1].error).toMatch(/empty line/);
});
