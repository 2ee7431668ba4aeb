/**
 * Reminders as Slack DMs: conversations.open + chat.postMessage with the drafted follow-up and the ask
 * buttons. A failed call (429, 500, network) throws, so the tracker's runner leaves the reminder for a
 * later run; the WebClient's own retries are off so one run never waits on Retry-After or sends twice.
 */
import type { InstallationStore } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Env } from "../../src/config/env";
import { parseSlackConfig, type SlackConfig } from "../../src/config/slack";
import type { AskStore } from "../../src/core/ask-store";
import type { DueReminder, ReminderDelivery } from "../../src/core/ports";
import { AskwellError } from "../../src/errors";
import type { Logger } from "../../src/logger";
import { KyselyAskStore } from "../../src/storage/kysely-ask-store";
import { secretBox } from "../../src/storage/secret-box";
import { webClientOptions } from "./client-options";
import { reminderMessage } from "./blocks";
import { createInstallationStore } from "./installation-store";

export interface SlackDeliveryOptions {
  /** Where reminders of non-Slack owners go (the console delivery in the CLI). */
  fallback?: ReminderDelivery;
  /** Bot tokens per workspace in OAuth mode. */
  installationStore?: InstallationStore;
  logger?: Logger;
}

export function createSlackReminderDelivery(config: SlackConfig, options: SlackDeliveryOptions = {}): ReminderDelivery {
  const clients = new Map<string, WebClient>();
  const clientOptions = { ...webClientOptions(config), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true };

  async function clientFor(teamId: string): Promise<WebClient> {
    const cached = clients.get(teamId);
    if (cached) return cached;
    let token: string | undefined;
    if (config.auth.type === "single") token = config.auth.botToken;
    else if (options.installationStore) {
      const installation = await options.installationStore.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
      token = installation.bot?.token;
    }
    if (!token) throw new AskwellError("slack_not_installed", `no Slack bot token for workspace ${teamId}`);
    const client = new WebClient(token, clientOptions);
    clients.set(teamId, client);
    return client;
  }

  return {
    async deliver(reminder: DueReminder): Promise<void> {
      const { owner } = reminder.ask;
      if (owner.platform !== "slack") {
        if (options.fallback) return options.fallback.deliver(reminder);
        throw new AskwellError("wrong_platform", `reminder ${reminder.reminderId} belongs to ${owner.platform}, not Slack`);
      }
      const client = await clientFor(owner.workspaceId);
      const dm = await client.conversations.open({ users: owner.userId });
      const channel = dm.channel?.id;
      if (!channel) throw new AskwellError("slack_no_dm", `Slack opened no DM with ${owner.userId}`);
      await client.chat.postMessage({ channel, ...reminderMessage(reminder, { userId: owner.userId, teamId: owner.workspaceId }) });
      options.logger?.info({ reminderId: reminder.reminderId, team: owner.workspaceId, user: owner.userId, type: reminder.type }, "slack: reminder delivered");
    },
  };
}

/**
 * The reminders CLI's delivery when Slack is configured: Slack users get DMs, everyone else goes to
 * `fallback` (the console). Config errors surface as ConfigError, naming the variable.
 */
export function reminderDeliveryFromEnv(env: Env, fallback: ReminderDelivery, store: AskStore, logger?: Logger): ReminderDelivery {
  const config = parseSlackConfig(env);
  const installationStore = config.auth.type === "oauth" && store instanceof KyselyAskStore ? createInstallationStore(store.db, secretBox(config.auth.secretKey)) : undefined;
  return createSlackReminderDelivery(config, { fallback, installationStore, logger });
}
