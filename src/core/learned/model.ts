/**
 * The learned judgment layer at review time: linear models over hashed features (see
 * features.ts), trained by `npm run train` (src/learning/) and shipped as data. All models share
 * one feature-major weight matrix, so a draft's features are read once for every kind and rule.
 * Pure: the weights are decoded once from the data the core is given; a prediction is a sum.
 */
import { KINDS, type AskKind, type Kind, type RuleId } from "../types";
import type { FeatureVector } from "./features";
import { hashString } from "./features";
import type { KeySentenceModel } from "./key-sentences";

/** The judgment rules the learned layer decides; the countable ones stay with the lexicon. */
export const LEARNED_RULES = [
  "quid-pro-quo",
  "no-first-hand-basis",
  "no-graceful-out",
  "generic-template",
  "no-shared-context",
  "no-specifics",
  "unclear-intent",
  "no-value-for-recipient",
  "premature-pitch",
  "demanding-tone",
  "no-timeline",
] as const satisfies readonly RuleId[];
export type LearnedRule = (typeof LEARNED_RULES)[number];

/** The outputs of the shared matrix, in column order: one per kind (softmax), then one per rule (sigmoid). */
export const OUTPUTS: readonly string[] = [...KINDS.map((k) => "kind:" + k), ...LEARNED_RULES.map((r) => "rule:" + r)];
const KIND_COLUMNS = KINDS.length;

/** Probabilities at or above which a rule fires, chosen by cross-validation on the training data. */
export interface RuleThresholds {
  /** When the lexicon also finds the problem. */
  withLexicon: number;
  /** When the lexicon does not: the model alone must be surer. */
  alone: number;
}

export interface StoredWeights {
  format: 2;
  bits: number;
  outputs: string[];
  bias: number[];
  /** Per output: the value of one quantisation step. */
  scales: number[];
  /** Int16, feature-major (bucket × output), little-endian, base64. */
  weights: string;
  /** Below this probability a predicted `other` is not confident, and the draft is reviewed as its likeliest ask. */
  otherConfidence: number;
  thresholds: Record<LearnedRule, RuleThresholds>;
  /** How the weights were made: corpus files and their hashes, seed, settings, cross-validation. */
  trainedOn: unknown;
}

