import { z } from "zod";
import { ConfigError, envBoolean, parseSection, type Env } from "./env";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** botbuilder's usual variable names, plus Askwell's switch and the app package's public details. */
const schema = z.object({
  TEAMS_ENABLED: envBoolean.optional(),
  MicrosoftAppId: z.string().regex(GUID, "must be a GUID").optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"], { message: "must be MultiTenant, SingleTenant or UserAssignedMSI" }).default("MultiTenant"),
  MicrosoftAppTenantId: z.string().regex(GUID, "must be a GUID").optional(),
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number({ message: "must be a number" }).int().min(0).max(65535).default(3000),
  TEAMS_APP_NAME: z.string().max(30, "must be at most 30 characters").default("Askwell"),
  TEAMS_APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, "must look like 1.0.0").default("1.0.0"),
  TEAMS_DEVELOPER_NAME: z.string().default("Askwell"),
  TEAMS_WEBSITE_URL: z.url({ protocol: /^https$/, message: "must be an https URL" }).default("https://askwell.example.com"),
});

const hints = {
  TEAMS_ENABLED: "true to run the Teams bot",
  PORT: "a port number such as 3000 (shared with Slack's HTTP mode)",
  MicrosoftAppId: "the bot's Azure app registration id, e.g. 00000000-0000-0000-0000-000000000000; leave empty for local Emulator use",
  MicrosoftAppPassword: "the client secret of that app registration",
  MicrosoftAppType: "MultiTenant (default), SingleTenant or UserAssignedMSI",
  MicrosoftAppTenantId: "the Azure tenant id (a GUID), required for SingleTenant",
  TEAMS_APP_NAME: "the short name shown in Teams",
  TEAMS_APP_VERSION: "the app package version, e.g. 1.0.0",
  TEAMS_WEBSITE_URL: "an https URL for the app's website, privacy and terms links",
} as const;

export interface TeamsCredentials {
  appId: string;
  appPassword: string;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  tenantId: string;
}

export interface TeamsAppDetails {
  name: string;
  version: string;
  developerName: string;
  websiteUrl: string;
}

/** `credentials: null` runs unauthenticated, the Bot Framework Emulator's way (never in production). */
export type TeamsConfig =
  | { enabled: false; app: TeamsAppDetails; appId: string | null }
  | { enabled: true; credentials: TeamsCredentials | null; app: TeamsAppDetails; appId: string | null; port: number };

export function parseTeamsConfig(env: Env): TeamsConfig {
  const v = parseSection(schema, env, hints);
  const app: TeamsAppDetails = { name: v.TEAMS_APP_NAME, version: v.TEAMS_APP_VERSION, developerName: v.TEAMS_DEVELOPER_NAME, websiteUrl: v.TEAMS_WEBSITE_URL };
  const appId = v.MicrosoftAppId ?? null;
  const enabled = v.TEAMS_ENABLED ?? appId !== null;
  if (!enabled) return { enabled: false, app, appId };

  if (appId === null) {
    if (v.NODE_ENV === "production") {
      throw new ConfigError([
        "MicrosoftAppId: is empty while TEAMS_ENABLED=true and NODE_ENV=production; an unauthenticated Teams bot is for local Emulator use only (set MicrosoftAppId and MicrosoftAppPassword, or unset TEAMS_ENABLED)",
      ]);
    }
    return { enabled: true, credentials: null, app, appId, port: v.PORT };
  }
  const problems: string[] = [];
  if (v.MicrosoftAppType !== "UserAssignedMSI" && !v.MicrosoftAppPassword) problems.push(`MicrosoftAppPassword: is required with MicrosoftAppId (expected ${hints.MicrosoftAppPassword})`);
  if (v.MicrosoftAppType === "SingleTenant" && !v.MicrosoftAppTenantId) problems.push(`MicrosoftAppTenantId: is required when MicrosoftAppType=SingleTenant (expected ${hints.MicrosoftAppTenantId})`);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    enabled: true,
    credentials: { appId, appPassword: v.MicrosoftAppPassword ?? "", appType: v.MicrosoftAppType, tenantId: v.MicrosoftAppTenantId ?? "" },
    app,
    appId,
    port: v.PORT,
  };
}
