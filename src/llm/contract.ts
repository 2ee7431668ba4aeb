import { RULES } from "../core/engine/rules";
import { KINDS, type AskKind } from "../core/types";

/**
 * The contract as the model reads it, built from the engine's rule table (ids, severities, kinds) and
 * the spec's own text (what each kind is, when each rule fires, the clarifications, the verdict and how
 * sentences are counted). Nothing is paraphrased: a spec edit or a rule-table edit reaches the prompt.
 */
export function buildContract(spec: string): { text: string; problems: string[] } {
  const problems: string[] = [];
  const section = (heading: string): string => {
    const body = sectionOf(spec, heading);
    if (body === null) problems.push(`the spec has no "${heading}" section`);
    return body ?? "";
  };
  const firesWhen = ruleRows(section("## Rules"));
  const lines: string[] = [];
  for (const rule of RULES) {
    const row = firesWhen.get(rule.id);
    if (!row) {
      problems.push(`the spec's rule table has no row for \`${rule.id}\``);
      continue;
    }
    if (row.severity !== rule.severity) problems.push(`\`${rule.id}\` is ${row.severity} in the spec but ${rule.severity} in the engine's rule table`);
    if (!sameKinds(row.kinds, rule.kinds)) problems.push(`\`${rule.id}\` applies to "${row.kinds}" in the spec but to ${rule.kinds.join(", ")} in the engine's rule table`);
    lines.push(`- \`${rule.id}\` — ${rule.severity}; kinds: ${kindsText(rule.kinds)}; fires when: ${row.firesWhen.replace(HISTORY_NOTE, "")}`);
  }
  const text = [
    "## Kinds",
    section("## Kinds"),
    "## Rules",
    "Severity: `blocker` (do not send as is), `warn` (revise before sending), `tip` (optional polish). A rule fires only on the kinds it lists; on `other` no rule fires.",
    lines.join("\n"),
    "### Clarifications",
    section("### Clarifications"),
    "### Verdict",
    section("### Verdict"),
    "### Counting sentences (`too-long`)",
    section("### Counting sentences (`too-long`)"),
    "### Chat formatting",
    section("### Chat formatting"),
    "## Rewrite requirements",
    section("## Rewrite requirements"),
  ].join("\n\n");
  return { text, problems };
}

/** The text under a heading, up to the next heading of the same or a higher level; null when absent. */
function sectionOf(spec: string, heading: string): string | null {
  const lines = spec.replace(/\r\n?/g, "\n").split("\n");
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) return null;
  const level = heading.match(/^#+/)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.match(/^#+/)![0].length <= level);
  const body = lines.slice(start + 1, end < 0 ? undefined : end);
  // A sub-section (### under ##) is taken on its own, so the ## section stops at its first sub-heading.
  const sub = body.findIndex((l) => /^#+ /.test(l));
  return (sub < 0 ? body : body.slice(0, sub)).join("\n").trim();
}

function ruleRows(rulesSection: string): Map<string, { severity: string; kinds: string; firesWhen: string }> {
  const rows = new Map<string, { severity: string; kinds: string; firesWhen: string }>();
  for (const line of rulesSection.split("\n")) {
    const cells = line.split(/\s\|\s/).map((c) => c.replace(/^\|\s*|\s*\|$/g, "").trim());
    const id = cells[0]?.match(/^`([a-z-]+)`$/)?.[1];
    if (!id || cells.length < 4) continue;
    rows.set(id, { severity: cells[1]!, kinds: cells[2]!, firesWhen: cells[3]! });
  }
  return rows;
}

/** History is the engine's business (the tracker's record), not the model's: the pointer to that section is left out. */
const HISTORY_NOTE = /\s*\(also fired from tracked history, see below\)/;

const ALL_ASKS = KINDS.filter((k): k is AskKind => k !== "other");

function kindsText(kinds: readonly AskKind[]): string {
  return sameKinds("all asks", kinds) ? "all asks" : kinds.join(", ");
}

function sameKinds(specKinds: string, kinds: readonly AskKind[]): boolean {
  const listed = specKinds.trim() === "all asks" ? ALL_ASKS : specKinds.split(",").map((k) => k.trim());
  return listed.length === kinds.length && listed.every((k) => (kinds as readonly string[]).includes(k));
}
