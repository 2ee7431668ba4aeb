import { parseTeamsConfig } from "../src/config/teams";

const APP_ID = "11111111-2222-4333-8444-555555555555";

describe("Teams configuration", () => {
  test("off unless TEAMS_ENABLED or an app id is set", () => {
    expect(parseTeamsConfig({}).enabled).toBe(false);
    expect(parseTeamsConfig({ TEAMS_ENABLED: "false", MicrosoftAppId: APP_ID }).enabled).toBe(false);
  });

  test("TEAMS_ENABLED without an app id runs unauthenticated (the Emulator flow)", () => {
    expect(parseTeamsConfig({ TEAMS_ENABLED: "true" })).toMatchObject({ enabled: true, credentials: null });
  });

  test("refuses the unauthenticated mode in production, naming the variable", () => {
    expect(() => parseTeamsConfig({ TEAMS_ENABLED: "true", NODE_ENV: "production" })).toThrow(/MicrosoftAppId: .*NODE_ENV=production/);
  });

  test("an app id needs its password, and SingleTenant needs the tenant", () => {
    expect(() => parseTeamsConfig({ MicrosoftAppId: APP_ID })).toThrow(/MicrosoftAppPassword: is required/);
    expect(() => parseTeamsConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: "p", MicrosoftAppType: "SingleTenant" })).toThrow(/MicrosoftAppTenantId/);
    expect(parseTeamsConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: "p", NODE_ENV: "production" })).toMatchObject({
      enabled: true,
      credentials: { appId: APP_ID, appPassword: "p", appType: "MultiTenant", tenantId: "" },
    });
  });

  test("malformed values stop start-up with the variable and the fix", () => {
    expect(() => parseTeamsConfig({ MicrosoftAppId: "not-a-guid", MicrosoftAppPassword: "p" })).toThrow(/MicrosoftAppId: must be a GUID \(expected the bot's Azure app registration id/);
    expect(() => parseTeamsConfig({ TEAMS_ENABLED: "maybe" })).toThrow(/TEAMS_ENABLED: must be true or false/);
    expect(() => parseTeamsConfig({ TEAMS_ENABLED: "true", MicrosoftAppType: "Anything" })).toThrow(/MicrosoftAppType/);
  });
});
