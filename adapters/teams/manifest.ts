import type { TeamsPackageConfig } from "../../src/config/teams-package";

/** The Teams app manifest schema this package declares (validated in test/teams-package.test.ts). */
export const MANIFEST_VERSION = "1.19";

/** The typed commands the bot understands; the manifest lists them so Teams suggests them. */
export const BOT_COMMANDS = [
  { title: "review-ask", description: "Review a draft ask before you send it: review-ask <your draft>" },
  { title: "list", description: "Your open asks, with follow-up reminders" },
  { title: "help", description: "What Askwell does and how to use it" },
  { title: "export", description: "Everything Askwell stores about you" },
  { title: "forget", description: "Delete everything Askwell stores about you" },
  { title: "policy", description: "Your team's house rules (admins can edit them)" },
  { title: "insights", description: "What the team learns this month (admins): insights [YYYY-MM]" },
] as const;

const SCOPES = ["personal", "team", "groupChat"] as const;

/** The Teams app manifest for the bot with this app id. */
export function teamsManifest(app: TeamsPackageConfig): Record<string, unknown> {
  const appId = app.appId;
  return {
    $schema: `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: app.version,
    id: appId,
    developer: {
      name: app.developerName,
      websiteUrl: app.websiteUrl,
      privacyUrl: new URL("/privacy", app.websiteUrl).toString(),
      termsOfUseUrl: new URL("/terms", app.websiteUrl).toString(),
    },
    name: { short: app.name, full: `${app.name}: coaching for networking asks` },
    description: {
      short: "Reviews your intro requests and other networking asks before you send them.",
      full: "Mention Askwell with a draft (or message it 1:1) to get a review of a networking ask: what to change and why, a checklist and a suggested rewrite. Track the asks you send and get a gentle reminder when a follow-up is due.",
    },
    icons: { color: "color.png", outline: "outline.png" },
    accentColor: "#4F6BED",
    bots: [
      {
        botId: appId,
        scopes: [...SCOPES],
        isNotificationOnly: false,
        supportsFiles: false,
        commandLists: [{ scopes: [...SCOPES], commands: BOT_COMMANDS.map((c) => ({ ...c })) }],
      },
    ],
    permissions: ["identity", "messageTeamMembers"],
    validDomains: [new URL(app.websiteUrl).hostname],
  };
}
