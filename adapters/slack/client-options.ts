import type { SlackConfig } from "../../src/config/slack";
import { keepAliveFetch } from "./keep-alive-fetch";

/** SLACK_API_URL redirects every Web API call (tests point it at a local fake); see keep-alive-fetch.ts for `fetch`. */
export function webClientOptions(config: SlackConfig): { slackApiUrl?: string; fetch: typeof keepAliveFetch } {
  return { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), fetch: keepAliveFetch };
}
