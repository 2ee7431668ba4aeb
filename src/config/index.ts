/**
 * The whole configuration, parsed once at start-up from an env object. Each section lives in its own
 * module (storage.ts, slack.ts, …) and throws a ConfigError naming the variable and the fix.
 */
import type { Env } from "./env";
import { type LlmConfig, parseLlmConfig } from "./llm";
import { isSlackConfigured, parseSlackConfig, type SlackConfig } from "./slack";
import { parseStorageConfig, type StorageConfig } from "./storage";
import { parseTeamsConfig, type TeamsConfig } from "./teams";

export interface AppConfig {
  storage: StorageConfig;
  /** null when OPENAI_API_KEY is unset: reviews are rules-only. */
  llm: LlmConfig;
  /** null when no Slack variable is set (npm start then falls back). */
  slack: SlackConfig | null;
  /** `enabled: false` unless TEAMS_ENABLED=true or MicrosoftAppId is set. */
  teams: TeamsConfig;
}

export function loadConfig(env: Env): AppConfig {
  return {
    storage: parseStorageConfig(env),
    llm: parseLlmConfig(env),
    slack: isSlackConfigured(env) ? parseSlackConfig(env) : null,
    teams: parseTeamsConfig(env),
  };
}
