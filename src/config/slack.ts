import { z } from "zod";
import { ConfigError, parseSection, type Env } from "./env";

/** Slack is configured when any of these is set; then the rest must be consistent. */
const SLACK_MARKERS = ["SLACK_BOT_TOKEN", "SLACK_CLIENT_ID", "SLACK_APP_TOKEN"] as const;

const schema = z.object({
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, "must start with xoxb-").optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, "must start with xapp-").optional(),
  SLACK_SIGNING_SECRET: z.string().regex(/^[0-9a-f]{16,}$/i, "must be the app's hex signing secret").optional(),
  SLACK_CLIENT_ID: z.string().regex(/^\d+\.\d+$/, "must look like 1234567890.1234567890").optional(),
  SLACK_CLIENT_SECRET: z.string().min(8, "is too short").optional(),
  SLACK_STATE_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  SLACK_API_URL: z.url({ message: "must be a URL" }).optional(),
  ASKWELL_SECRET_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  PORT: z.coerce.number({ message: "must be a number" }).int().min(0).max(65535).default(3000),
});

const hints = {
  SLACK_BOT_TOKEN: "xoxb-… from OAuth & Permissions",
  SLACK_APP_TOKEN: "xapp-… from Basic Information › App-Level Tokens (scope connections:write)",
  SLACK_SIGNING_SECRET: "the 32 hex characters from Basic Information › App Credentials",
  SLACK_CLIENT_ID: "1234567890.1234567890 from Basic Information › App Credentials",
  SLACK_CLIENT_SECRET: "the client secret from Basic Information › App Credentials",
  SLACK_STATE_SECRET: "any random string of 16+ characters, e.g. `openssl rand -hex 16`",
  SLACK_API_URL: "https://slack.com/api/ (only tests change it)",
  ASKWELL_SECRET_KEY: "a random secret of 32+ characters that encrypts stored bot tokens, e.g. `openssl rand -base64 32` (keep it: stored installations cannot be read without it)",
  PORT: "a port number such as 3000",
};

export type SlackAuth = { type: "single"; botToken: string } | { type: "oauth"; clientId: string; clientSecret: string; stateSecret: string; secretKey: string };

export interface SlackConfig {
  /** Socket Mode (SLACK_APP_TOKEN set, no public URL needed) or HTTP (`POST /slack/events`). */
  mode: "socket" | "http";
  auth: SlackAuth;
  appToken: string | null;
  /** Required in HTTP mode; Socket Mode does not sign requests. */
  signingSecret: string | null;
  /** Web API base URL ending in `/`, or null for Slack's own. */
  apiUrl: string | null;
  port: number;
}

export function isSlackConfigured(env: Env): boolean {
  return SLACK_MARKERS.some((name) => (env[name] ?? "").trim() !== "");
}

/** Reads the Slack section once at start-up; throws ConfigError naming each missing or malformed variable. */
export function parseSlackConfig(env: Env): SlackConfig {
  const raw = parseSection(schema, env, hints);
  const problems: string[] = [];
  const need = (name: keyof typeof hints, why: string) => problems.push(`${name}: is required ${why} (expected ${hints[name]})`);

  const oauth = raw.SLACK_CLIENT_ID !== undefined || raw.SLACK_CLIENT_SECRET !== undefined;
  if (oauth) {
    if (!raw.SLACK_CLIENT_ID) need("SLACK_CLIENT_ID", "for multi-workspace OAuth");
    if (!raw.SLACK_CLIENT_SECRET) need("SLACK_CLIENT_SECRET", "for multi-workspace OAuth");
    if (!raw.SLACK_STATE_SECRET) need("SLACK_STATE_SECRET", "for multi-workspace OAuth");
    if (!raw.ASKWELL_SECRET_KEY) need("ASKWELL_SECRET_KEY", "for multi-workspace OAuth (bot tokens are stored encrypted with it)");
    if (raw.SLACK_BOT_TOKEN) problems.push("SLACK_BOT_TOKEN: set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SLACK_CLIENT_SECRET (OAuth), not both");
    if (raw.SLACK_APP_TOKEN) problems.push("SLACK_APP_TOKEN: OAuth installs need HTTP mode (a public URL); unset SLACK_APP_TOKEN or use SLACK_BOT_TOKEN");
  } else if (!raw.SLACK_BOT_TOKEN) {
    need("SLACK_BOT_TOKEN", "(or SLACK_CLIENT_ID/SLACK_CLIENT_SECRET for OAuth)");
  }
  const mode = raw.SLACK_APP_TOKEN ? "socket" : "http";
  if (mode === "http" && !raw.SLACK_SIGNING_SECRET) need("SLACK_SIGNING_SECRET", "in HTTP mode (without SLACK_APP_TOKEN)");
  if (problems.length > 0) throw new ConfigError(problems);

  const apiUrl = raw.SLACK_API_URL ? (raw.SLACK_API_URL.endsWith("/") ? raw.SLACK_API_URL : `${raw.SLACK_API_URL}/`) : null;
  const auth: SlackAuth = oauth
    ? { type: "oauth", clientId: raw.SLACK_CLIENT_ID!, clientSecret: raw.SLACK_CLIENT_SECRET!, stateSecret: raw.SLACK_STATE_SECRET!, secretKey: raw.ASKWELL_SECRET_KEY! }
    : { type: "single", botToken: raw.SLACK_BOT_TOKEN! };
  return { mode, auth, appToken: raw.SLACK_APP_TOKEN ?? null, signingSecret: raw.SLACK_SIGNING_SECRET ?? null, apiUrl, port: raw.PORT };
}
