/**
 * Merges a model's full review with the rules' review, each deciding where it is right:
 * - the engine keeps the rules it counts exactly (`too-long` by the spec's sentence counting, merge
 *   fields and group greetings for `mass-blast`, an e-mail or phone for `no-direct-contact`) and the
 *   rules fired from the tracker's history;
 * - the model decides the kind and the judgment rules, but a finding about words in the draft stands
 *   only when its quote is really there; where the merge policy (measured on recorded answers for
 *   training drafts, `src/learning/merge-policy.ts`) shows the rules' learned layer is the surer
 *   reader of a rule, a finding the rules are confident of stands without the model, and one they
 *   all but rule out needs more than the model's word;
 * - on a draft that talks to the reviewer the model may only add to the rules' review.
 * Pure: the draft, the two reviews in, one result out (the rewrite is decided by the caller).
 */
import { checklist } from "../core/engine/checklist";
import { Evidence } from "../core/engine/evidence";
import { findingsFor } from "../core/engine/inspect";
import { judgeAs, type ReadingAs } from "../core/engine/judge";
import { LEARNED_RULES } from "../core/learned/model";
import { MERGE_POLICY, type MergePolicy } from "./merge-policy";
import { RULES } from "../core/engine/rules";
import { rewrite as engineRewrite } from "../core/engine/rewrite";
import { analyse } from "../core/engine/text";
import { MAX_REVIEWED_CHARS, review, scoreFor, verdictFor } from "../core/review";
import { KINDS, RULE_IDS, type Finding, type Kind, type ReviewResult, type RuleId } from "../core/types";
import { defaultModels } from "../core/learned/default-models";

/** A finding as a model reports it: any string as rule id, and the quoted words instead of offsets. */
export interface ModelFinding {
  rule: string;
  /** The exact words of the draft the finding is about, or null for an absence. */
  quote: string | null;
  message: string;
  why: string;
}

export interface ModelReview {
  kind: string;
  reason: string;
  findings: readonly ModelFinding[];
}

/** Rules the engine decides by counting or by exact patterns: the model's opinion on them is not used. */
export const ENGINE_RULES: readonly RuleId[] = ["too-long", "mass-blast", "no-direct-contact"];

/** Rules about something missing: a finding needs no quote. Every other rule is about words in the draft. */
const ABSENCE_RULES: ReadonlySet<RuleId> = new Set(["no-graceful-out", "no-shared-context", "no-specifics", "unclear-intent", "no-value-for-recipient", "no-timeline", "no-direct-contact"]);

const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));
const RULE_ORDER = new Map(RULES.map((r, i) => [r.id, i]));
const MAX_TEXT = 300;

export type MergeMode = "full" | "add-only";

/** The merged review, without a rewrite yet (`rewrite` and `rewriteSource` are null). */
export function refereeReview(draft: string, first: ReviewResult, model: ModelReview, mode: MergeMode, policy: MergePolicy = MERGE_POLICY): ReviewResult {
  const text = draft.slice(0, MAX_REVIEWED_CHARS);
  const kind = refereedKind(first.kind, model, mode);
  const reading = kind === "other" ? null : judgeAs(analyse(text), kind, undefined, defaultModels());
  const findings = reading === null || kind === "other" ? [] : sortByRule([...engineFindings(text, first, kind), ...judgmentFindings(text, first, reading, model.findings, mode, policy)]);
  const rules = new Set(findings.map((f) => f.rule));
  const overruled = first.findings.map((f) => f.rule).filter((rule) => !rules.has(rule));
  const verdict = verdictFor(kind, findings);
  return {
    kind,
    verdict,
    score: scoreFor(findings),
    findings,
    checklist: kind === first.kind ? first.checklist : checklist(new Evidence(analyse(text), kind, undefined), kind),
    rewrite: null,
    rewriteSource: null,
    summary: [kind, verdict, ...findings.map((f) => f.rule)].join(" "),
    kindSource: kind === first.kind ? "rules" : "model",
    overruled,
  };
}

function refereedKind(rulesKind: Kind, model: ModelReview, mode: MergeMode): Kind {
  if (mode === "add-only" || !(KINDS as readonly string[]).includes(model.kind)) return rulesKind;
  // "Not an ask" stands only with a reason; an unexplained one is no better than the rules' reading.
  if (model.kind === "other" && !model.reason.trim()) return rulesKind;
  return model.kind as Kind;
}

/** The engine's exact rules for the refereed kind, and the rules the tracker's history fired. */
function engineFindings(text: string, first: ReviewResult, kind: Kind): Finding[] {
  const fromText = kind === first.kind ? first.findings.filter((f) => ENGINE_RULES.includes(f.rule)) : findingsFor(new Evidence(analyse(text), kind, undefined), ENGINE_RULES);
  const found = new Set(fromText.map((f) => f.rule));
  return [...fromText, ...historyFindings(text, first).filter((f) => !found.has(f.rule) && RULE_BY_ID.get(f.rule)!.kinds.includes(kind as never))];
}

