/**
 * Runs the Slack app as production does, in HTTP mode on 127.0.0.1, against a fake Web API, with a
 * real SQLite tracker, and sends it requests signed the way Slack signs them.
 */
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHttpServer } from "../adapters/http/server";
import { createSlackApp } from "../adapters/slack/app";
import { createInstallationStore } from "../adapters/slack/installation-store";
import { databaseHealthCheck } from "../adapters/slack/start";
import { KyselyAskStore } from "../src/storage/kysely-ask-store";
import { createSeenRequests } from "../src/storage/seen-requests";
import { secretBox } from "../src/storage/secret-box";
import { parseSlackConfig } from "../src/config/slack";
import { parseStorageConfig, type StorageConfig } from "../src/config/storage";
import { createLogger } from "../src/logger";
import { rulesOnlyReviewService, type ReviewService } from "../src/review-service";
import { openStore } from "../src/storage";
import { createTrackerService } from "../src/tracker";
import { insightsServiceFor, teamServiceFor } from "../src/tracker/local";
import type { TrackerService } from "../src/tracker/tracker-service";
import type { AskStore } from "../src/core/ask-store";
import type { ReviewPool } from "../adapters/review-pool";
import { FakeSlackApi } from "./fakes/slack-api";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5".replace(/[yz]/g, "0");
export const TEAM = "T0001";

export interface SlackHarness {
  url: string;
  fake: FakeSlackApi;
  tracker: TrackerService;
  store: AskStore;
  storage: StorageConfig;
  env: Record<string, string>;
  /** The clock the app sees; tests move it. */
  clock: { now: Date };
  close(): Promise<void>;
}

/** OAuth instead of one bot token: installs go through /slack/install and are kept in the database. */
export const OAUTH_ENV = { SLACK_CLIENT_ID: "1111.2222", SLACK_CLIENT_SECRET: "client-secret", SLACK_STATE_SECRET: "state-secret-0123456789", ASKWELL_SECRET_KEY: "test-secret-key-0123456789abcdef0123456789" };

