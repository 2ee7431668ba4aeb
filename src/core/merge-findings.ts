import { RULES } from "./engine/rules";
import { RULE_IDS, type Finding, type Kind, type RuleId } from "./types";

/** A finding as a model reports it: any string as rule id, and the quoted words instead of offsets. */
export interface ModelFinding {
  rule: string;
  /** The exact words of the draft the finding is about, or null for an absence. */
  quote: string | null;
  message: string;
  why: string;
}

/** Severity and kinds per rule come from the engine's rule table (the spec): a model chooses neither. */
const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** Rules the engine counts exactly (sentences): a model's opinion on them is not merged. */
const RULES_ONLY: ReadonlySet<RuleId> = new Set(["too-long"]);

const MAX_TEXT = 300;

function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

/**
 * Adds a model's findings to the rules' findings. Only the spec's rule ids that apply to the draft's
 * kind are kept, a rule the engine already reported is not repeated, and nothing the rules found is
 * ever removed or changed. Severity comes from the spec; a quote found in the draft becomes a span.
 */
export function mergeFindings(draft: string, kind: Kind, ruleFindings: readonly Finding[], modelFindings: readonly ModelFinding[]): Finding[] {
  if (kind === "other") return [...ruleFindings];
  const merged = [...ruleFindings];
  const seen = new Set<string>(ruleFindings.map((f) => f.rule));
  for (const found of modelFindings) {
    const rule = found.rule.trim();
    const definition = isRuleId(rule) ? RULE_BY_ID.get(rule) : undefined;
    if (!definition || seen.has(definition.id) || RULES_ONLY.has(definition.id) || !definition.kinds.includes(kind)) continue;
    seen.add(definition.id);
    const at = found.quote && found.quote.trim() ? draft.indexOf(found.quote) : -1;
    merged.push({
      rule: definition.id,
      severity: definition.severity,
      start: at >= 0 ? at : null,
      end: at >= 0 ? at + found.quote!.length : null,
      message: clip(found.message),
      why: clip(found.why),
    });
  }
  return merged;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_TEXT ? flat.slice(0, MAX_TEXT - 1) + "…" : flat;
}
