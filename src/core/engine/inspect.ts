import type { AskKind, Finding, ReviewContext, RuleId } from "../types";
import { analyse } from "./text";
import { classify } from "./classify";
import { Evidence } from "./evidence";
import { RULES } from "./rules";

/** Runs every rule of the table that applies to the draft's kind. */
export function findingsFor(evidence: Evidence, only?: readonly RuleId[]): Finding[] {
  if (evidence.kind === "other") return [];
  const kind: AskKind = evidence.kind;
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (!rule.kinds.includes(kind) || (only && !only.includes(rule.id))) continue;
    const hit = rule.detect(evidence);
    if (!hit) continue;
    const span = hit === true ? null : hit;
    findings.push({ rule: rule.id, severity: rule.severity, start: span?.start ?? null, end: span?.end ?? null, message: rule.message, why: rule.why });
  }
  return findings;
}

/** Classifies a text and runs the rules on it (or only the rules listed): everything a review needs except the rewrite. */
export function inspect(text: string, context: ReviewContext = {}, only?: readonly RuleId[]): { evidence: Evidence; findings: Finding[] } {
  const doc = analyse(text);
  const evidence = new Evidence(doc, classify(doc), context.history);
  return { evidence, findings: findingsFor(evidence, only) };
}
