/**
 * `npm run demo`: the console chat on a throw-away SQLite database and a throw-away user, both removed
 * afterwards. The demo script names ask numbers and ends with `forget`, so it must never run against
 * the user's own asks, whatever DATABASE_URL, ASKWELL_USER or a .env file say.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Env } from "../../src/config/env";
import type { Logger } from "../../src/logger";
import { startConsole } from "./start";

export const DEMO_USER = "demo";

export async function startDemo(options: { env: Env; input: NodeJS.ReadableStream & { isTTY?: boolean }; output: NodeJS.WritableStream; logger: Logger }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "askwell-demo-"));
  const env: Env = { ...options.env, DATABASE_URL: `sqlite:${join(dir, "demo.db")}`, ASKWELL_USER: DEMO_USER, ASKWELL_TIME_ZONE: "UTC" };
  options.output.write(`Demo mode: a throw-away database and user "${DEMO_USER}", deleted at the end; your own asks are not touched.\n`);
  try {
    await startConsole({ ...options, env });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
