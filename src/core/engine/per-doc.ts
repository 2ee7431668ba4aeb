import type { Doc } from "./text";

const remembered = new WeakMap<Doc, Map<unknown, unknown>>();

/**
 * A pure function of a document, remembered with that document object: one review asks the same
 * question of the same draft or sentence many times (the classifier, the learned layer's cues, the
 * rules, the rewrite). Kept with the document, so nothing outlives it and no answer can change.
 */
export function perDoc<T>(compute: (doc: Doc) => T): (doc: Doc) => T {
  return (doc) => {
    let answers = remembered.get(doc);
    if (!answers) remembered.set(doc, (answers = new Map()));
    if (answers.has(compute)) return answers.get(compute) as T;
    const answer = compute(doc);
    answers.set(compute, answer);
    return answer;
  };
}
