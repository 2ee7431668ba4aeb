import type { Doc, Span } from "./text";
import { sentenceAt } from "./text";
import { requiredWords } from "./prefilter";
import { WordFinder } from "./word-finder";
import { perDocSlot } from "./per-doc";

/** A gap of up to n characters inside one sentence. */
export const gap = (n: number): string => `[^.!?\\n]{0,${n}}?`;

const compiled = new Map<string, RegExp>();

/**
 * A global regex from pieces (the normalised text is already lower-case). Compiled once per source:
 * the lexicon is written inline where it is used, and compiling it on every review would dominate.
 */
export function rx(...parts: string[]): RegExp {
  const source = parts.join("");
  let re = compiled.get(source);
  if (!re) {
    const pattern = apostrophesOptional(source);
    compiled.set(source, (re = new RegExp(pattern, "g")));
    const words = requiredWords(pattern);
    if (words) registerNeeds(re, words);
  }
  return re;
}

/** Every lexicon pattern compiled so far, with the words it needs (null: always run). */
export function lexiconPatterns(): Array<{ re: RegExp; words: readonly string[][] | null }> {
  return [...compiled.values()].map((re) => ({ re, words: needs.get(re)?.words ?? null }));
}

/**
 * The literal words the lexicon's patterns need, each once (cut to their first characters: a text
 * holding a word holds its start, and the automaton stays small), and the word sets of the patterns
 * each belongs to.
 */
const MAX_WORD_CHARS = 8;
const wordIds = new Map<string, number>();
const setsHolding: number[][] = [];
let setCount = 0;
/** Per pattern: its word sets (the text must hold a word of each), by id and in words. */
const needs = new WeakMap<RegExp, { sets: Int32Array; words: string[][] }>();
let finder: WordFinder | null = null;
let finderSets = 0;
const setsPresent = perDocSlot<Uint8Array>();

function registerNeeds(re: RegExp, words: string[][]): void {
  // A set with a one-letter word is in nearly every text: it is not worth looking for.
  const sets = words.filter((set) => set.every((word) => word.length > 1)).map((set) => {
    const id = setCount++;
    for (const word of set) {
      const key = word.slice(0, MAX_WORD_CHARS);
      let wordId = wordIds.get(key);
      if (wordId === undefined) {
        wordIds.set(key, (wordId = wordIds.size));
        setsHolding.push([]);
      }
      if (!setsHolding[wordId]!.includes(id)) setsHolding[wordId]!.push(id);
    }
    return id;
  });
  needs.set(re, { sets: Int32Array.from(sets), words });
}

/** Which word sets have a word in the text: one pass of the automaton over it, once per document. */
function presentIn(doc: Doc): Uint8Array {
  const known = setsPresent.get(doc);
  if (known && known.length === setCount) return known;
  // Built once the lexicon is compiled (again only if a pattern compiled later added words or sets).
  if (!finder || finderSets !== setCount) {
    finder = new WordFinder([...wordIds.keys()], setsHolding);
    finderSets = setCount;
  }
  const present = new Uint8Array(setCount);
  finder.markGroups(doc.norm, present);
  setsPresent.set(doc, present);
  return present;
}

/** False when the text lacks all the words of a set the pattern needs, so running it would find nothing. */
export function mayMatch(doc: Doc, re: RegExp): boolean {
  return holdsAll(presentIn(doc), needs.get(re)?.sets);
}

function holdsAll(present: Uint8Array, sets: Int32Array | undefined): boolean {
  if (!sets) return true;
  for (let i = 0; i < sets.length; i++) if (!present[sets[i]!]) return false;
  return true;
}

/** The word sets of each pattern of a list, looked up once per list rather than once per pattern and text. */
const listSets = new WeakMap<readonly RegExp[], Array<Int32Array | undefined>>();
function setsOfList(res: readonly RegExp[]): Array<Int32Array | undefined> {
  let sets = listSets.get(res);
  if (!sets) listSets.set(res, (sets = res.map((re) => needs.get(re)?.sets)));
  return sets;
}

/**
 * Makes every literal apostrophe of a pattern optional ("let's" also matches "lets", "don't" "dont"),
 * since chat drafts often drop them. Apostrophes inside a character class keep their meaning.
 */
