import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import JSZip from "jszip";
import { MANIFEST_VERSION } from "../adapters/teams/manifest";
import { buildTeamsPackage } from "../adapters/teams/package-app";

/** Microsoft's published manifest schema, as shipped in the @microsoft/app-manifest package (no network). */
const SCHEMA = join(__dirname, "..", "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams", `v${MANIFEST_VERSION}`, "MicrosoftTeams.schema.json");

function validateManifest(manifest: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strict: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
  return validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

const PUBLIC = { MicrosoftAppId: "11111111-2222-4333-8444-555555555555", TEAMS_WEBSITE_URL: "https://askwell.acme-corp.io" };

const APP_ID = "11111111-2222-4333-8444-555555555555";
const teamsDir = join(__dirname, "..", "teams");

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("Teams app package", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "askwell-teams-pkg-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("zips manifest.json and the two icons from public settings only (no app password needed)", async () => {
    const output = join(dir, "askwell-teams.zip");
    await buildTeamsPackage({ ...PUBLIC, TEAMS_APP_VERSION: "1.2.3" }, { iconsDir: teamsDir, output });

    const zip = await JSZip.loadAsync(readFileSync(output));
    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(await zip.file("manifest.json")!.async("string"));
    expect(manifest).toMatchObject({ manifestVersion: "1.19", id: APP_ID, version: "1.2.3", icons: { color: "color.png", outline: "outline.png" } });
    expect(manifest.developer).toMatchObject({ websiteUrl: "https://askwell.acme-corp.io", privacyUrl: "https://askwell.acme-corp.io/privacy", termsOfUseUrl: "https://askwell.acme-corp.io/terms" });
    expect(manifest.validDomains).toEqual(["askwell.acme-corp.io"]);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(["personal", "team", "groupChat"]);
    const commands = manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
    expect(commands).toEqual(expect.arrayContaining(["review-ask", "list", "help", "export", "forget", "policy"]));
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(validateManifest(manifest)).toEqual([]);

    expect(pngSize(await zip.file("color.png")!.async("nodebuffer"))).toEqual({ width: 192, height: 192 });
    expect(pngSize(await zip.file("outline.png")!.async("nodebuffer"))).toEqual({ width: 32, height: 32 });
  });

  test("the official schema catches what Teams would reject", () => {
    expect(validateManifest({ manifestVersion: "1.19", id: "not-a-guid" }).length).toBeGreaterThan(0);
  });

  test("refuses to package without MicrosoftAppId, naming the variable", async () => {
    await expect(buildTeamsPackage({ TEAMS_WEBSITE_URL: PUBLIC.TEAMS_WEBSITE_URL }, { iconsDir: teamsDir, output: join(dir, "never.zip") })).rejects.toThrow(/MicrosoftAppId: is required/);
  });

  test.each([undefined, "https://askwell.example.com", "http://askwell.acme-corp.io", "https://localhost:3000", "https://10.0.0.7", "https://askwell.test", "https://bot.example"])(
    "refuses to package without a real public website (%s), naming TEAMS_WEBSITE_URL",
    async (website) => {
      const env = website === undefined ? { MicrosoftAppId: APP_ID } : { MicrosoftAppId: APP_ID, TEAMS_WEBSITE_URL: website };
      await expect(buildTeamsPackage(env, { iconsDir: teamsDir, output: join(dir, "never.zip") })).rejects.toThrow(/TEAMS_WEBSITE_URL: /);
    },
  );

  test("npm run teams:package's script writes the zip and says where, or names the variable and exits 1", () => {
    const script = join(__dirname, "..", "dist", "adapters", "teams", "package-app.js");
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(Microsoft|TEAMS_)/.test(name)));
    const output = join(dir, "cli.zip");
    const ok = spawnSync(process.execPath, [script, output], { cwd: dir, env: { ...clean, ...PUBLIC }, encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(output);
    const refused = spawnSync(process.execPath, [script, join(dir, "never.zip")], { cwd: dir, env: { ...clean, MicrosoftAppId: APP_ID }, encoding: "utf8" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/TEAMS_WEBSITE_URL: /);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });
});
