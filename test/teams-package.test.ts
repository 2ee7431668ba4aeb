import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { buildTeamsPackage } from "../adapters/teams/package-app";

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

  test("zips manifest.json and the two icons, from the bot's configuration", async () => {
    const output = join(dir, "askwell-teams.zip");
    await buildTeamsPackage({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: "secret", TEAMS_APP_VERSION: "1.2.3" }, { iconsDir: teamsDir, output });

    const zip = await JSZip.loadAsync(readFileSync(output));
    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(await zip.file("manifest.json")!.async("string"));
    expect(manifest).toMatchObject({ manifestVersion: "1.17", id: APP_ID, version: "1.2.3", icons: { color: "color.png", outline: "outline.png" } });
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(["personal", "team", "groupChat"]);
    const commands = manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
    expect(commands).toEqual(expect.arrayContaining(["review-ask", "list", "help"]));
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    // Secrets never go into the package.
    expect(JSON.stringify(manifest)).not.toContain("secret");

    expect(pngSize(await zip.file("color.png")!.async("nodebuffer"))).toEqual({ width: 192, height: 192 });
    expect(pngSize(await zip.file("outline.png")!.async("nodebuffer"))).toEqual({ width: 32, height: 32 });
  });

  test("refuses to package without MicrosoftAppId, naming the variable", async () => {
    await expect(buildTeamsPackage({ TEAMS_ENABLED: "true" }, { iconsDir: teamsDir, output: join(dir, "never.zip") })).rejects.toThrow(/MicrosoftAppId: is required/);
  });
});
