import { RULE_IDS, type Finding, type Kind, type RuleId, type Severity } from "./types";

/** A finding as a model reports it: any string as rule id, and the quoted words instead of offsets. */
export interface ModelFinding {
  rule: string;
  /** The exact words of the draft the finding is about, or null for an absence. */
  quote: string | null;
  message: string;
  why: string;
}

type AskKind = Exclude<Kind, "other">;
const ALL: readonly AskKind[] = ["intro_request", "recommendation_ask", "endorsement_ask", "connection_request", "outreach", "follow_up"];

/** Severity and kinds per rule, from the spec's rules table: a model chooses neither. */
const RULES: Record<RuleId, { severity: Severity; kinds: readonly AskKind[] }> = {
  "quid-pro-quo": { severity: "blocker", kinds: ALL },
  "no-first-hand-basis": { severity: "blocker", kinds: ["recommendation_ask", "endorsement_ask"] },
  "repeat-follow-up": { severity: "blocker", kinds: ["follow_up"] },
  "no-graceful-out": { severity: "warn", kinds: ["intro_request", "recommendation_ask", "endorsement_ask", "outreach", "follow_up"] },
  "generic-template": { severity: "warn", kinds: ["connection_request", "outreach", "intro_request", "recommendation_ask", "endorsement_ask"] },
  "no-shared-context": { severity: "warn", kinds: ["intro_request", "recommendation_ask", "endorsement_ask", "connection_request", "outreach"] },
  "no-specifics": { severity: "warn", kinds: ["recommendation_ask"] },
  "unclear-intent": { severity: "warn", kinds: ["intro_request"] },
  "no-value-for-recipient": { severity: "warn", kinds: ["outreach", "connection_request"] },
  "premature-pitch": { severity: "warn", kinds: ["connection_request", "outreach"] },
  "demanding-tone": { severity: "warn", kinds: ALL },
  "too-long": { severity: "warn", kinds: ALL },
  "email-workaround": { severity: "warn", kinds: ["connection_request", "outreach"] },
  "mass-blast": { severity: "warn", kinds: ALL },
  "no-timeline": { severity: "tip", kinds: ["intro_request", "outreach"] },
  "no-direct-contact": { severity: "tip", kinds: ["intro_request"] },
};

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
    if (!isRuleId(rule) || seen.has(rule) || RULES_ONLY.has(rule) || !RULES[rule].kinds.includes(kind)) continue;
    seen.add(rule);
    const at = found.quote && found.quote.trim() ? draft.indexOf(found.quote) : -1;
    merged.push({
      rule,
      severity: RULES[rule].severity,
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
