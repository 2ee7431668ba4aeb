import type { AskKind, Finding, HouseNote, ReviewContext, ReviewNotice, ReviewResult, Severity, Verdict } from "./types";
import { teamPhraseNotes, underHouseRules, type HouseRules } from "./house-rules";
import { languageOf } from "./engine/language";
import type { KindOpinion } from "./engine/judge";
import { inspect } from "./engine/inspect";
import { checklist } from "./engine/checklist";
import { rewrite } from "./engine/rewrite";
import { defaultModels } from "./learned/default-models";

/** The longest draft any surface accepts; all of it is reviewed. */
export const MAX_REVIEWED_CHARS = 50_000;

/** Each kind in words, as the sender reads it ("This reads most like an introduction request"). */
export const KIND_WORDS: Record<AskKind, string> = {
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
  const { evidence, findings, opinion, house } = inspect(text, context);
  const kind = evidence.kind;
  const verdict = verdictFor(kind, findings);
  const needsRewrite = (verdict === "revise" || verdict === "dont-send") && !findings.some((f) => f.rule === "repeat-follow-up");
  const rewritten = needsRewrite ? rewrite(evidence, findings, (context.learned === undefined ? defaultModels() : context.learned)?.keySentences) : null;
  const notice = kind === "other" ? undefined : unsureKindNotice(kind, opinion);
  const notes = kind === "other" ? [] : [...house, ...teamPhraseNotes(text, context.policy)];
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
    ...(notes.length ? { house: notes } : {}),
  };
}

/**
 * A review made without the house rules (a model's) brought under them: rules the team turned off
 * dropped, downgraded ones made tips, verdict and score recomputed, team phrases noted. The engine's
 * own reviews apply the rules as they run (`review(draft, { policy })`); this is for merged results.
 */
export function enforceHouseRules(result: ReviewResult, draft: string, policy: HouseRules | undefined): ReviewResult {
  if (!policy || result.kind === "other") return result;
  const findings: Finding[] = [];
  const house: HouseNote[] = (result.house ?? []).filter((note) => note.change === "limit");
  for (const finding of result.findings) {
    const ruled = underHouseRules(finding, policy);
    if (ruled.note && !house.some((n) => n.rule === ruled.note!.rule)) house.push(ruled.note);
    if (ruled.finding) findings.push(ruled.finding);
  }
  for (const note of result.house ?? []) if (note.change !== "limit" && !house.some((n) => n.rule === note.rule && n.change === note.change && n.start === note.start)) house.push(note);
  for (const note of teamPhraseNotes(draft.slice(0, MAX_REVIEWED_CHARS), policy)) if (!house.some((n) => n.change === "phrase" && n.start === note.start)) house.push(note);
  const verdict = verdictFor(result.kind, findings);
  const enforced: ReviewResult = {
    ...result,
    findings,
    verdict,
    score: scoreFor(findings),
    summary: [result.kind, verdict, ...findings.map((f) => f.rule)].join(" "),
    ...(verdict === "ready" ? { rewrite: null, rewriteSource: null } : {}),
  };
  delete enforced.house;
  return house.length ? { ...enforced, house } : enforced;
}
