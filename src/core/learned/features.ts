/**
 * Features for the learned judgment layer: hashed word and character n-grams of the normalised
 * draft, plus the lexicon's signals and a few counts. One function used both by training and at
 * review time, so the two can never drift apart. Pure and deterministic.
 */
import type { Doc } from "../engine/text";

/** A sparse feature vector: parallel arrays of bucket indexes and values. */
export interface FeatureVector {
  index: number[];
  value: number[];
}

/** Named, unhashed features computed from the lexicon (signals, counts); each is 0/1. */
export type Cues = readonly string[];

/** FNV-1a, 32 bits: a fast, stable string hash (the same bucket on every platform and run). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Text this long is plenty to judge a draft by; it bounds the work on pasted novels. */
const MAX_FEATURE_CHARS = 50_000;
const TOKEN = /[\p{L}\p{N}]+|[?]/gu;

/**
 * Tokens of the normalised text: apostrophes dropped ("let's" and "lets" are one word), digits
 * folded, so typos of punctuation do not change what the model sees.
 */
export function tokens(norm: string): string[] {
  const text = norm.length > MAX_FEATURE_CHARS ? norm.slice(0, MAX_FEATURE_CHARS) : norm;
  const out: string[] = [];
  for (const m of text.replace(/['\u2019`]/g, "").matchAll(TOKEN)) out.push(m[0].replace(/\d/g, "0"));
  return out;
}

/** The n-gram strings of a token list: words, word pairs, and 3- to 4-character pieces of each word. */
export function ngrams(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out.push("w" + w);
    if (i + 1 < words.length) out.push("b" + w + " " + words[i + 1]);
    if (w.length > 2 && w !== "?") {
      const padded = " " + w + " ";
      for (let n = 3; n <= 4; n++) for (let j = 0; j + n <= padded.length; j++) out.push("c" + padded.slice(j, j + n));
    }
  }
  // How the body opens says a lot ("thanks for…", "following up…", "would you…").
  for (let i = 0; i < Math.min(3, words.length); i++) out.push("f" + i + words[i]);
  return out;
}

/**
 * The feature vector of a text: n-grams (binary, scaled to unit length so long drafts weigh the
 * same as short ones) plus cues (weight 1 each).
 */
export function vectorise(grams: readonly string[], cues: Cues, bits: number): FeatureVector {
  const mask = (1 << bits) - 1;
  const seen = new Map<number, number>();
  for (const g of grams) seen.set(hashString(g) & mask, 1);
  const scale = seen.size ? 1 / Math.sqrt(seen.size) : 0;
  for (const [k] of seen) seen.set(k, scale);
  for (const c of cues) {
    const k = hashString("#" + c) & mask;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return { index: [...seen.keys()], value: [...seen.values()] };
}

const REQUEST = /\?|^\W*(?:could|would|can|will|may|might|please|pls|kindly)\b|\b(?:would you|could you|can you|will you|i'd (?:love|like|appreciate|be grateful)|i would (?:love|like|appreciate|be grateful)|i was hoping|i'm hoping|please|let me know|are you open|interested in)\b/;
const MAX_REQUEST_SENTENCES = 4;

/**
 * Words and word pairs of the sentences that ask for something (a question, "could you…",
 * "I'd love…"), marked apart: what a draft asks for is said there, whatever surrounds it.
 */
export function requestGrams(doc: Doc): string[] {
  const out: string[] = [];
  let taken = 0;
  for (const s of doc.bodySentences.length ? doc.bodySentences : doc.sentences) {
    if (taken >= MAX_REQUEST_SENTENCES) break;
    if (!REQUEST.test(s.text)) continue;
    taken++;
    const words = tokens(s.text);
    for (let i = 0; i < words.length; i++) {
      out.push("r" + words[i]);
      if (i + 1 < words.length) out.push("R" + words[i] + " " + words[i + 1]);
    }
  }
  return out;
}

/** The words of a document's body (salutation and sign-off left out when the draft has a body). */
export function bodyTokens(doc: Doc): string[] {
  const body = doc.bodySentences.length ? doc.bodySentences : doc.sentences;
  return tokens(body.map((s) => s.text).join(" \n "));
}
