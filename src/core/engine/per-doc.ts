import type { Doc } from "./text";

/**
 * Per document: the answers of the remembered functions, by slot (undefined: not asked yet). Kept
 * on the document object itself, under a key no copy carries (not enumerable, so `{ ...doc }` is a
 * new document with no answers): a property read costs less than a weak map lookup, and a review
 * asks hundreds of times.
 */
const ANSWERS = Symbol("answers");
type WithAnswers = Doc & { [ANSWERS]?: unknown[] };
let slots = 0;

/** The answers remembered with a document so far (created empty on first use). */
function answersOf(doc: Doc): unknown[] {
  const holder = doc as WithAnswers;
  let answers = holder[ANSWERS];
  if (!answers) Object.defineProperty(holder, ANSWERS, { value: (answers = []) });
  return answers;
}

/**
 * A pure function of a document, remembered with that document object: one review asks the same
 * question of the same draft or sentence many times (the classifier, the learned layer's cues, the
 * rules, the rewrite). Kept with the document, so nothing outlives it and no answer can change.
 * `compute` must never return undefined.
 */
export function perDoc<T>(compute: (doc: Doc) => T): (doc: Doc) => T {
  const slot = slots++;
  return (doc) => {
    const answers = answersOf(doc);
    let answer = answers[slot] as T | undefined;
    if (answer === undefined) answers[slot] = answer = compute(doc);
    return answer;
  };
}

/** A place to keep one value per document, for memos that need more than `perDoc` (checked or replaced by their owner). */
export function perDocSlot<T>(): { get(doc: Doc): T | undefined; set(doc: Doc, value: T): void } {
  const slot = slots++;
  return {
    get: (doc) => answersOf(doc)[slot] as T | undefined,
    set: (doc, value) => {
      answersOf(doc)[slot] = value;
    },
  };
}
