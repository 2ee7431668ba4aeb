/**
 * The learned judgment layer at review time: linear models over hashed features (see
 * features.ts), trained by `npm run train` (src/learning/) and shipped as data. Pure: the weights
 * are decoded once from the data the core is given, and every prediction is a deterministic sum.
 */
import type { AskKind, Kind, RuleId } from "../types";
import type { FeatureVector } from "./features";
import { hashString } from "./features";

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
] as const satisfies readonly RuleId[];
export type LearnedRule = (typeof LEARNED_RULES)[number];

/** One linear model as stored: 16-bit quantised weights in base64, one row per class. */
export interface StoredLinear {
  classes: string[];
  bias: number[];
  scale: number;
  weights: string;
}

/** Probabilities at or above which a rule fires, chosen by cross-validation on the training data. */
export interface RuleThresholds {
  /** When the lexicon also finds the problem. */
  withLexicon: number;
  /** When the lexicon does not: the model alone must be surer. */
  alone: number;
}

export interface StoredRule extends StoredLinear {
  thresholds: RuleThresholds;
}

export interface StoredWeights {
  format: 1;
  bits: number;
  /** Kind model; softmax over its classes. */
  kind: StoredLinear;
  /** Below this probability a predicted `other` is not confident, and the draft is reviewed as its likeliest ask. */
  otherConfidence: number;
  rules: Partial<Record<LearnedRule, StoredRule>>;
  /** How the weights were made: corpus files and their hashes, seed, settings. */
  trainedOn: unknown;
}

export interface LinearModel {
  classes: string[];
  bias: Float64Array;
  /** Row-major: classes × 2^bits. */
  weights: Float32Array;
  size: number;
}

export interface LearnedModels {
  bits: number;
  kind: LinearModel;
  otherConfidence: number;
  rules: Map<LearnedRule, { model: LinearModel; thresholds: RuleThresholds }>;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64_VALUE = new Map([...BASE64].map((ch, i) => [ch.charCodeAt(0), i]));

/** Base64 to bytes, written out so the core needs no platform API. */
export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = BASE64_VALUE.get(clean.charCodeAt(i));
    if (v === undefined) throw new Error("learned weights: not base64");
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

export function decodeLinear(stored: StoredLinear, bits: number): LinearModel {
  const bytes = decodeBase64(stored.weights);
  const ints = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  const size = 1 << bits;
  if (ints.length !== size * stored.classes.length) throw new Error("learned weights: size does not match bits × classes");
  const weights = new Float32Array(ints.length);
  for (let i = 0; i < ints.length; i++) weights[i] = ints[i]! * stored.scale;
  return { classes: stored.classes, bias: Float64Array.from(stored.bias), weights, size };
}

export function decodeWeights(stored: StoredWeights): LearnedModels {
  const rules = new Map<LearnedRule, { model: LinearModel; thresholds: RuleThresholds }>();
  for (const id of LEARNED_RULES) {
    const r = stored.rules[id];
    if (r) rules.set(id, { model: decodeLinear(r, stored.bits), thresholds: r.thresholds });
  }
  return { bits: stored.bits, kind: decodeLinear(stored.kind, stored.bits), otherConfidence: stored.otherConfidence, rules };
}

/** Raw scores, one per class. `extra` adds named cues known only at prediction time (e.g. the kind). */
export function scores(model: LinearModel, x: FeatureVector, extra: readonly number[] = []): number[] {
  const out: number[] = [];
  for (let c = 0; c < model.classes.length; c++) {
    const row = c * model.size;
    let s = model.bias[c]!;
    for (let i = 0; i < x.index.length; i++) s += model.weights[row + x.index[i]!]! * x.value[i]!;
    for (const k of extra) s += model.weights[row + k]!;
    out.push(s);
  }
  return out;
}

export function softmax(values: readonly number[]): number[] {
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
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

export function judgeKind(models: LearnedModels, x: FeatureVector): KindJudgment {
  const p = softmax(scores(models.kind, x));
  const probabilities = Object.fromEntries(models.kind.classes.map((c, i) => [c, p[i]!])) as Record<Kind, number>;
  let likeliestAsk: AskKind = "outreach";
  for (const c of models.kind.classes) if (c !== "other" && (probabilities[c as Kind] ?? 0) > (probabilities[likeliestAsk] ?? 0)) likeliestAsk = c as AskKind;
  const otherP = probabilities.other ?? 0;
  // An explicit review is an ask unless the text shows it is not: "other" must win clearly.
  const kind: Kind = otherP >= models.otherConfidence && otherP >= (probabilities[likeliestAsk] ?? 0) ? "other" : likeliestAsk;
  return { kind, probabilities, likeliestAsk };
}

/** Probability that a judgment rule fires on a draft of this kind. */
export function ruleProbability(models: LearnedModels, rule: LearnedRule, x: FeatureVector, kind: AskKind): number | null {
  const r = models.rules.get(rule);
  if (!r) return null;
  return sigmoid(scores(r.model, x, [cueIndex("kind:" + kind, models.bits)])[0]!);
}

/** Whether a rule fires, given the model's probability and whether the lexicon found the problem too. */
export function ruleFires(models: LearnedModels, rule: LearnedRule, probability: number, lexiconFires: boolean): boolean {
  const t = models.rules.get(rule)?.thresholds;
  if (!t) return lexiconFires;
  return probability >= (lexiconFires ? t.withLexicon : t.alone);
}
