import type { AskKind, Finding, ReviewContext, ReviewResult, Severity, Verdict } from "./types";
import { analyse } from "./engine/text";
import { classify } from "./engine/classify";
import { Evidence } from "./engine/evidence";
import { RULES } from "./engine/rules";
import { checklist } from "./engine/checklist";
import { rewrite } from "./engine/rewrite";

/** Drafts longer than this are reviewed on their first part only: no ask needs more, and it bounds the work. */
export const MAX_REVIEWED_CHARS = 20_000;

const PENALTY: Record<Severity, number> = { blocker: 35, warn: 12, tip: 4 };

export function verdictFor(kind: string, findings: readonly Finding[]): Verdict {
  if (kind === "other") return "not-an-ask";
  if (findings.some((f) => f.severity === "blocker")) return "dont-send";
  if (findings.some((f) => f.severity === "warn")) return "revise";
  return "ready";
}

export function scoreFor(findings: readonly Finding[]): number {
  const total = findings.reduce((sum, f) => sum + PENALTY[f.severity], 0);
  const score = 100 - total;
  return Math.max(findings.some((f) => f.severity === "blocker") ? 0 : 10, Math.min(100, score));
}

/** Runs every rule of the table that applies to the draft's kind. */
export function findingsFor(evidence: Evidence): Finding[] {
  if (evidence.kind === "other") return [];
  const kind: AskKind = evidence.kind;
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (!rule.kinds.includes(kind)) continue;
    const hit = rule.detect(evidence);
    if (!hit) continue;
    const span = hit === true ? null : hit;
    findings.push({ rule: rule.id, severity: rule.severity, start: span?.start ?? null, end: span?.end ?? null, message: rule.message, why: rule.why });
  }
  return findings;
}

/** Reviews a draft networking ask. Pure: same input, same output; never throws on any string. */
export function review(draft: string, context: ReviewContext = {}): ReviewResult {
  const text = typeof draft === "string" ? draft.slice(0, MAX_REVIEWED_CHARS) : "";
  const doc = analyse(text);
  const kind = classify(doc);
  const evidence = new Evidence(doc, kind, context.history);
  const findings = findingsFor(evidence);
  const verdict = verdictFor(kind, findings);
  const needsRewrite = (verdict === "revise" || verdict === "dont-send") && !findings.some((f) => f.rule === "repeat-follow-up");
  const rewritten = needsRewrite ? rewrite(evidence, findings) : null;
  return {
    kind,
    verdict,
    score: scoreFor(findings),
    findings,
    checklist: checklist(evidence, kind),
    rewrite: rewritten,
    rewriteSource: rewritten === null ? null : "rules",
    summary: [kind, verdict, ...findings.map((f) => f.rule)].join(" "),
  };
}
