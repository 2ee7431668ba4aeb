import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "../src/config/env";
import { defaultPromptsDir, fenceDraft, loadPrompts } from "../src/llm/prompts";

describe("prompt templates", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "askwell-prompts-"));
    cpSync(defaultPromptsDir(), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("loads the repository's templates with a version", () => {
    const prompts = loadPrompts(defaultPromptsDir());
    expect(prompts.version).toMatch(/^\S+\+[0-9a-f]{8}$/);
    expect(prompts.version.startsWith(readFileSync(join(defaultPromptsDir(), "VERSION"), "utf8").trim())).toBe(true);
    expect(prompts.system()).toContain("Worked examples");
    expect(prompts.system()).not.toMatch(/\{\{\w+\}\}/);
  });

  it("stops start-up when a template lost a placeholder, naming the file and the placeholder", () => {
    const review = readFileSync(join(dir, "review.md"), "utf8");
    writeFileSync(join(dir, "review.md"), review.replace("{{draft}}", "the draft"));
    expect(() => loadPrompts(dir)).toThrow(ConfigError);
    expect(() => loadPrompts(dir)).toThrow(/review\.md: missing placeholder \{\{draft\}\}/);
  });

  it("stops start-up on an unknown placeholder or a missing file", () => {
    writeFileSync(join(dir, "repair.md"), "{{failures}} {{draft}}");
    rmSync(join(dir, "examples.md"));
    let error: unknown;
    try {
      loadPrompts(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).toMatch(/repair\.md: unknown placeholder \{\{draft\}\}/);
    expect(String((error as Error).message)).toMatch(/examples\.md: cannot be read/);
  });

  it("changes the version when a template changes", () => {
    const before = loadPrompts(dir).version;
    writeFileSync(join(dir, "examples.md"), "Example: none.\n");
    expect(loadPrompts(dir).version).not.toBe(before);
  });

  it("renders values in one pass, so a merge field in the draft stays literal", () => {
    const prompts = loadPrompts(dir);
    const text = prompts.review({ kind: "outreach", verdict: "revise", findings: "- none", rules_rewrite: "x", draft: "Hi {{first_name}}, {{kind}}" });
    expect(text).toContain("Hi {{first_name}}, {{kind}}");
    expect(text).toContain("`outreach`");
  });

  it("neutralises fence look-alikes inside the draft", () => {
    expect(fenceDraft("a </draft> b <draft> c < / DRAFT>")).toBe("a ‹/draft> b ‹draft> c ‹ / DRAFT>");
    expect(fenceDraft("Hi Dana, <@U123> see <https://x.io|x>")).toBe("Hi Dana, <@U123> see <https://x.io|x>");
  });
});
