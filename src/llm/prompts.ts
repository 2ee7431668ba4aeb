import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError } from "../config/env";
import { buildContract } from "./contract";
import type { ChatMessage } from "./model-client";

/** Each template file and the placeholders it must contain (and may contain: no others). */
const TEMPLATES = {
  system: { file: "system.md", placeholders: ["contract", "examples"] },
  review: { file: "review.md", placeholders: ["draft"] },
  repair: { file: "repair.md", placeholders: ["failures"] },
} as const;

type TemplateName = keyof typeof TEMPLATES;
type PlaceholderOf<T extends TemplateName> = (typeof TEMPLATES)[T]["placeholders"][number];

export interface PromptSet {
  /** The VERSION file plus a hash of every template, so an edit without a version bump still shows. */
  version: string;
  system(): string;
  review(values: Record<PlaceholderOf<"review">, string>): string;
  repair(values: Record<PlaceholderOf<"repair">, string>): string;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Single pass over the template, so a value that itself contains `{{…}}` (a merge field in a draft) stays as it is. */
function render(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => values[name] ?? "");
}

/** The spec (a verbatim copy of the contract); the prompt's contract section is built from it and the engine's rule table. */
export const SPEC_FILE = "coaching-rules.md";

/** The repository's `prompts/`, found from this file whether it runs from `src/` (ts-jest) or `dist/src/`. */
export function defaultPromptsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "prompts");
    if (existsSync(join(candidate, "VERSION"))) return candidate;
    dir = resolve(dir, "..");
  }
  return join(process.cwd(), "prompts");
}

/**
 * Loads and checks the templates once, at start-up. A missing file, a missing placeholder or an
 * unknown one stops start-up with a ConfigError naming the file and the fix.
 */
export function loadPrompts(dir: string = defaultPromptsDir()): PromptSet {
  const problems: string[] = [];
  const read = (file: string): string => {
    try {
      return readFileSync(join(dir, file), "utf8");
    } catch {
      problems.push(`${join(dir, file)}: cannot be read (set PROMPTS_DIR to the folder holding Askwell's prompt templates)`);
      return "";
    }
  };
  const versionFile = read("VERSION").trim();
  const examples = read("examples.md");
  const spec = read(SPEC_FILE);
  const contract = spec ? buildContract(spec) : { text: "", problems: [] };
  for (const problem of contract.problems) problems.push(`${SPEC_FILE}: ${problem} (keep it a copy of the spec that matches the engine's rule table)`);
  const texts = {} as Record<TemplateName, string>;
  for (const name of Object.keys(TEMPLATES) as TemplateName[]) {
    const { file, placeholders } = TEMPLATES[name];
    const text = read(file);
    texts[name] = text;
    if (!text) continue;
    const found = new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]));
    for (const p of placeholders) if (!found.has(p)) problems.push(`${file}: missing placeholder {{${p}}} (add it where that value belongs)`);
    for (const p of found) if (!(placeholders as readonly string[]).includes(p!)) problems.push(`${file}: unknown placeholder {{${p}}} (allowed: ${placeholders.map((x) => `{{${x}}}`).join(", ")})`);
  }
  if (!problems.length && !versionFile) problems.push(`${join(dir, "VERSION")}: is empty (write a version such as 2026-11-22.1)`);
  if (problems.length) throw new ConfigError(problems);

  const hash = createHash("sha256");
  for (const text of [versionFile, examples, spec, texts.system, texts.review, texts.repair]) hash.update(text).update("\0");
  const system = render(texts.system, { contract: contract.text, examples: examples.trim() });
  return {
    version: `${versionFile}+${hash.digest("hex").slice(0, 8)}`,
    system: () => system,
    review: (values) => render(texts.review, values),
    repair: (values) => render(texts.repair, values),
  };
}

/**
 * The draft as fenced data: the `<draft>` / `</draft>` lines delimit it, so any look-alike inside the
 * draft is neutralised (its `<` becomes `‹`) and cannot close the fence early.
 */
export function fenceDraft(draft: string): string {
  return draft.replace(/<(\s*\/?\s*draft\b)/gi, "‹$1");
}

/** The chat messages of one review request: the shared system prompt, then the fenced draft. */
export function reviewMessages(prompts: PromptSet, draft: string): ChatMessage[] {
  return [
    { role: "system", content: prompts.system() },
    { role: "user", content: prompts.review({ draft: fenceDraft(draft) }) },
  ];
}
