/**
 * Stored Slack installations: bot tokens encrypted at rest with ASKWELL_SECRET_KEY (OAuth refuses to
 * start without it), rows from before encryption still readable and sealed at start-up, and an
 * uninstall or a revoked token deleting the workspace's installation.
 */
import type { Installation } from "@slack/bolt";
import { sql } from "kysely";
import { createInstallationStore, sealPlainInstallations } from "../adapters/slack/installation-store";
import { ConfigError } from "../src/config/env";
import { parseSlackConfig } from "../src/config/slack";
import { KyselyAskStore } from "../src/storage/kysely-ask-store";
import { secretBox } from "../src/storage/secret-box";
import { OAUTH_ENV, postSigned, startSlackHarness, TEAM, nextId, type SlackHarness } from "./slack-harness";

const installation = (teamId: string, token: string): Installation =>
  ({ team: { id: teamId, name: "Fake" }, enterprise: undefined, user: { id: "U1", token: undefined, scopes: undefined }, bot: { id: "B1", userId: "UBOT", token, scopes: ["commands"] }, isEnterpriseInstall: false }) as Installation;
const byTeam = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });

test("OAuth mode refuses to start without ASKWELL_SECRET_KEY, naming it", () => {
  const { ASKWELL_SECRET_KEY: _unused, ...withoutKey } = OAUTH_ENV;
  const env = { ...withoutKey, SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef" };
  expect(() => parseSlackConfig(env)).toThrow(ConfigError);
  expect(() => parseSlackConfig(env)).toThrow(/ASKWELL_SECRET_KEY: is required/);
  expect(() => parseSlackConfig({ ...env, ASKWELL_SECRET_KEY: "short" })).toThrow(/ASKWELL_SECRET_KEY: must be at least 32 characters/);
});

describe("installations over OAuth", () => {
  let h: SlackHarness;
  let db: KyselyAskStore["db"];
  beforeAll(async () => {
    h = await startSlackHarness({ oauth: true });
    db = (h.store as KyselyAskStore).db;
  });
  afterAll(async () => {
    await h.close();
  });
  const rawRows = async () => (await sql<{ id: string; installation: string }>`select id, installation from slack_installations order by id`.execute(db)).rows;
  const box = secretBox(OAUTH_ENV.ASKWELL_SECRET_KEY);

  test("bot tokens are stored encrypted and read back; a row moved to another workspace does not open", async () => {
    const store = createInstallationStore(db, box);
    await store.storeInstallation(installation("T-ENC", "xoxb-secret-token-1"));
    const row = (await rawRows()).find((r) => r.id === "T:T-ENC")!;
    expect(row.installation).not.toContain("xoxb-secret-token-1");
    expect(row.installation).toMatch(/^enc:v1:/);
    expect((await store.fetchInstallation(byTeam("T-ENC"))).bot?.token).toBe("xoxb-secret-token-1");
    await sql`insert into slack_installations (id, team_id, enterprise_id, installation, updated_at) values ('T:T-MOVED', 'T-MOVED', null, ${row.installation}, 0)`.execute(db);
    await expect(store.fetchInstallation(byTeam("T-MOVED"))).rejects.toThrow();
    await expect(createInstallationStore(db, secretBox("another-secret-key-0123456789abcdef")).fetchInstallation(byTeam("T-ENC"))).rejects.toThrow();
  });

  test("a plain row from before encryption is still read, then sealed at start-up", async () => {
    await sql`insert into slack_installations (id, team_id, enterprise_id, installation, updated_at) values ('T:T-OLD', 'T-OLD', null, ${JSON.stringify(installation("T-OLD", "xoxb-old-token"))}, 0)`.execute(db);
    const store = createInstallationStore(db, box);
    expect((await store.fetchInstallation(byTeam("T-OLD"))).bot?.token).toBe("xoxb-old-token");
    expect(await sealPlainInstallations(db, box)).toBeGreaterThanOrEqual(1);
    expect((await rawRows()).every((r) => r.installation.startsWith("enc:v1:"))).toBe(true);
    expect((await store.fetchInstallation(byTeam("T-OLD"))).bot?.token).toBe("xoxb-old-token");
  });

  const signedEvent = (teamId: string, event: Record<string, unknown>) => {
    const body = JSON.stringify({ token: "legacy", team_id: teamId, api_app_id: "A1", type: "event_callback", event_id: nextId("Ev"), event_time: 1700000000, event });
    return postSigned(h.url, body, "application/json");
  };
  const waitUntilGone = async (id: string) => {
    for (let i = 0; i < 100 && (await rawRows()).some((r) => r.id === id); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    return (await rawRows()).some((r) => r.id === id);
  };

  test("app_uninstalled deletes the workspace's installation and token", async () => {
    const store = createInstallationStore(db, box);
    await store.storeInstallation(installation(TEAM, "xoxb-to-forget"));
    expect((await signedEvent(TEAM, { type: "app_uninstalled", event_ts: "1700000000.1" })).status).toBe(200);
    expect(await waitUntilGone(`T:${TEAM}`)).toBe(false);
  });

  test("tokens_revoked for the bot deletes the installation too", async () => {
    const store = createInstallationStore(db, box);
    await store.storeInstallation(installation("T-REVOKE", "xoxb-revoked"));
    expect((await signedEvent("T-REVOKE", { type: "tokens_revoked", tokens: { bot: ["UBOT"] }, event_ts: "1700000000.2" })).status).toBe(200);
    expect(await waitUntilGone("T:T-REVOKE")).toBe(false);
  });
});