export async function startSlackHarness(options: { reviews?: ReviewService; oauth?: boolean; databaseUrl?: string; pgSchema?: string; admins?: string[]; reviewPool?: ReviewPool } = {}): Promise<SlackHarness> {
  const fake = await new FakeSlackApi().start();
  const dir = mkdtempSync(join(tmpdir(), "askwell-slack-"));
  const auth: Record<string, string> = options.oauth ? OAUTH_ENV : { SLACK_BOT_TOKEN: "xoxb-test-token" };
  const env = { ...auth, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: "0", DATABASE_URL: options.databaseUrl ?? `sqlite:${join(dir, "askwell.db")}` };
  const storage = parseStorageConfig(env);
  const store = await openStore(storage, options.pgSchema ? { pgSchema: options.pgSchema } : {});
  const team = teamServiceFor(store);
  const insights = insightsServiceFor(store);
  const tracker = createTrackerService(store, { policy: storage.policy, storeDrafts: false, team, insights });
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? "silent" });
  const clock = { now: new Date("2026-11-23T10:00:00Z") };
  const config = parseSlackConfig(env);
  const http = createHttpServer({ port: config.port, host: "127.0.0.1", logger, healthCheck: databaseHealthCheck(store) });
  const installationStore = config.auth.type === "oauth" && store instanceof KyselyAskStore ? createInstallationStore(store.db, secretBox(config.auth.secretKey)) : undefined;
  const seenRequests = store instanceof KyselyAskStore ? createSeenRequests(store.db) : null;
  const slack = await createSlackApp({ config, http, installationStore, seenRequests, deps: { reviews: options.reviews ?? rulesOnlyReviewService(), tracker, logger, now: () => clock.now, team, insights, admins: options.admins ?? [], reviewPool: options.reviewPool ?? null } });
  const port = await http.start();
  return {
    url: `http://127.0.0.1:${port}`,
    fake,
    tracker,
    store,
    storage,
    env,
    clock,
    async close() {
      await slack.stop();
      await http.stop();
      await fake.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function sign(body: string, timestamp = Math.floor(Date.now() / 1000), secret = SIGNING_SECRET): Record<string, string> {
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "x-slack-signature": signature, "x-slack-request-timestamp": String(timestamp) };
}

export async function postSigned(url: string, body: string, contentType: string, headers: Record<string, string> = sign(body)): Promise<{ status: number; text: string; json: () => unknown }> {
  const res = await fetch(`${url}/slack/events`, { method: "POST", headers: { "content-type": contentType, ...headers }, body });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
}

let counter = 0;
/** A unique response_url id on the fake, so each test reads only its own responses. */
export function nextId(prefix: string): string {
  return `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function slashCommand(h: SlackHarness, text: string, user = "U100", responseId = nextId("cmd")) {
  const body = new URLSearchParams({
    token: "legacy",
    team_id: TEAM,
    team_domain: "fake",
    channel_id: "C200",
    channel_name: "sales",
    user_id: user,
    user_name: user.toLowerCase(),
    command: "/review-ask",
    text,
    api_app_id: "A1",
    response_url: h.fake.responseUrl(responseId),
    trigger_id: `trig-${responseId}`,
  }).toString();
  return { responseId, send: () => postSigned(h.url, body, "application/x-www-form-urlencoded") };
}

export function interaction(h: SlackHarness, payload: Record<string, unknown>) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(h.url, body, "application/x-www-form-urlencoded");
}

/** A button click in a message, as Slack sends it (`block_actions`). */
export function click(h: SlackHarness, button: { action_id: string; value?: string }, user = "U100", responseId = nextId("click"), container: Record<string, unknown> = { type: "message", is_ephemeral: true }) {
  return {
    responseId,
    send: () =>
      interaction(h, {
        type: "block_actions",
        team: { id: TEAM, domain: "fake" },
        user: { id: user, username: user.toLowerCase(), team_id: TEAM },
        api_app_id: "A1",
        token: "legacy",
        container,
        trigger_id: `trig-${responseId}`,
        response_url: container.type === "view" ? undefined : h.fake.responseUrl(responseId),
        actions: [{ type: "button", action_id: button.action_id, block_id: "b", value: button.value, action_ts: "1700000000.1" }],
      }),
  };
}

export function event(h: SlackHarness, ev: Record<string, unknown>) {
  const body = JSON.stringify({ token: "legacy", team_id: TEAM, api_app_id: "A1", type: "event_callback", event_id: nextId("Ev"), event_time: 1700000000, event: ev });
  return postSigned(h.url, body, "application/json");
}

export function viewSubmission(h: SlackHarness, view: { callback_id?: string; private_metadata?: string; id?: string }, values: Record<string, Record<string, unknown>>, user = "U100") {
  return interaction(h, {
    type: "view_submission",
    team: { id: TEAM, domain: "fake" },
    user: { id: user, username: user.toLowerCase(), team_id: TEAM },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: nextId("trig"),
    view: { id: view.id ?? "V123", type: "modal", callback_id: view.callback_id, private_metadata: view.private_metadata ?? "", state: { values }, hash: "h" },
  });
}

type AnyBlock = { type: string; block_id?: string; text?: { text: string }; accessory?: { action_id: string; value?: string }; elements?: Array<{ action_id?: string; value?: string; text?: string | { text: string } }> };

/** All text of some blocks, for assertions. */
export function blocksText(blocks: unknown): string {
  return (blocks as AnyBlock[])
    .map((b) => [b.text?.text ?? "", ...(b.elements ?? []).map((e) => (typeof e.text === "string" ? e.text : (e.text?.text ?? "")))].join("\n"))
    .join("\n");
}

/** Every button in some blocks (section accessories and actions elements). */
export function buttons(blocks: unknown): Array<{ action_id: string; value?: string; text: string }> {
  const out: Array<{ action_id: string; value?: string; text: string }> = [];
  for (const b of blocks as AnyBlock[]) {
    if (b.accessory?.action_id) out.push({ action_id: b.accessory.action_id, value: b.accessory.value, text: "" });
    for (const e of b.elements ?? []) if (e.action_id) out.push({ action_id: e.action_id, value: e.value, text: typeof e.text === "string" ? e.text : (e.text?.text ?? "") });
  }
  return out;
}

export function button(blocks: unknown, actionId: string | RegExp): { action_id: string; value?: string } {
  const found = buttons(blocks).find((b) => (typeof actionId === "string" ? b.action_id === actionId : actionId.test(b.action_id)));
  if (!found) throw new Error(`no button ${String(actionId)} in ${JSON.stringify(blocks)}`);
  return found;
}

/**
 * Two Slack app replicas on one database, as behind a load balancer: a shared SQLite file, or a
 * schema of their own on PostgreSQL when TEST_DATABASE_URL is set.
 */
export async function startSlackReplicas(name: string): Promise<{ a: SlackHarness; b: SlackHarness; close(): Promise<void> }> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), `askwell-${name}-`));
  const database = pgUrl ? { databaseUrl: pgUrl, pgSchema: `slack_${name}_${process.pid}_${Date.now()}` } : { databaseUrl: `sqlite:${join(dir, "shared.db")}` };
  const a = await startSlackHarness(database);
  const b = await startSlackHarness(database);
  return {
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
