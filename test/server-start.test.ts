/** `npm start` as a server: at the default level it logs exactly one info line, saying what runs, where and on which database. */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const MAIN = join(__dirname, "..", "dist", "adapters", "main.js");
jest.setTimeout(60_000);

test("the Teams server logs one info line on start: platforms, port, database kind", async () => {
  const dir = mkdtempSync(join(tmpdir(), "askwell-start-"));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(SLACK_|TEAMS_|Microsoft|OPENAI_|DATABASE_URL|LOG_LEVEL|NODE_ENV)/.test(name)));
  const child = spawn(process.execPath, [MAIN], { cwd: dir, env: { ...clean, TEAMS_ENABLED: "true", PORT: "0", DATABASE_URL: `sqlite:${join(dir, "askwell.db")}` }, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  let out = "";
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    const deadline = Date.now() + 45_000;
    while (!/askwell started/.test(err)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no start-up line:\n${err}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const lines = err.trim().split("\n").map((line) => JSON.parse(line) as { level: number; msg: string; [key: string]: unknown });
    const info = lines.filter((line) => line.level === 30);
    expect(info).toEqual([expect.objectContaining({ msg: "askwell started", platforms: ["teams"], port: expect.any(Number), database: "sqlite" })]);
    expect(info[0]!.port).toBeGreaterThan(0);
    expect(out).toBe("");
  } finally {
    child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});
