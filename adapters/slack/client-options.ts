import type { SlackConfig } from "../../src/config/slack";

/** SLACK_API_URL redirects every Web API call (tests point it at a local fake). */
export function webClientOptions(config: SlackConfig): { slackApiUrl?: string } {
  return config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
}
