import { ConfigError } from "../src/config/env";
import { isSlackConfigured, parseSlackConfig } from "../src/config/slack";

const SECRET = "0123456789abcdef0123456789abcdef";

describe("Slack config", () => {
  test("is off without Slack variables (npm start falls back)", () => {
    expect(isSlackConfigured({ SLACK_SIGNING_SECRET: SECRET })).toBe(false);
    expect(isSlackConfigured({ SLACK_BOT_TOKEN: "  " })).toBe(false);
    expect(isSlackConfigured({ SLACK_BOT_TOKEN: "xoxb-1" })).toBe(true);
  });

  test("one workspace over HTTP", () => {
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: "http://127.0.0.1:9/api", PORT: "8080" })).toEqual({
      mode: "http",
      auth: { type: "single", botToken: "xoxb-1" },
      appToken: null,
      signingSecret: SECRET,
      apiUrl: "http://127.0.0.1:9/api/",
      port: 8080,
    });
  });

  test("Socket Mode needs no signing secret", () => {
    const config = parseSlackConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" });
    expect(config.mode).toBe("socket");
    expect(config.port).toBe(3000);
  });

  test("multi-workspace OAuth", () => {
    const secretKey = "k".repeat(32);
    const config = parseSlackConfig({ SLACK_CLIENT_ID: "123.456", SLACK_CLIENT_SECRET: "secretsecret", SLACK_STATE_SECRET: "a-long-state-secret", SLACK_SIGNING_SECRET: SECRET, ASKWELL_SECRET_KEY: secretKey });
    expect(config.auth).toEqual({ type: "oauth", clientId: "123.456", clientSecret: "secretsecret", stateSecret: "a-long-state-secret", secretKey });
  });

  test.each([
    [{ SLACK_BOT_TOKEN: "xoxp-1", SLACK_SIGNING_SECRET: SECRET }, "SLACK_BOT_TOKEN: must start with xoxb-"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET: is required in HTTP mode"],
    [{ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "not hex!" }, "SLACK_SIGNING_SECRET: must be the app's hex signing secret"],
    [{ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: SECRET, PORT: "http" }, "PORT: must be a number"],
    [{ SLACK_CLIENT_ID: "123.456", SLACK_SIGNING_SECRET: SECRET }, "SLACK_CLIENT_SECRET: is required for multi-workspace OAuth"],
    [{ SLACK_APP_TOKEN: "xapp-1" }, "SLACK_BOT_TOKEN: is required"],
  ])("%j stops start-up naming the variable", (env, expected) => {
    expect(() => parseSlackConfig(env)).toThrow(ConfigError);
    expect(() => parseSlackConfig(env)).toThrow(expected);
  });
});
