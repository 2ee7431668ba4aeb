import type { Installation } from "@slack/bolt";
import { createInstallationStore } from "../adapters/slack/installation-store";
import { parseStorageConfig } from "../src/config/storage";
import { openKyselyStore } from "../src/storage";
import { secretBox } from "../src/storage/secret-box";
import { slashCommand, startSlackHarness, TEAM, type SlackHarness } from "./slack-harness";

describe("multi-workspace OAuth", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ oauth: true });
  });
  afterAll(async () => {
    await h.close();
  });

  test("/slack/install → Slack → /slack/oauth_redirect stores the installation; its workspace is then served", async () => {
    // Before install the workspace is unknown: nothing runs, and the user is told why.
    const before = slashCommand(h, "list");
    expect((await before.send()).status).toBe(200);
    expect((await h.fake.waitForResponse(before.responseId)).body.text).toContain("isn't installed in this workspace");

    const install = await fetch(`${h.url}/slack/install`, { redirect: "manual" });
    expect(install.status).toBe(302);
    const location = new URL(install.headers.get("location")!);
    expect(location.host).toBe("slack.com");
    expect(location.searchParams.get("client_id")).toBe("1111.2222");
    expect(location.searchParams.get("scope")).toContain("commands");
    const state = location.searchParams.get("state")!;
    const cookie = install.headers.get("set-cookie")!.split(";")[0]!;

    const forged = await fetch(`${h.url}/slack/oauth_redirect?code=abc&state=forged`, { headers: { cookie }, redirect: "manual" });
    expect(forged.status).toBeGreaterThanOrEqual(400);

    const redirect = await fetch(`${h.url}/slack/oauth_redirect?code=abc&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: "manual" });
    expect(redirect.status).toBe(200);
    expect(h.fake.callsTo("oauth.v2.access")).toHaveLength(1);

    const after = slashCommand(h, "list");
    expect((await after.send()).status).toBe(200);
    await h.fake.waitForResponse(after.responseId);
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;
const stores: Array<[string, () => Promise<{ db: Parameters<typeof createInstallationStore>[0]; close(): Promise<void> }>]> = [
  ["SQLite", async () => openKyselyStore({ dialect: "sqlite", file: ":memory:" })],
];
if (pgUrl) stores.push(["PostgreSQL", async () => openKyselyStore(parseStorageConfig({ DATABASE_URL: pgUrl }).database, { pgSchema: `slack_inst_${process.pid}_${Date.now()}` })]);
else test.todo("installation store on PostgreSQL: set TEST_DATABASE_URL to run it");

describe.each(stores)("installation store on %s", (_name, open) => {
  test("stores, replaces, fetches and deletes per workspace", async () => {
    const store = await open();
    try {
      const installations = createInstallationStore(store.db, secretBox("test-secret-key-0123456789abcdef0123456789"));
      const installation = (token: string): Installation => ({ team: { id: TEAM, name: "Fake" }, enterprise: undefined, user: { id: "U1", token: undefined, scopes: undefined }, bot: { id: "B1", userId: "UBOT", token, scopes: ["commands"] }, isEnterpriseInstall: false }) as Installation;
      await installations.storeInstallation(installation("xoxb-one"));
      await installations.storeInstallation(installation("xoxb-two"));
      const fetched = await installations.fetchInstallation({ teamId: TEAM, enterpriseId: undefined, isEnterpriseInstall: false });
      expect(fetched.bot?.token).toBe("xoxb-two");
      await expect(installations.fetchInstallation({ teamId: "T-other", enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow("no Slack installation");
      await installations.deleteInstallation!({ teamId: TEAM, enterpriseId: undefined, isEnterpriseInstall: false });
      await expect(installations.fetchInstallation({ teamId: TEAM, enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow();
    } finally {
      await store.close();
    }
  });
});
