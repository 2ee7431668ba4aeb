import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BOT_SCOPES } from "../adapters/slack/app";
import { COMMAND, SHORTCUT } from "../adapters/slack/listeners/review";

const manifest = readFileSync(join(__dirname, "..", "app-manifest.yml"), "utf8");

/** The list items under `key:` (indented `- value` lines), read without a YAML library. */
function listUnder(key: string): string[] {
  const lines = manifest.split("\n");
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^\s+- (.+)$/.exec(line);
    if (!m) break;
    items.push(m[1]!.trim());
  }
  return items;
}

describe("app-manifest.yml", () => {
  test("asks for exactly the bot scopes the code uses", () => {
    expect(listUnder("bot").sort()).toEqual([...BOT_SCOPES].sort());
  });

  test("declares the slash command, the shortcut, the events and interactivity the listeners handle", () => {
    expect(manifest).toContain(`command: ${COMMAND}`);
    expect(manifest).toContain(`callback_id: ${SHORTCUT}`);
    expect(listUnder("bot_events").sort()).toEqual(["app_home_opened", "app_mention"]);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true\n\s+request_url: https:\/\/[^/]+\/slack\/events/);
    expect(manifest).toContain("/slack/oauth_redirect");
  });
});
