import { z } from "zod";
import { parseSection, type Env } from "./env";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Hosts that are placeholders or private, never an app's public website (RFC 2606 and RFC 6761 names). */
function isPublicDomain(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (!host.includes(".") || /^[\d.]+$/.test(host) || host.startsWith("[")) return false;
  if (/(^|\.)(example\.(com|net|org))$/.test(host)) return false;
  return !/\.(example|test|invalid|localhost|local|internal)$/.test(host);
}

/**
 * The Teams app package is built from public settings only: the bot's app id (it is in the manifest
 * anyway), the names, and the website whose /privacy and /terms pages Teams links to. No secret.
 */
const schema = z.object({
  MicrosoftAppId: z.string({ message: "is required to package the Teams app" }).regex(GUID, "must be a GUID"),
  TEAMS_APP_NAME: z.string().max(30, "must be at most 30 characters").default("Askwell"),
  TEAMS_APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, "must look like 1.0.0").default("1.0.0"),
  TEAMS_DEVELOPER_NAME: z.string().default("Askwell"),
  TEAMS_WEBSITE_URL: z
    .url({ protocol: /^https$/, message: "must be an https URL" })
    .refine((url) => isPublicDomain(new URL(url).hostname), { message: "must be your app's real public website, not a placeholder, local or private host" }),
});

const hints = {
  MicrosoftAppId: "the bot's Azure app registration id, a GUID; the manifest's botId must match it",
  TEAMS_APP_NAME: "the short name shown in Teams",
  TEAMS_APP_VERSION: "the app package version, e.g. 1.0.0",
  TEAMS_WEBSITE_URL: "https://your-domain, whose /privacy and /terms pages exist; its host becomes the manifest's valid domain",
} as const;

export interface TeamsPackageConfig {
  appId: string;
  name: string;
  version: string;
  developerName: string;
  websiteUrl: string;
}

export function parseTeamsPackageConfig(env: Env): TeamsPackageConfig {
  const v = parseSection(schema, env, hints);
  return { appId: v.MicrosoftAppId, name: v.TEAMS_APP_NAME, version: v.TEAMS_APP_VERSION, developerName: v.TEAMS_DEVELOPER_NAME, websiteUrl: v.TEAMS_WEBSITE_URL };
}
