import type { AskKind, Finding, ReviewContext, ReviewNotice, ReviewResult, Severity, Verdict } from "./types";
import { languageOf } from "./engine/language";
import type { KindOpinion } from "./engine/judge";
import { inspect } from "./engine/inspect";
import { checklist } from "./engine/checklist";
import { rewrite } from "./engine/rewrite";

/** The longest draft any surface accepts; all of it is reviewed. */
export const MAX_REVIEWED_CHARS = 50_000;

const KIND_WORDS: Record<AskKind, string> = {
  intro_request: "an introduction request",
  recommendation_ask: "a recommendation request",
  endorsement_ask: "an endorsement request",
  connection_request: "a connection request",
  outreach: "a first outreach message",
  follow_up: "a follow-up",
};

/** Below this the learned layer was torn between kinds, and the sender is told what the draft was read as. */
const SURE_OF_KIND = 0.5;

function unsureKindNotice(kind: AskKind, opinion: KindOpinion): ReviewNotice | undefined {
  const p = opinion.probabilities;
  if (!p || p[kind] >= SURE_OF_KIND) return undefined;
  return { code: "unsure-kind", message: `This reads most like ${KIND_WORDS[kind]}, so I reviewed it as one. If it is something else, say so in the draft (what you are asking for) and review it again.` };
}

/** A draft in a language the engine cannot read: said plainly, never scored as a clean ask. */
function unsupportedLanguage(): ReviewResult {
  return {
    kind: "other",
    verdict: "not-an-ask",
    score: 0,
    findings: [],
    checklist: [],
    rewrite: null,
    rewriteSource: null,
    notice: { code: "unsupported-language", message: "I review English drafts for now, so I can't coach this one. If you have an English version, send me that." },
    summary: "other not-an-ask unsupported-language",
  };
}

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
  if (languageOf(text) !== "en") return unsupportedLanguage();
  const { evidence, findings, opinion } = inspect(text, context);
  const kind = evidence.kind;
  const verdict = verdictFor(kind, findings);
  const needsRewrite = (verdict === "revise" || verdict === "dont-send") && !findings.some((f) => f.rule === "repeat-follow-up");
  const rewritten = needsRewrite ? rewrite(evidence, findings) : null;
  const notice = kind === "other" ? undefined : unsureKindNotice(kind, opinion);
  return {
    kind,
    verdict,
    score: scoreFor(findings),
    ...(notice ? { notice } : {}),
    findings,
    checklist: checklist(evidence, kind),
    rewrite: rewritten,
    rewriteSource: rewritten === null ? null : "rules",
    summary: [kind, verdict, ...findings.map((f) => f.rule)].join(" "),
  };
}
