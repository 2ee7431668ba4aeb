/** `askwell review --jsonl` as a pipeline stage: answers stream out as lines come in, and a closed pipe ends quietly. */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const BIN = join(__dirname, "..", "bin", "askwell.js");
const cwd = mkdtempSync(join(tmpdir(), "askwell-stream-"));

function start() {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: cwd, DATABASE_URL: `sqlite:${join(cwd, "asks.db")}` };
  const child = spawn(process.execPath, [BIN, "review", "--jsonl"], { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
  let err = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, exited, stderr: () => err };
}

const line = (id: string) => JSON.stringify({ id, text: `Hi Dana, I need you to intro me to Sam at Acme ASAP (${id}).` }) + "\n";

test("each result is written as soon as its line is read, before the input ends", async () => {
  const { child, exited, stderr } = start();
  const results = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  for (const id of ["first", "second", "third"]) {
    child.stdin.write(line(id)); // stdin stays open: an answer now can only come from streaming
    const next = await results.next();
    expect(JSON.parse(next.value as string)).toMatchObject({ id, kind: "intro_request" });
  }
  child.stdin.end();
  expect(await exited).toBe(0);
  expect(stderr()).toBe("");
});

test("a reader that closes the pipe early ends the run quietly: no stack trace, exit code 0", async () => {
  const { child, exited, stderr } = start();
  child.stdin.on("error", () => undefined); // the CLI may stop reading before all input is written
  child.stdout.once("data", () => child.stdout.destroy());
  child.stdin.end(Array.from({ length: 2_000 }, (_v, i) => line(`d${i}`)).join(""));
  expect(await exited).toBe(0);
  expect(stderr()).toBe("");
});

test.each(["--help", "review --help", "--version"])("`askwell %s | head` with a reader already gone ends quietly: no stack trace, exit code 0", async (command) => {
  const args = command.split(" ");
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: cwd };
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.destroy(); // the reader is gone before the CLI writes a byte
  let err = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(err).toBe("");
  expect(code).toBe(0);
});
