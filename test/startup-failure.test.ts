/**
 * `npm start` with a Slack token that Slack refuses, or with Slack unreachable: the process says why,
 * closes what it opened (database, worker pool, server) and exits non-zero within seconds, and every
 * log line on the way is JSON.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeSlackApi } from "./fakes/slack-api";
import { SIGNING_SECRET } from "./slack-harness";

const MAIN = join(__dirname, "..", "dist", "adapters", "main.js");
jest.setTimeout(60_000);

function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, stderr, ms: Date.now() - started });
    }),
  );
}

/** Log lines are pino JSON; the one human line is the final "could not start" message. */
function nonJsonLines(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("askwell: could not start"))
    .filter((line) => {
      try {
        JSON.parse(line);
        return false;
      } catch {
        return true;
      }
    });
}

describe("a failed Slack start", () => {
  let fake: FakeSlackApi;
  let dir: string;
  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    dir = mkdtempSync(join(tmpdir(), "askwell-startup-"));
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = (apiUrl: string) => ({ SLACK_BOT_TOKEN: "xoxb-revoked", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: apiUrl, PORT: "0", DATABASE_URL: `sqlite:${join(dir, "askwell.db")}` });

  test("a token Slack refuses (invalid_auth): exits 1 within seconds, JSON logs only", async () => {
    fake.failNext("auth.test", { status: 200, body: { ok: false, error: "invalid_auth" } }, 5);
    const result = await start(env(fake.apiUrl));
    expect(result.code).toBe(1);
    expect(result.ms).toBeLessThan(10_000);
    expect(result.stderr).toMatch(/could not start: .*invalid_auth/);
    expect(nonJsonLines(result.stderr)).toEqual([]);
  });

  test("Slack unreachable: gives up within seconds, exits 1, JSON logs only", async () => {
    const result = await start(env("http://127.0.0.1:9/api/"));
    expect(result.code).toBe(1);
    expect(result.ms).toBeLessThan(15_000);
    expect(nonJsonLines(result.stderr)).toEqual([]);
  });
});