export function apostrophesOptional(source: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\\") {
      out += ch + (source[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "]") inClass = false;
    out += ch === "'" && !inClass && source[i + 1] !== "?" ? "'?" : ch;
  }
  return out;
}

export type Guard = (doc: Doc, span: Span) => boolean;

const passes = (doc: Doc, span: Span, guards: readonly Guard[]): boolean => {
  for (const guard of guards) if (!guard(doc, span)) return false;
  return true;
};

/** The next match of `re` from `re.lastIndex` that passes all guards (guards run as matches are found). */
function nextMatch(doc: Doc, re: RegExp, guards: readonly Guard[]): Span | null {
  let m: RegExpExecArray | null;
  while ((m = re.exec(doc.norm))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const span = { start: m.index, end: m.index + m[0].length };
    if (passes(doc, span, guards)) return span;
  }
  return null;
}

/** Every match that passes all guards, in order. */
export function findAll(doc: Doc, re: RegExp, ...guards: Guard[]): Span[] {
  const found: Span[] = [];
  if (!mayMatch(doc, re)) return found;
  re.lastIndex = 0;
  for (let span = nextMatch(doc, re, guards); span; span = nextMatch(doc, re, guards)) found.push(span);
  return found;
}

/** The first match that passes all guards (stops there: most signals only need to know whether and where). */
export function findFirst(doc: Doc, re: RegExp, ...guards: Guard[]): Span | null {
  if (!mayMatch(doc, re)) return null;
  re.lastIndex = 0;
  return nextMatch(doc, re, guards);
}

/** The first match of the first pattern of the list that has one. */
export function findAny(doc: Doc, res: readonly RegExp[], ...guards: Guard[]): Span | null {
  const present = presentIn(doc);
  const sets = setsOfList(res);
  for (let i = 0; i < res.length; i++) {
    if (!holdsAll(present, sets[i])) continue;
    const re = res[i]!;
    re.lastIndex = 0;
    const hit = nextMatch(doc, re, guards);
    if (hit) return hit;
  }
  return null;
}

/** The clause before a match: from the last clause boundary in its sentence up to the match. */
export function clauseBefore(doc: Doc, span: Span): string {
  const sentence = sentenceAt(doc, span.start);
  // A clause is short: looking back 200 characters at most keeps a run-on "sentence" linear.
  const from = Math.max(sentence ? sentence.start : 0, span.start - 200);
  const before = doc.norm.slice(from, span.start);
  let cut = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(":"), before.lastIndexOf(" - "), before.lastIndexOf("("));
  for (const m of before.matchAll(/\s(?:but|although|though|yet|so|because|while|and)\s/g)) cut = Math.max(cut, m.index + m[0].length - 1);
  return cut >= 0 ? before.slice(cut + 1) : before;
}

export function sentenceText(doc: Doc, span: Span): string {
  const sentence = sentenceAt(doc, span.start);
  return sentence ? sentence.text : doc.norm.slice(Math.max(0, span.start - 80), span.end + 80);
}

const NEGATOR = /\b(?:not|never|no|n't|without|nor|hardly)\b|n't\b/;

/** The match is not negated within its clause ("not an ASAP thing", "won't ask again"). */
export const notNegated: Guard = (doc, span) => !NEGATOR.test(clauseBefore(doc, span).slice(-30));

/** The match is not inside an if/unless clause ("if you don't feel you know me well enough"). */
export const notConditional: Guard = (doc, span) => !/(?:^|\s)(?<!even )(?:if|unless|whether|in case)\s/.test(" " + clauseBefore(doc, span));

/** No negation between the subject and the verb of the match itself ("we haven't worked together"). */
export const notNegatedInside: Guard = (doc, span) => !NEGATOR.test(doc.norm.slice(span.start, span.end));

/** The sentence holding the match is not a yes/no question about it ("have we worked together?"). */
export const notAQuestionAbout =
  (subject: RegExp): Guard =>
  (doc, span) => {
    const s = sentenceText(doc, span);
    return !(/\?\s*$/.test(s.trim()) && subject.test(s));
  };

/** The sentence holding the match does not also match `re`. */
export const sentenceLacks =
  (re: RegExp): Guard =>
  (doc, span) => {
    re.lastIndex = 0;
    return !re.test(sentenceText(doc, span));
  };
