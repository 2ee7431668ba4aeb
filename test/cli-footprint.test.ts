/**
 * What keeps a long `askwell review --jsonl` batch small (bench:cli measures the peak): the binary, run
 * by its shebang as `askwell` and `npx askwell` run it, carries V8's heap flags, and a first review
 * (no database, no storage settings) does not load zod.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = join(__dirname, "..", "bin", "askwell.js");
const cwd = mkdtempSync(join(tmpdir(), "askwell-footprint-"));
// Preloaded through NODE_OPTIONS: reports, at exit, the node flags and whether zod was loaded.
const PROBE = join(cwd, "probe.js");
writeFileSync(PROBE, `process.on("exit", () => process.stderr.write("\\n" + JSON.stringify({ execArgv: process.execArgv, zod: Object.keys(require.cache).some((f) => /[\\\\/]node_modules[\\\\/]zod[\\\\/]/.test(f)) })));\n`);

function reviewBatch(env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; probe: { execArgv: string[]; zod: boolean } }> {
  const child = spawn(BIN, ["review", "--jsonl"], { cwd, env: { PATH: process.env.PATH ?? "", HOME: cwd, NODE_OPTIONS: `--require ${JSON.stringify(PROBE)}`, ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  child.stdin.end(JSON.stringify({ id: "a", text: "Hi Dana, could you introduce me to Sam at Acme? No worries if not." }) + "\n");
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, probe: JSON.parse(stderr.slice(stderr.lastIndexOf("\n") + 1)) })));
}

test("run by its shebang, the binary reviews with V8's heap bounded", async () => {
  const { code, stdout, probe } = await reviewBatch();
  expect(code).toBe(0);
  expect(JSON.parse(stdout)).toMatchObject({ id: "a", kind: "intro_request" });
  expect(probe.execArgv).toEqual(expect.arrayContaining(["--max-semi-space-size=2", "--heap-growing-percent=50"]));
});

test("a first review does not load zod; a storage setting is still checked (and loads it)", async () => {
  expect((await reviewBatch()).probe.zod).toBe(false);
  const configured = await reviewBatch({ WORKDAY_START_HOUR: "late" });
  expect(configured.code).toBe(1);
  expect(JSON.parse(configured.stdout)).toMatchObject({ error: { code: "config", message: expect.stringContaining("WORKDAY_START_HOUR") } });
  expect(configured.probe.zod).toBe(true);
});
