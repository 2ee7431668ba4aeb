import type { SlackConfig } from "../../src/config/slack";
import { drainingFetch } from "./draining-fetch";

/** SLACK_API_URL redirects every Web API call (tests point it at a local fake); see draining-fetch.ts for `fetch`. */
export function webClientOptions(config: SlackConfig): { slackApiUrl?: string; fetch: typeof drainingFetch } {
  return { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), fetch: drainingFetch };
}
