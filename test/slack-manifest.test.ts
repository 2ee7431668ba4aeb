import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { BOT_SCOPES } from "../adapters/slack/app";
import { DIRECT_MESSAGE_EVENT } from "../adapters/slack/listeners/direct-messages";
import { COMMAND, SHORTCUT } from "../adapters/slack/listeners/review";
import { EVENT_SCOPES, FEATURE_SCOPES, METHOD_SCOPES } from "../adapters/slack/scopes";

const ROOT = join(__dirname, "..");
const manifest = readFileSync(join(ROOT, "app-manifest.yml"), "utf8");

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

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const slackSources = sourcesUnder(join(ROOT, "adapters", "slack")).map((file) => readFileSync(file, "utf8"));

/** Slack's Web API method families (https://api.slack.com/methods): `x.<family>.<method>(` is a call. */
const FAMILIES = ["admin", "api", "apps", "auth", "bookmarks", "bots", "calls", "chat", "conversations", "dnd", "emoji", "files", "pins", "reactions", "search", "stars", "team", "usergroups", "users", "views"];

/** Every Web API method the Slack adapter calls, found in its source. */
function calledMethods(): string[] {
  // `deps.team.…` is Askwell's own team service, not Slack's `team.*` Web API family.
  const pattern = new RegExp(`(?<!deps)\\.(${FAMILIES.join("|")})\\.([a-z][A-Za-z.]*?)\\(`, "g");
  return [...new Set(slackSources.flatMap((source) => [...source.matchAll(pattern)].map((m) => `${m[1]}.${m[2]}`)))].sort();
}

/** Every event the listeners subscribe to; `message` is only handled from DMs (channel_type im). */
function subscribedEvents(): string[] {
  const names = slackSources.flatMap((source) => [...source.matchAll(/app\.event\("([a-z_]+)"/g)].map((m) => m[1]!));
  return [...new Set(names.map((name) => (name === "message" ? DIRECT_MESSAGE_EVENT : name)))].sort();
}

describe("app-manifest.yml", () => {
  test("the scope table covers exactly the Web API methods the code calls", () => {
    expect(calledMethods()).toEqual(Object.keys(METHOD_SCOPES).sort());
    // The scan is real: it sees the calls this adapter is known to make.
    expect(calledMethods()).toEqual(expect.arrayContaining(["chat.postMessage", "conversations.replies", "views.open", "auth.test"]));
  });

  test("the scope table covers exactly the events the listeners subscribe to, and they are the manifest's", () => {
    expect(subscribedEvents()).toEqual(Object.keys(EVENT_SCOPES).sort());
    expect(listUnder("bot_events").sort()).toEqual(subscribedEvents());
  });

  test("asks for exactly the bot scopes derived from those methods, events and features", () => {
    const derived = [...new Set([...Object.values(METHOD_SCOPES), ...Object.values(EVENT_SCOPES), ...Object.values(FEATURE_SCOPES)].flat())].sort();
    expect(listUnder("bot").sort()).toEqual(derived);
    expect([...BOT_SCOPES].sort()).toEqual(derived);
    expect(derived).toContain("im:history");
  });

  test("declares the slash command, the shortcut, a writable Messages tab and interactivity", () => {
    expect(manifest).toContain(`command: ${COMMAND}`);
    expect(manifest).toMatch(/usage_hint: ".*\btrack\b.*"/);
    expect(manifest).toContain(`callback_id: ${SHORTCUT}`);
    expect(manifest).toMatch(/messages_tab_enabled: true\n\s+messages_tab_read_only_enabled: false/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true\n\s+request_url: https:\/\/[^/]+\/slack\/events/);
    expect(manifest).toContain("/slack/oauth_redirect");
  });
});
