import { z } from "zod";
import { ConfigError, envBoolean, parseSection, type Env } from "./env";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** botbuilder's usual variable names, plus Askwell's switch (the app package's settings: ./teams-package.ts). */
const schema = z.object({
  TEAMS_ENABLED: envBoolean.optional(),
  MicrosoftAppId: z.string().regex(GUID, "must be a GUID").optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"], { message: "must be MultiTenant, SingleTenant or UserAssignedMSI" }).default("MultiTenant"),
  MicrosoftAppTenantId: z.string().regex(GUID, "must be a GUID").optional(),
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number({ message: "must be a number" }).int().min(0).max(65535).default(3000),
});

const hints = {
  TEAMS_ENABLED: "true to run the Teams bot",
  PORT: "a port number such as 3000 (shared with Slack's HTTP mode)",
  MicrosoftAppId: "the bot's Azure app registration id, e.g. 00000000-0000-0000-0000-000000000000; leave empty for local Emulator use",
  MicrosoftAppPassword: "the client secret of that app registration",
  MicrosoftAppType: "MultiTenant (default), SingleTenant or UserAssignedMSI",
  MicrosoftAppTenantId: "the Azure tenant id (a GUID), required for SingleTenant",
} as const;

export interface TeamsCredentials {
  appId: string;
  appPassword: string;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  tenantId: string;
}

/** `credentials: null` runs unauthenticated, the Bot Framework Emulator's way (never in production). */
export type TeamsConfig =
  | { enabled: false; appId: string | null }
  | { enabled: true; credentials: TeamsCredentials | null; appId: string | null; port: number };

export function parseTeamsConfig(env: Env): TeamsConfig {
  const v = parseSection(schema, env, hints);
  const appId = v.MicrosoftAppId ?? null;
  const enabled = v.TEAMS_ENABLED ?? appId !== null;
  if (!enabled) return { enabled: false, appId };

  if (appId === null) {
    if (v.NODE_ENV === "production") {
      throw new ConfigError([
        "MicrosoftAppId: is empty while TEAMS_ENABLED=true and NODE_ENV=production; an unauthenticated Teams bot is for local Emulator use only (set MicrosoftAppId and MicrosoftAppPassword, or unset TEAMS_ENABLED)",
      ]);
    }
    return { enabled: true, credentials: null, appId, port: v.PORT };
  }
  const problems: string[] = [];
  if (v.MicrosoftAppType !== "UserAssignedMSI" && !v.MicrosoftAppPassword) problems.push(`MicrosoftAppPassword: is required with MicrosoftAppId (expected ${hints.MicrosoftAppPassword})`);
  if (v.MicrosoftAppType === "SingleTenant" && !v.MicrosoftAppTenantId) problems.push(`MicrosoftAppTenantId: is required when MicrosoftAppType=SingleTenant (expected ${hints.MicrosoftAppTenantId})`);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    enabled: true,
    credentials: { appId, appPassword: v.MicrosoftAppPassword ?? "", appType: v.MicrosoftAppType, tenantId: v.MicrosoftAppTenantId ?? "" },
    appId,
    port: v.PORT,
  };
}
