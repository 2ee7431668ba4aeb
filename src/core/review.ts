import type { Finding, ReviewContext, ReviewResult, Severity, Verdict } from "./types";
import { inspect } from "./engine/inspect";
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

/** Reviews a draft networking ask. Pure: same input, same output; never throws on any string. */
export function review(draft: string, context: ReviewContext = {}): ReviewResult {
  const text = typeof draft === "string" ? draft.slice(0, MAX_REVIEWED_CHARS) : "";
  const { evidence, findings } = inspect(text, context);
  const kind = evidence.kind;
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
