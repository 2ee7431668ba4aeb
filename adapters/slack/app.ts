/**
 * Builds the Bolt app: Socket Mode or HTTP (mounted on the shared express server), one workspace
 * (SLACK_BOT_TOKEN) or OAuth installs kept by an InstallationStore. Listeners live in ./listeners.
 */
import { App, ExpressReceiver, LogLevel, type InstallationStore } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { SlackConfig } from "../../src/config/slack";
import type { SeenRequests } from "../../src/storage/seen-requests";
import type { HttpServer } from "../http/server";
import { boltLogger } from "./bolt-logger";
import { webClientOptions } from "./client-options";
import type { SlackDeps } from "./deps";
import { registerErrorHandler } from "./error-handler";
import { registerEventDedupe } from "./event-dedupe";
import { registerAskListeners } from "./listeners/asks";
import { registerForwardableListeners } from "./listeners/forwardable";
import { registerHouseRulesListeners } from "./listeners/house-rules";
import { registerInsightsListeners } from "./listeners/insights";
import { registerPrivacyListeners } from "./listeners/privacy";
import { registerReviewListeners } from "./listeners/review";
import { registerUninstallListeners } from "./listeners/uninstall";
import { mountSlackRequestGuard } from "./request-guard";
import { registerDirectMessageListeners } from "./listeners/direct-messages";
import { BOT_SCOPES } from "./scopes";

/** The bot scopes Askwell uses (derived in ./scopes.ts); app-manifest.yml lists exactly these. */
export { BOT_SCOPES };

export interface SlackAppOptions {
  config: SlackConfig;
  deps: SlackDeps;
  /** The shared HTTP server; HTTP mode mounts `/slack/events` (and the OAuth routes) on it. */
  http: HttpServer;
  /** Required when config.auth is OAuth. */
  installationStore?: InstallationStore;
  /** Handled event ids and request signatures, shared by replicas (the database); null: no de-duplication. */
  seenRequests?: SeenRequests | null;
}

export interface SlackApp {
  bolt: App;
  /** Connects Socket Mode (HTTP mode is served by the shared server). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createSlackApp(options: SlackAppOptions): Promise<SlackApp> {
  const { config, deps } = options;
  const logger = boltLogger(deps.logger);
  const logLevel = deps.logger.level === "debug" || deps.logger.level === "trace" ? LogLevel.DEBUG : LogLevel.INFO;
  const clientOptions = webClientOptions(config);

  // One workspace: ask Slack who the bot is once, so Bolt need not call auth.test on every request. With
  // the app's logger (JSON lines) and few retries: a bad token or an unreachable Slack fails start-up in seconds.
  let identity: { token: string; botId: string; botUserId: string; tokenVerificationEnabled: false } | Record<string, never> = {};
  if (config.auth.type === "single") {
    const me = await new WebClient(config.auth.botToken, { ...clientOptions, logger, logLevel, retryConfig: { retries: 2, factor: 1, minTimeout: 500, maxTimeout: 1000 }, timeout: 10_000 }).auth.test();
    identity = { token: config.auth.botToken, botId: String(me.bot_id ?? ""), botUserId: String(me.user_id ?? ""), tokenVerificationEnabled: false };
  }
  const oauth =
    config.auth.type === "oauth"
      ? {
          clientId: config.auth.clientId,
          clientSecret: config.auth.clientSecret,
          stateSecret: config.auth.stateSecret,
          scopes: BOT_SCOPES,
          installationStore: requireStore(options.installationStore),
          installerOptions: { directInstall: true, clientOptions },
        }
      : {};

  const seen = options.seenRequests ?? null;
  if (config.mode === "http") mountSlackRequestGuard(options.http.app, { signingSecret: config.signingSecret!, seen, logger: deps.logger });

  const bolt =
    config.mode === "socket"
      ? // The Socket Mode client opens its connection with installerOptions.clientOptions, not clientOptions.
        new App({ socketMode: true, appToken: config.appToken!, logger, logLevel, clientOptions, installerOptions: { clientOptions }, extendedErrorHandler: true, ...identity })
      : new App({
          // The request guard mounted above already checked the signature (and more): Bolt need not hash the body again.
          receiver: new ExpressReceiver({ signingSecret: config.signingSecret!, signatureVerification: false, app: options.http.app, processBeforeResponse: false, logger, logLevel, ...oauth }),
          logger,
          logLevel,
          clientOptions,
          extendedErrorHandler: true,
          ...identity,
        });

  if (seen) registerEventDedupe(bolt, seen, deps.logger);
  registerReviewListeners(bolt, deps);
  registerForwardableListeners(bolt, deps);
  registerAskListeners(bolt, deps);
  registerHouseRulesListeners(bolt, deps);
  registerInsightsListeners(bolt, deps);
  registerPrivacyListeners(bolt, deps);
  registerUninstallListeners(bolt, { installationStore: options.installationStore, logger: deps.logger });
  registerDirectMessageListeners(bolt, deps);
  registerErrorHandler(bolt, deps.logger);

  return {
    bolt,
    start: async () => {
      if (config.mode === "socket") await bolt.start();
    },
    stop: async () => {
      if (config.mode === "socket") await bolt.stop();
    },
  };
}

function requireStore(store: InstallationStore | undefined): InstallationStore {
  if (!store) throw new Error("Slack OAuth needs an installation store (a database)");
  return store;
}
