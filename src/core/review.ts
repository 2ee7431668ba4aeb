import type { ReviewContext, ReviewResult } from "./types";

/** Placeholder until the engine lands: classifies nothing. Replaced by the real engine. */
export function review(draft: string, _context: ReviewContext = {}): ReviewResult {
  void draft;
  return { kind: "other", verdict: "not-an-ask", score: 100, findings: [], checklist: [], rewrite: null, rewriteSource: null, summary: "other" };
}
