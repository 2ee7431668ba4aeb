/** With an app id configured, /api/messages only accepts requests signed by the Bot Framework. */
import { ANA, channelMention, personalMessage, startTeamsBotUnderTest, type TeamsBotUnderTest } from "./teams-harness";

const credentials = { appId: "11111111-2222-4333-8444-555555555555", appPassword: "not-a-real-secret", appType: "MultiTenant" as const, tenantId: "" };

describe("authenticated Teams bot", () => {
  let t: TeamsBotUnderTest;
  // botbuilder's CloudAdapter prints every refused request with console.error (a stack trace); kept
  // out of the test output, and checked below so a change in that behaviour shows.
  let consoleError: jest.SpyInstance;
  beforeAll(async () => {
    consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    t = await startTeamsBotUnderTest({ credentials });
  });
  afterAll(async () => {
    await t.close();
    consoleError.mockRestore();
  });
  afterEach(() => {
    for (const [logged] of consoleError.mock.calls) expect(String(logged)).toMatch(/^(AuthenticationError|Error): Unauthorized/);
    consoleError.mockClear();
  });

  test("a request without a token is refused with 401 and nothing is sent", async () => {
    const response = await t.post(channelMention(t.connector, ANA, "help"));
    expect(response.status).toBe(401);
    expect(t.connector.attempts).toEqual([]);
  });

  test("a request with a forged token is refused with 401", async () => {
    // Unsigned (alg "none") and claiming our app id. (A token naming a real Bot Framework issuer makes
    // botbuilder fetch signing keys from the internet, which this offline test cannot reach.)
    const forged = [Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url"), Buffer.from(JSON.stringify({ aud: credentials.appId, serviceurl: t.connector.url })).toString("base64url"), ""].join(".");
    for (const authorization of [`Bearer ${forged}`, "Bearer not-a-jwt", "Basic dXNlcjpwYXNz"]) {
      const response = await t.post(personalMessage(t.connector, ANA, "help"), { authorization });
      expect(response.status).toBe(401);
    }
    expect(t.connector.attempts).toEqual([]);
  });
});

describe("unauthenticated Teams bot (the Emulator flow)", () => {
  let t: TeamsBotUnderTest;
  beforeAll(async () => {
    t = await startTeamsBotUnderTest({ credentials: null });
  });
  afterAll(async () => {
    await t.close();
  });

  test("accepts a request without a token and answers without one", async () => {
    const message = personalMessage(t.connector, ANA, "help");
    expect((await t.post(message)).status).toBe(200);
    const reply = await t.connector.waitFor((a) => a.activityId === message.id);
    expect(reply.authorization).toBeUndefined();
  });
});

describe("authenticated Teams bot when the Bot Framework's signing keys cannot be fetched", () => {
  let t: TeamsBotUnderTest;
  beforeAll(async () => {
    t = await startTeamsBotUnderTest({ credentials });
  });
  afterAll(async () => {
    await t.close();
  });

  test("a token from the real issuer (whose keys are unreachable offline) gets 503 and a fixed text, no internal error", async () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const token = [b64({ alg: "RS256", typ: "JWT", kid: "k1" }), b64({ iss: "https://api.botframework.com", aud: credentials.appId, serviceurl: t.connector.url, nbf: now - 10, exp: now + 600 }), "c2ln"].join(".");
    const response = await t.post(personalMessage(t.connector, ANA, "help"), { authorization: `Bearer ${token}` });
    expect(response.status).toBe(503);
    expect(JSON.stringify(response.body)).not.toMatch(/openidconfiguration|getaddrinfo|ENOTFOUND|botframework\.com/);
    expect(t.connector.attempts).toEqual([]);
  });
});
