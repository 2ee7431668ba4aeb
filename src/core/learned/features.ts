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
  return fnv(FNV_START, text) >>> 0;
}

/** FNV-1a's offset basis as a 32-bit integer (the same bits; keeps the hashing loops on integers). */
const FNV_START = 0x811c9dc5 | 0;

/** FNV-1a continued over more text: `fnv(fnv(FNV_START, a), b)` hashes `a + b` without building it. */
function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

const step = (h: number, code: number): number => Math.imul(h ^ code, 0x01000193);

/** Text this long is plenty to judge a draft by; it bounds the work on pasted novels. */
const MAX_FEATURE_CHARS = 50_000;

/**
 * Tokens of the normalised text: apostrophes dropped ("let's" and "lets" are one word), digits
 * folded, so typos of punctuation do not change what the model sees.
 */
export function tokens(norm: string): string[] {
  const cut = norm.length > MAX_FEATURE_CHARS ? norm.slice(0, MAX_FEATURE_CHARS) : norm;
  // Digits folded in the whole text at once: a digit is part of a token either way, so tokens split the same.
  const text = cut.replace(/['\u2019`]/g, "").replace(/\d/g, "0");
  // Runs of letters and digits (\p{L}, \p{N}), and each "?" on its own, scanned by hand: a regex
  // with Unicode classes was the slowest part of reading a draft's words.
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let size = 1;
    let inWord: boolean;
    if (code < 128) inWord = ASCII_WORD[code] === 1;
    else {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) size = 2;
      inWord = WORD_CHAR.test(String.fromCodePoint(point));
    }
    if (inWord) {
      if (start < 0) start = i;
    } else {
      if (start >= 0) out.push(text.slice(start, i));
      start = -1;
      if (code === QUESTION_MARK) out.push("?");
    }
    i += size;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_v, code) => (WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 0));
const QUESTION_MARK = 63;

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

/**
 * The buckets of `ngrams(words)` followed by those of `requestGrams` (given the request sentences'
 * words), in the same order, hashed as the strings would be but without building them.
 */
export function gramBuckets(words: readonly string[], requestWords: readonly (readonly string[])[], bits: number): Int32Array {
  const mask = (1 << bits) - 1;
  let size = words.length * 3;
  let longest = 0;
  for (const w of words) {
    if (w.length > 2) size += 2 * w.length + 1;
    if (w.length > longest) longest = w.length;
  }
  for (const r of requestWords) size += 2 * r.length;
  const out = new Int32Array(size + 3);
  // " w " as character codes, for the 3- and 4-character pieces.
  const padded = new Int32Array(longest + 2);
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out[n++] = fnv(W, w) & mask;
    if (i + 1 < words.length) out[n++] = fnv(step(fnv(B, w), 32), words[i + 1]!) & mask;
    if (w.length > 2 && w !== "?") {
      const last = w.length + 1;
      padded[0] = 32;
      for (let k = 1; k < last; k++) padded[k] = w.charCodeAt(k - 1);
      padded[last] = 32;
      // All 3-character pieces first (ngrams' order), then each 4-character one: the hash of the
      // 3-character piece at its start, one character further.
      const first = n;
      for (let j = 0; j + 2 <= last; j++) out[n++] = step(step(step(C, padded[j]!), padded[j + 1]!), padded[j + 2]!);
      for (let j = 0; j + 3 <= last; j++) out[n++] = step(out[first + j]!, padded[j + 3]!) & mask;
      for (let j = first; j < first + last - 1; j++) out[j] = out[j]! & mask;
    }
  }
  for (let i = 0; i < Math.min(3, words.length); i++) out[n++] = fnv(F[i]!, words[i]!) & mask;
  for (const r of requestWords)
    for (let i = 0; i < r.length; i++) {
      out[n++] = fnv(R_WORD, r[i]!) & mask;
      if (i + 1 < r.length) out[n++] = fnv(step(fnv(R_PAIR, r[i]!), 32), r[i + 1]!) & mask;
    }
  return out.subarray(0, n);
}

const W = fnv(FNV_START, "w");
const B = fnv(FNV_START, "b");
const C = fnv(FNV_START, "c");
const F = [0, 1, 2].map((i) => fnv(FNV_START, "f" + i));
const R_WORD = fnv(FNV_START, "r");
const R_PAIR = fnv(FNV_START, "R");
/** A cue's hash is that of "#" and its name (see `vectorise`). */
const CUE = fnv(FNV_START, "#");

/** `vectorise` for grams already hashed to buckets (see `gramBuckets`): the same vector. */
export function vectoriseBuckets(buckets: ArrayLike<number>, cues: Cues, bits: number): FeatureVector {
  const mask = (1 << bits) - 1;
  // One bit per bucket: whether it is in the vector yet.
  const seen = new Uint32Array(((mask + 1) >>> 5) || 1);
  const index = new Array<number>(buckets.length);
  let n = 0;
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i]!;
    const bit = 1 << (b & 31);
    if (seen[b >>> 5]! & bit) continue;
    seen[b >>> 5]! |= bit;
    index[n++] = b;
  }
  index.length = n;
  const scale = index.length ? 1 / Math.sqrt(index.length) : 0;
  const value: number[] = new Array<number>(index.length).fill(scale);
  for (const c of cues) {
    const k = (fnv(CUE, c) >>> 0) & mask;
    const bit = 1 << (k & 31);
    if (seen[k >>> 5]! & bit) value[index.indexOf(k)]! += 1;
    else {
      seen[k >>> 5]! |= bit;
      index.push(k);
      value.push(1);
    }
  }
  return { index, value };
}

const REQUEST = /\?|^\W*(?:could|would|can|will|may|might|please|pls|kindly)\b|\b(?:would you|could you|can you|will you|i'd (?:love|like|appreciate|be grateful)|i would (?:love|like|appreciate|be grateful)|i was hoping|i'm hoping|please|let me know|are you open|interested in)\b/;
const MAX_REQUEST_SENTENCES = 4;

/**
 * Words and word pairs of the sentences that ask for something (a question, "could you…",
 * "I'd love…"), marked apart: what a draft asks for is said there, whatever surrounds it.
 */
export function requestGrams(doc: Doc): string[] {
  const out: string[] = [];
  for (const words of requestWords(doc))
    for (let i = 0; i < words.length; i++) {
      out.push("r" + words[i]);
      if (i + 1 < words.length) out.push("R" + words[i] + " " + words[i + 1]);
    }
  return out;
}

/** The words of each sentence that asks for something (at most four), as `requestGrams` reads them. */
export function requestWords(doc: Doc): string[][] {
  const out: string[][] = [];
  for (const s of doc.bodySentences.length ? doc.bodySentences : doc.sentences) {
    if (out.length >= MAX_REQUEST_SENTENCES) break;
    if (REQUEST.test(s.text)) out.push(tokens(s.text));
  }
  return out;
}

/** The words of a document's body (salutation and sign-off left out when the draft has a body). */
export function bodyTokens(doc: Doc): string[] {
  const body = doc.bodySentences.length ? doc.bodySentences : doc.sentences;
  return tokens(body.map((s) => s.text).join(" \n "));
}
