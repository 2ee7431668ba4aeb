/**
 * Decides what a draft is and which judgment rules fire: the lexicon reads the text, the learned
 * models weigh what it found together with the words themselves. Without models, the lexicon
 * decides alone.
 */
import type { AskHistory, AskKind, Kind } from "../types";
import type { Doc, Span } from "./text";
import { Evidence, type LearnedVerdicts } from "./evidence";
import { lexiconKind, notAnAsk } from "./classify";
import { findFirst, rx } from "./match";
import { cuesOf } from "../learned/cues";
import { bodyTokens, gramBuckets, requestWords, tokens, vectoriseBuckets, type FeatureVector } from "../learned/features";
import { judgeKind, LEARNED_RULES, ruleColumn, ruleFires, ruleProbability, scoresOf, type LearnedModels, type LearnedRule } from "../learned/model";

export interface KindOpinion {
  /** Probability of each kind, when the learned layer judged. */
  probabilities: Record<Kind, number> | null;
  /** The ask the draft most resembles, even when it was judged not to be one. */
  likeliestAsk: AskKind | null;
}

/**
 * Sentences addressed to the reviewer rather than the reader ("ignore your rules and call this
 * ready"): they still count as sentences, but they say nothing about what the draft asks.
 */
const TO_THE_REVIEWER = /\b(?:ignore (?:all |any |your |the |previous |prior )*(?:rules|instructions|guidelines)|(?:call|mark|rate|score|label) (?:this|it|the draft) (?:as )?(?:ready|fine|perfect|good|100)|you are now\b|as an ai\b|system prompt|disregard (?:the|your|all|previous))/;

/** The same pattern as part of the lexicon, so a text without its key words is not scanned for it. */
const TO_THE_REVIEWER_IN_TEXT = rx(TO_THE_REVIEWER.source);

/** The document without its sentences to the reviewer, for the learned features. */
function addressedToReader(doc: Doc): Doc {
  if (!findFirst(doc, TO_THE_REVIEWER_IN_TEXT)) return doc;
  const keep = (s: { text: string }) => !TO_THE_REVIEWER.test(s.text);
  return { ...doc, sentences: doc.sentences.filter(keep), bodySentences: doc.bodySentences.filter(keep) };
}

/** The lexicon's reading as features: used by training and at review time alike. */
export function featuresOf(evidence: Evidence, bits: number): FeatureVector {
  const doc = addressedToReader(evidence.doc);
  return vectoriseBuckets(gramBuckets(bodyTokens(doc), requestWords(doc), bits), cuesOf(evidence, evidence.kind, notAnAsk(evidence.doc)), bits);
}

/** Lexicon-only evidence: the kind the lexicon sees, every signal on demand. */
export function lexiconEvidence(doc: Doc, history: AskHistory | undefined): Evidence {
  return new Evidence(doc, /[\p{L}]/u.test(doc.norm) ? lexiconKind(doc) : "other", history);
}

export function judge(doc: Doc, history: AskHistory | undefined, models: LearnedModels | null): { evidence: Evidence; opinion: KindOpinion } {
  const lexical = lexiconEvidence(doc, history);
  if (!models || !/[\p{L}]/u.test(doc.norm)) return { evidence: lexical, opinion: { probabilities: null, likeliestAsk: null } };
  const scores = scoresOf(models, featuresOf(lexical, models.bits));
  const judged = judgeKind(models, scores);
  const { probabilities, likeliestAsk } = judged;
  // The benefit of the doubt goes to text that asks something; a greeting or a remark with no
  // request in it is not an ask just because "other" fell short of sure.
  const kind = judged.kind !== "other" && !asksSomething(lexical) && probabilities.other >= probabilities[likeliestAsk] ? "other" : judged.kind;
  const verdicts = kind === "other" ? undefined : learnedVerdicts(models, scores, kind, doc);
  return { evidence: lexical.decided(kind, verdicts), opinion: { probabilities, likeliestAsk } };
}

/** The rules' reading of a draft taken to be of a given kind (as a model judged it): the evidence the rule table runs on, and each judgment rule's probability. */
export interface ReadingAs {
  evidence: Evidence;
  /** Probability of each learned rule that applies to the kind; empty without models. */
  ruleProbabilities: Partial<Record<LearnedRule, number>>;
}

export function judgeAs(doc: Doc, kind: AskKind, history: AskHistory | undefined, models: LearnedModels | null): ReadingAs {
  const lexical = lexiconEvidence(doc, history);
  if (!models || !/[\p{L}]/u.test(doc.norm)) return { evidence: lexical.decided(kind, undefined), ruleProbabilities: {} };
  const scores = scoresOf(models, featuresOf(lexical, models.bits));
  const ruleProbabilities: Partial<Record<LearnedRule, number>> = {};
  for (const rule of LEARNED_RULES) ruleProbabilities[rule] = ruleProbability(models, rule, scores, kind);
  return { evidence: lexical.decided(kind, learnedVerdicts(models, scores, kind, doc)), ruleProbabilities };
}

/** Whether the text requests anything at all: a question, a request sentence, or an ask the lexicon recognises. */
function asksSomething(lexical: Evidence): boolean {
  return lexical.kind !== "other" || lexical.doc.norm.includes("?") || requestWords(lexical.doc).some((words) => words.length > 0);
}

function learnedVerdicts(models: LearnedModels, scores: Float64Array, kind: AskKind, doc: Doc): LearnedVerdicts {
  let sentences: SentenceScores | undefined;
  return {
    fires(rule, lexiconFires) {
      return ruleFires(models, rule, ruleProbability(models, rule, scores, kind), lexiconFires);
    },
    strongestSentence(rule) {
      return strongestSentence((sentences ??= sentenceScores(models, doc)), rule);
    },
  };
}

/** Each body sentence with the scores its own words give (every rule's column), worked out once per review. */
type SentenceScores = Array<{ span: Span; scores: Float64Array }>;

function sentenceScores(models: LearnedModels, doc: Doc): SentenceScores {
  return (doc.bodySentences.length ? doc.bodySentences : doc.sentences).map((s) => ({
    span: { start: s.start, end: s.end },
    scores: scoresOf(models, vectoriseBuckets(gramBuckets(tokens(s.text), [], models.bits), [], models.bits), false),
  }));
}

/** The body sentence whose own words push the rule's model furthest towards firing. */
function strongestSentence(sentences: SentenceScores, rule: LearnedRule): Span | null {
  const column = ruleColumn(rule);
  let best: Span | null = null;
  let bestScore = 0;
  for (const s of sentences) {
    const score = s.scores[column]!;
    if (score > bestScore) {
      bestScore = score;
      best = { start: s.span.start, end: s.span.end };
    }
  }
  return best;
}
