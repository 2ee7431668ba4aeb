/**
 * The production files (Dockerfile, compose.yaml) linted with registry tools — dockerfile-utils and
 * dclint, both dev dependencies — and checked for what docs/deploy.md promises. No Docker engine
 * is needed (none runs here), so the image itself is not built by the tests.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

test("the Dockerfile lints clean and is multi-stage, non-root, with a health check on /healthz", () => {
  const lint = spawnSync(bin("dockerfile-utils"), ["lint", "Dockerfile"], { cwd: ROOT, encoding: "utf8" });
  expect(lint.status).toBe(0);
  expect(lint.stdout.trim()).toBe("");
  const dockerfile = read("Dockerfile");
  expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
  expect(dockerfile).toMatch(/^USER node$/m);
  expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/healthz/m);
  expect(dockerfile).toMatch(/npm prune --omit=dev/);
});

test("compose.yaml lints clean: two replicas on PostgreSQL behind a load balancer", () => {
  const lint = spawnSync(bin("dclint"), ["compose.yaml"], { cwd: ROOT, encoding: "utf8" });
  expect({ status: lint.status, output: lint.stdout + lint.stderr }).toEqual({ status: 0, output: expect.not.stringMatching(/error|warning/) });
  const compose = read("compose.yaml");
  expect(compose).toMatch(/replicas: 2/);
  expect(compose).toMatch(/image: postgres:/);
  expect(compose).toMatch(/DATABASE_URL: postgres:\/\/askwell:\$\{POSTGRES_PASSWORD\}@db:5432\/askwell/);
  expect(compose).toMatch(/pg_isready/);
  expect(read("deploy/nginx.conf")).toMatch(/proxy_pass \$askwell;/);
});