export interface LearnedModels {
  bits: number;
  outputs: number;
  bias: Float64Array;
  /** Feature-major: bucket × outputs. */
  weights: Float32Array;
  otherConfidence: number;
  thresholds: Record<LearnedRule, RuleThresholds>;
  /** Which sentences carry a draft's key facts, for the rewrite's cut (absent: the rewrite weighs sentences by its rules alone). */
  keySentences?: KeySentenceModel;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** Character code → 6-bit value (-1 for anything else): a table, since the weights are millions of characters. */
const BASE64_VALUE = Int8Array.from({ length: 128 }, (_, code) => BASE64.indexOf(String.fromCharCode(code)));

/** Base64 to bytes, written out so the core needs no platform API. */
export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = BASE64_VALUE[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error("learned weights: not base64");
    value = ((value << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

export function decodeWeights(stored: StoredWeights): LearnedModels {
  if (stored.outputs.join() !== OUTPUTS.join()) throw new Error("learned weights: outputs do not match this engine's kinds and rules; run npm run train");
  const bytes = decodeBase64(stored.weights);
  const outputs = OUTPUTS.length;
  const size = 1 << stored.bits;
  if (bytes.length !== size * outputs * 2) throw new Error("learned weights: size does not match bits × outputs");
  const weights = new Float32Array(size * outputs);
  for (let i = 0; i < weights.length; i++) {
    const raw = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
    weights[i] = (raw >= 0x8000 ? raw - 0x10000 : raw) * stored.scales[i % outputs]!;
  }
  return { bits: stored.bits, outputs, bias: Float64Array.from(stored.bias), weights, otherConfidence: stored.otherConfidence, thresholds: stored.thresholds };
}

/** Every output's raw score for a feature vector. */
export function scoresOf(models: LearnedModels, x: FeatureVector, withBias = true): Float64Array {
  const n = models.outputs;
  const out = withBias ? Float64Array.from(models.bias) : new Float64Array(n);
  const w = models.weights;
  const { index, value } = x;
  const features = index.length;
  // Six outputs at a time, their sums kept in locals over all the features (fewer passes than one
  // output at a time, no memory round trip per term as with all outputs at once). Each output still
  // adds its terms in feature order: the same sums.
  let o = 0;
  for (; o + 6 <= n; o += 6) {
    let s0 = out[o]!, s1 = out[o + 1]!, s2 = out[o + 2]!, s3 = out[o + 3]!, s4 = out[o + 4]!, s5 = out[o + 5]!;
    for (let i = 0; i < features; i++) {
      const at = index[i]! * n + o;
      const v = value[i]!;
      s0 += w[at]! * v;
      s1 += w[at + 1]! * v;
      s2 += w[at + 2]! * v;
      s3 += w[at + 3]! * v;
      s4 += w[at + 4]! * v;
      s5 += w[at + 5]! * v;
    }
    out[o] = s0;
    out[o + 1] = s1;
    out[o + 2] = s2;
    out[o + 3] = s3;
    out[o + 4] = s4;
    out[o + 5] = s5;
  }
  for (; o < n; o++) {
    let sum = out[o]!;
    for (let i = 0; i < features; i++) sum += w[index[i]! * n + o]! * value[i]!;
    out[o] = sum;
  }
  return out;
}

export function softmax(values: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!);
  const exps = new Array<number>(values.length);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += exps[i] = Math.exp(values[i]! - max);
  for (let i = 0; i < exps.length; i++) exps[i] = exps[i]! / sum;
  return exps;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The bucket of a named cue, as `vectorise` hashes it. */
export const cueIndex = (cue: string, bits: number): number => hashString("#" + cue) & ((1 << bits) - 1);

export interface KindJudgment {
  kind: Kind;
  /** Probability of each kind. */
  probabilities: Record<Kind, number>;
  /** The likeliest ask kind, whatever the verdict on `other`. */
  likeliestAsk: AskKind;
}

/** The kind, from the kind columns of the scores: `other` must win clearly, as an explicit review is an ask unless the text shows it is not. */
export function judgeKind(models: LearnedModels, scores: Float64Array): KindJudgment {
  const p = softmax(scores.subarray(0, KIND_COLUMNS));
  const probabilities = {} as Record<Kind, number>;
  for (let i = 0; i < KIND_COLUMNS; i++) probabilities[KINDS[i]!] = p[i]!;
  let likeliestAsk: AskKind = "outreach";
  for (const k of KINDS) if (k !== "other" && probabilities[k] > probabilities[likeliestAsk]) likeliestAsk = k;
  const kind: Kind = probabilities.other >= models.otherConfidence && probabilities.other >= probabilities[likeliestAsk] ? "other" : likeliestAsk;
  return { kind, probabilities, likeliestAsk };
}

/** Probability that a judgment rule fires on a draft of this kind. */
export function ruleProbability(models: LearnedModels, rule: LearnedRule, scores: Float64Array, kind: AskKind): number {
  const column = KIND_COLUMNS + LEARNED_RULES.indexOf(rule);
  const kindCue = cueIndex("kind:" + kind, models.bits) * models.outputs + column;
  return sigmoid(scores[column]! + models.weights[kindCue]!);
}

/** Whether a rule fires, given the model's probability and whether the lexicon found the problem too. */
export function ruleFires(models: LearnedModels, rule: LearnedRule, probability: number, lexiconFires: boolean): boolean {
  const t = models.thresholds[rule];
  return probability >= (lexiconFires ? t.withLexicon : t.alone);
}

/** The column of a rule in the score vector. */
export const ruleColumn = (rule: LearnedRule): number => KIND_COLUMNS + LEARNED_RULES.indexOf(rule);
