import type { AskKind, Finding, HouseNote, ReviewContext, RuleId } from "../types";
import { limitNote, underHouseRules, type HouseRules } from "../house-rules";
import { analyse } from "./text";
import type { Evidence } from "./evidence";
import { judge, type KindOpinion } from "./judge";
import { defaultModels } from "../learned/default-models";
import { MAX_BODY_SENTENCES, RULES, type RuleDefinition } from "./rules";
import type { Span } from "./text";

const CLAUSE_MARKS = [",", ";", ":", ".", "!", "?", "\n", "(", "—"];

/** The clause(s) a span sits in, so a quote reads as a phrase rather than a fragment. */
function clauseAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 120), start);
  let cut = -1;
  for (const c of CLAUSE_MARKS) cut = Math.max(cut, before.lastIndexOf(c));
  const after = text.slice(end, end + 120).search(/[,;:.!?\n)—]/);
  return text.slice(cut >= 0 ? start - before.length + cut + 1 : start, after >= 0 ? end + after : end);
}

/** Points at the words that triggered a finding, so the sender sees what to change: “ASAP”: Soften the pressure… */
function quoting(excerpt: string, message: string): string {
  // A long excerpt (a "too long" finding spans most of the draft) is known to be unquotable from its
  // first characters: its non-space characters alone are more than a quote may hold.
  if (excerpt.length > MAX_QUOTE && nonSpaceOver(excerpt, MAX_QUOTE)) return message;
  const words = excerpt.replace(/\s+/g, " ").trim();
  if (!words || words.length > MAX_QUOTE) return message;
  return `“${words}”: ${message}`;
}

const MAX_QUOTE = 80;
const SPACE = /\s/;

/** Whether the text has more than `limit` characters that are not white space (what `\s` matches). */
function nonSpaceOver(text: string, limit: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(text[i]!);
    if (!space && ++count > limit) return true;
  }
  return false;
}

/** Runs every rule of the table that applies to the draft's kind. */
export function findingsFor(evidence: Evidence, only?: readonly RuleId[], policy?: HouseRules): Finding[] {
  return houseFindingsFor(evidence, only, policy).findings;
}

/** The rule table under the team's house rules: its findings, and notes where a house rule changed them. */
export function houseFindingsFor(evidence: Evidence, only?: readonly RuleId[], policy?: HouseRules): { findings: Finding[]; house: HouseNote[] } {
  if (evidence.kind === "other") return { findings: [], house: [] };
  const kind: AskKind = evidence.kind;
  const limits = { maxBodySentences: policy?.maxBodySentences ?? MAX_BODY_SENTENCES };
  const findings: Finding[] = [];
  const house: HouseNote[] = [];
  for (const rule of RULES) {
    if (!applies(rule, kind, only)) continue;
    const hit = rule.detect(evidence, limits);
    if (rule.id === "too-long" && policy && (hit !== null) !== (rule.detect(evidence) !== null)) {
      const note = limitNote(limits.maxBodySentences, MAX_BODY_SENTENCES);
      if (note) house.push(note);
    }
    if (!hit) continue;
    const span = hit === true ? null : hit;
    const base = policy && rule.houseMessage && limits.maxBodySentences !== MAX_BODY_SENTENCES ? rule.houseMessage(limits) : rule.message;
    const message = span ? quoting(clauseAround(evidence.doc.raw, span.start, span.end), base) : base;
    const ruled = underHouseRules({ rule: rule.id, severity: rule.severity, start: span?.start ?? null, end: span?.end ?? null, message, why: rule.why }, policy);
    if (ruled.note) house.push(ruled.note);
    if (ruled.finding) findings.push(ruled.finding);
  }
  return { findings, house };
}

const applies = (rule: RuleDefinition, kind: AskKind, only: readonly RuleId[] | undefined): boolean => rule.kinds.includes(kind) && (!only || only.includes(rule.id));

/**
 * Where the first rule of the table (of those listed) that fires places its problem, under the
 * contract's own limits: the first finding with a place that `findingsFor` would return, without
 * running the rules after it or writing messages.
 */
export function firstPlacedProblem(evidence: Evidence, only: readonly RuleId[]): Span | null {
  if (evidence.kind === "other") return null;
  for (const rule of RULES) {
    if (!applies(rule, evidence.kind, only)) continue;
    const hit = rule.detect(evidence, { maxBodySentences: MAX_BODY_SENTENCES });
    if (hit && hit !== true) return hit;
  }
  return null;
}

/** Classifies a text and runs the rules on it (or only the rules listed): everything a review needs except the rewrite. */
export function inspect(
  text: string,
  context: ReviewContext = {},
  only?: readonly RuleId[],
): { evidence: Evidence; findings: Finding[]; opinion: KindOpinion; house: HouseNote[] } {
  const models = context.learned === undefined ? defaultModels() : context.learned;
  const { evidence, opinion } = judge(analyse(text), context.history, models);
  return { evidence, opinion, ...houseFindingsFor(evidence, only, context.policy) };
}
