/**
 * `npm run teams:package`: writes the Teams app package (manifest.json + the two icons, zipped) from
 * public settings only (environment, then .env): the bot's app id, names and website. No secret.
 */
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { config as loadDotenv } from "dotenv";
import JSZip from "jszip";
import type { Env } from "../../src/config/env";
import { parseTeamsPackageConfig } from "../../src/config/teams-package";
import { teamsManifest } from "./manifest";

export async function buildTeamsPackage(env: Env, options: { iconsDir: string; output: string }): Promise<{ output: string; manifest: Record<string, unknown> }> {
  const manifest = teamsManifest(parseTeamsPackageConfig(env));
  const zip = new JSZip();
  zip.file("manifest.json", JSON.stringify(manifest, null, 2));
  zip.file("color.png", readFileSync(join(options.iconsDir, "color.png")));
  zip.file("outline.png", readFileSync(join(options.iconsDir, "outline.png")));
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  mkdirSync(dirname(options.output), { recursive: true });
  writeFileSync(options.output, bytes);
  return { output: options.output, manifest };
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const root = resolve(__dirname, "..", "..", "..");
  const output = resolve(process.argv[2] ?? join(root, "dist", "askwell-teams.zip"));
  try {
    const built = await buildTeamsPackage(process.env, { iconsDir: join(root, "teams"), output });
    process.stdout.write(`Teams app package written to ${built.output}\nUpload it in Teams: Apps → Manage your apps → Upload an app.\n`);
  } catch (error) {
    process.stderr.write(`teams:package: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