/** Findings of the first review that the text alone does not fire: they came from the tracker's record. */
function historyFindings(text: string, first: ReviewResult): Finding[] {
  const fromTextAlone = new Set(review(text).findings.map((f) => f.rule));
  return first.findings.filter((f) => !fromTextAlone.has(f.rule));
}

function judgmentFindings(text: string, first: ReviewResult, reading: ReadingAs, modelFindings: readonly ModelFinding[], mode: MergeMode, policy: MergePolicy): Finding[] {
  const kind = reading.evidence.kind;
  const rulesSaid = new Map(first.findings.map((f) => [f.rule, f]));
  const judged: Finding[] = [];
  const seen = new Set<RuleId>(ENGINE_RULES);
  for (const f of historyFindings(text, first)) seen.add(f.rule);
  if (mode === "add-only") {
    for (const f of first.findings) {
      if (seen.has(f.rule)) continue;
      seen.add(f.rule);
      judged.push(f);
    }
  }
  for (const found of modelFindings) {
    const id = found.rule.trim();
    const definition = (RULE_IDS as readonly string[]).includes(id) ? RULE_BY_ID.get(id as RuleId) : undefined;
    if (!definition || seen.has(definition.id) || !definition.kinds.includes(kind as never)) continue;
    const span = found.quote && found.quote.trim() ? locateQuote(text, found.quote) : null;
    if (!span && !ABSENCE_RULES.has(definition.id)) continue;
    seen.add(definition.id);
    if (!policy.modelMayFire(definition.id, reading.ruleProbabilities)) continue;
    // Where the rules agree, their finding (its exact span and tested wording) is the one shown.
    const agreed = rulesSaid.get(definition.id);
    judged.push(
      agreed ?? {
        rule: definition.id,
        severity: definition.severity,
        start: span?.start ?? null,
        end: span?.end ?? null,
        message: clip(found.message) || definition.message,
        why: clip(found.why) || definition.why,
        source: "model",
      },
    );
  }
  if (mode === "full") judged.push(...rulesSureOf(reading, seen, policy));
  return judged;
}

/** The rules' own findings (for the refereed kind) on rules the policy lets them fire without the model: only where they are that sure. */
function rulesSureOf(reading: ReadingAs, seen: ReadonlySet<RuleId>, policy: MergePolicy): Finding[] {
  const candidates = LEARNED_RULES.filter((rule) => !seen.has(rule) && policy.rulesMayFire(rule, reading.ruleProbabilities));
  if (!candidates.length) return [];
  return findingsFor(reading.evidence, candidates);
}

function sortByRule(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)!);
}

/**
 * Where a quote is in the text: exactly, or up to case, spacing, typographic quotes and a trimmed
 * ellipsis (models tidy these). Null when the words are not there.
 */
export function locateQuote(text: string, quote: string): { start: number; end: number } | null {
  const exact = text.indexOf(quote);
  if (exact >= 0 && quote.trim()) return { start: exact, end: exact + quote.length };
  const wanted = fold(quote.replace(/^[\s"“”'‘’.…]+|[\s"“”'‘’.…,;:]+$/g, ""));
  const longest = wanted.split(/\s*(?:…|\.\.\.)\s*/).reduce((a, b) => (b.length > a.length ? b : a), "");
  if (longest.replace(/\W/g, "").length < 3) return null;
  // Fold the text character by character, remembering where each folded character came from.
  const at: number[] = [];
  let folded = "";
  for (let i = 0; i < text.length; i++) {
    const c = fold(text[i]!);
    if (c === " " && folded.endsWith(" ")) continue;
    folded += c;
    for (let k = 0; k < c.length; k++) at.push(i);
  }
  const found = folded.indexOf(longest);
  if (found < 0) return null;
  return { start: at[found]!, end: at[found + longest.length - 1]! + 1 };
}

function fold(s: string): string {
  return s.replace(/[‘’‚′]/g, "'").replace(/[“”„″]/g, '"').replace(/‹/g, "<").replace(/\s+/g, " ").toLowerCase();
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_TEXT ? flat.slice(0, MAX_TEXT - 1) + "…" : flat;
}

/** The engine's rewrite for the merged review: the first review's own when the kind and rules are unchanged. */
export function rulesRewrite(draft: string, first: ReviewResult, merged: ReviewResult): string {
  const same = merged.kind === first.kind && merged.summary === first.summary;
  if (same && first.rewrite !== null) return first.rewrite;
  const text = draft.slice(0, MAX_REVIEWED_CHARS);
  return engineRewrite(new Evidence(analyse(text), merged.kind, undefined), merged.findings, defaultModels()?.keySentences);
}
