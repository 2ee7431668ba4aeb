import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Askwell's version from its package.json, found upward from this file (source or dist/). */
export function packageVersion(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "askwell" && pkg.version) return pkg.version;
  }
  return "unknown";
}
