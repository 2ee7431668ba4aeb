/**
 * Starts the Teams bot the way production does (the shared HTTP server, CloudAdapter, a real SQLite
 * tracker) with a fake Bot Connector as every activity's serviceUrl, and builds activities as Teams sends them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHttpServer, type HttpServer } from "../adapters/http/server";
import { createTeamsAdapter } from "../adapters/teams/adapter";
import { TeamsBot } from "../adapters/teams/bot";
import { mountTeams } from "../adapters/teams/mount";
import type { TeamsCredentials } from "../src/config/teams";
import { parseStorageConfig } from "../src/config/storage";
import type { AskStore } from "../src/core/ask-store";
import { createLogger } from "../src/logger";
import { rulesOnlyReviewService, type ReviewService } from "../src/review-service";
import { openStore } from "../src/storage";
import { createTrackerService } from "../src/tracker/create-tracker-service";
import { insightsServiceFor, teamServiceFor } from "../src/tracker/local";
import type { TrackerService } from "../src/tracker/tracker-service";
import type { ReviewPool } from "../adapters/review-pool";
import { startFakeBotConnector, type FakeBotConnector } from "./fakes/bot-connector";

export const TENANT = "72f988bf-0000-4000-8000-000000000001";
export const BOT = { id: "28:askwell-bot-id", name: "Askwell" };
export const ANA = { id: "29:ana-teams-id", name: "Ana Ruiz", aadObjectId: "aad-ana-0001" };
export const BEN = { id: "29:ben-teams-id", name: "Ben Okoro", aadObjectId: "aad-ben-0002" };
export type TeamsUser = typeof ANA;

export interface TeamsBotUnderTest {
  messagesUrl: string;
  connector: FakeBotConnector;
  bot: TeamsBot;
  tracker: TrackerService;
  store: AskStore;
  env: Record<string, string>;
  /** POSTs an activity to /api/messages; resolves with the HTTP status and parsed body (if any). */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startTeamsBotUnderTest(options: { credentials?: TeamsCredentials | null; reviews?: ReviewService; now?: () => Date; databaseUrl?: string; pgSchema?: string; admins?: string[]; reviewPool?: ReviewPool } = {}): Promise<TeamsBotUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), "askwell-teams-"));
  const env = { DATABASE_URL: options.databaseUrl ?? `sqlite:${join(dir, "askwell.db")}` };
  const storage = parseStorageConfig(env);
  const store = await openStore(storage, options.pgSchema ? { pgSchema: options.pgSchema } : {});
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? "silent" });
  const now = options.now ?? (() => new Date());
  const team = teamServiceFor(store);
  const insights = insightsServiceFor(store);
  const tracker = createTrackerService(store, { policy: storage.policy, storeDrafts: false, logger, team, insights });
  const connector = await startFakeBotConnector();
  const adapter = createTeamsAdapter(options.credentials ?? null, logger);
  const bot = new TeamsBot({ reviews: options.reviews ?? rulesOnlyReviewService(), tracker, logger, now, appId: options.credentials?.appId ?? "", team, insights, admins: options.admins ?? [], reviewPool: options.reviewPool ?? null });
  const server: HttpServer = createHttpServer({ port: 0, host: "127.0.0.1", logger });
  mountTeams(server.app, { adapter, bot, logger });
  const port = await server.start();
  const messagesUrl = `http://127.0.0.1:${port}/api/messages`;
  return {
    messagesUrl,
    connector,
    bot,
    tracker,
    store,
    env,
    async post(activity, headers = {}) {
      const response = await fetch(messagesUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(activity) });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body };
    },
    async close() {
      await bot.idle();
      await server.stop();
      await connector.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
const nextId = () => `17000000${String(++counter).padStart(5, "0")}`;

function base(connector: FakeBotConnector, from: TeamsUser, conversation: Record<string, unknown>) {
  return {
    id: nextId(),
    timestamp: new Date().toISOString(),
    serviceUrl: connector.url,
    channelId: "msteams",
    from,
    recipient: BOT,
    conversation: { tenantId: TENANT, ...conversation },
    channelData: { tenant: { id: TENANT } },
    locale: "en-US",
    localTimezone: "Europe/Paris",
  };
}

export const CHANNEL_CONVERSATION = { id: "19:general-0001@thread.tacv2;messageid=1699999999999", conversationType: "channel", isGroup: true };
export const personalConversation = (user: TeamsUser) => ({ id: `a:personal-${user.aadObjectId}`, conversationType: "personal" });

/** `@Askwell <text>` in a channel, with the mention entity Teams adds. */
export function channelMention(connector: FakeBotConnector, from: TeamsUser, text: string): Record<string, unknown> {
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...base(connector, from, CHANNEL_CONVERSATION),
    type: "message",
    text: `${mention} ${text}`,
    textFormat: "plain",
    entities: [{ type: "mention", text: mention, mentioned: BOT }],
  };
}

/** A message in the user's 1:1 chat with the bot (no mention needed). */
export function personalMessage(connector: FakeBotConnector, from: TeamsUser, text: string): Record<string, unknown> {
  return { ...base(connector, from, personalConversation(from)), type: "message", text, textFormat: "plain" };
}

/** A press of an Action.Submit: Teams sends a message whose `value` is the button data merged with the card's inputs. */
export function cardSubmit(connector: FakeBotConnector, from: TeamsUser, cardActivityId: string, value: Record<string, unknown>, conversation: Record<string, unknown> = CHANNEL_CONVERSATION): Record<string, unknown> {
  return { ...base(connector, from, conversation), type: "message", replyToId: cardActivityId, value };
}

/** The same press as a Universal Action (`adaptiveCard/action` invoke). */
export function cardInvoke(connector: FakeBotConnector, from: TeamsUser, cardActivityId: string, data: Record<string, unknown>, conversation: Record<string, unknown> = CHANNEL_CONVERSATION): Record<string, unknown> {
  return {
    ...base(connector, from, conversation),
    type: "invoke",
    name: "adaptiveCard/action",
    replyToId: cardActivityId,
    value: { action: { type: "Action.Execute", verb: String(data.action), data }, trigger: "manual" },
  };
}

/** The bot being added to a user's personal scope. */
export function installedInPersonalScope(connector: FakeBotConnector, from: TeamsUser): Record<string, unknown> {
  return { ...base(connector, from, personalConversation(from)), type: "conversationUpdate", membersAdded: [{ id: BOT.id }] };
}
