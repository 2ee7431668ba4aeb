import type { Doc } from "./text";

/** Per document: the answers of the remembered functions, by slot (undefined: not asked yet). */
const remembered = new WeakMap<Doc, unknown[]>();
let slots = 0;

/**
 * A pure function of a document, remembered with that document object: one review asks the same
 * question of the same draft or sentence many times (the classifier, the learned layer's cues, the
 * rules, the rewrite). Kept with the document, so nothing outlives it and no answer can change.
 * `compute` must never return undefined.
 */
export function perDoc<T>(compute: (doc: Doc) => T): (doc: Doc) => T {
  const slot = slots++;
  return (doc) => {
    let answers = remembered.get(doc);
    if (!answers) remembered.set(doc, (answers = []));
    let answer = answers[slot] as T | undefined;
    if (answer === undefined) answers[slot] = answer = compute(doc);
    return answer;
  };
}
