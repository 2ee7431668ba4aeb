/**
 * The README's first command, run as a new user would, twice, on a machine where that user already
 * tracks a real ask: the demo plays its whole loop and the user's own asks stay exactly as they were.
 */
import { execSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_FOLLOW_UP_POLICY } from "../src/core/follow-up-policy";
import type { Owner } from "../src/core/ports";
import { openKyselyStore } from "../src/storage";
import { createTrackerService } from "../src/tracker/create-tracker-service";

const ROOT = join(__dirname, "..");

/** The first line of the README's first shell block, minus the install step (npm test has built dist/). */
function readmeFirstCommand(): string {
  const block = /```sh\n([^\n]*)/.exec(readFileSync(join(ROOT, "README.md"), "utf8"))![1]!;
  return block.replace(/#.*$/, "").replace(/^\s*npm install\s*&&\s*/, "").trim();
}

jest.setTimeout(60_000);

test("rerunning the README's first command leaves the user's tracked asks untouched", async () => {
  const dir = mkdtempSync(join(tmpdir(), "askwell-demo-test-"));
  const file = join(dir, "askwell.db");
  const me: Owner = { platform: "console", workspaceId: "local", userId: "kim" };
  try {
    const store = await openKyselyStore({ dialect: "sqlite", file });
    const tracker = createTrackerService(store, { policy: DEFAULT_FOLLOW_UP_POLICY, storeDrafts: false });
    const tracked = await tracker.trackAsk(me, { reader: "Dana Lee", thirdPerson: "Sam Ortiz", kind: "intro_request", draft: "Hi Dana, could you introduce me to Sam?", summary: "intro_request", sentAt: new Date("2029-12-20T10:00:00Z") });
    expect(tracked.ok).toBe(true);
    const before = await store.exportUser(me);
    await store.close();

    const command = readmeFirstCommand();
    // The user's own configuration: their database and their name, as a .env or the shell would set them.
    const env = { PATH: process.env.PATH ?? "", HOME: dir, USER: "kim", ASKWELL_USER: "kim", DATABASE_URL: `sqlite:${file}` };
    for (let run = 0; run < 2; run++) {
      const out = execSync(command, { cwd: ROOT, env, encoding: "utf8" });
      expect(out).toMatch(/throw-away/);
      expect(out).toMatch(/Tracked as ask #1/);
      expect(out).toMatch(/Deleted \d+ asks?, /);
    }

    const after = await openKyselyStore({ dialect: "sqlite", file });
    expect(await after.exportUser(me)).toEqual(before);
    await after.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
