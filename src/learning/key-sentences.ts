/**
 * Trains the key-sentence model (src/core/learned/key-sentences.ts) from the corpus's `must_keep`
 * labels: each body sentence the rewrite starts from is a positive example when it holds one of
 * the draft's key facts. Called by `npm run train`; on its own, for experiments:
 *
 *   node dist/src/learning/key-sentences.js [--manifest corpus/training.json] [--out FILE] [--exclude a,b]
 *   (--exclude leaves out corpus files whose path contains any of the words, to measure on them)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { analyse } from "../core/engine/text";
import { rewriteCandidates } from "../core/engine/rewrite";
import { MAX_REVIEWED_CHARS } from "../core/review";
import { keySentenceFeatures, type StoredKeySentenceModel } from "../core/learned/key-sentences";
import { pack, train, type Example, type TrainingSettings } from "./linear";
import { corpusFiles, readCorpus, type CorpusFile, type LabelledDraft } from "./corpus";

export const KEY_SENTENCE_BITS = 14;
const SETTINGS: TrainingSettings = { epochs: 8, learningRate: 0.1, l2: 1e-5, seed: 20261204 };

export function keySentenceExamples(drafts: readonly LabelledDraft[], bits = KEY_SENTENCE_BITS): { examples: Example[]; labels: number[] } {
  const examples: Example[] = [];
  const labels: number[] = [];
  for (const draft of drafts) {
    if (!draft.mustKeep.length || draft.kind === "other") continue;
    const facts = draft.mustKeep.map((f) => f.toLowerCase());
    const sentences = rewriteCandidates(analyse(draft.text.slice(0, MAX_REVIEWED_CHARS)), draft.kind);
    sentences.forEach((text, i) => {
      examples.push({ x: keySentenceFeatures(text, analyse(text).norm, i, sentences.length, bits) });
      const lower = text.toLowerCase();
      labels.push(facts.some((f) => lower.includes(f)) ? 1 : 0);
    });
  }
  return { examples, labels };
}

export function trainKeySentenceModel(drafts: readonly LabelledDraft[], files: readonly CorpusFile[]): StoredKeySentenceModel {
  const { examples, labels } = keySentenceExamples(drafts);
  const model = train(examples, labels, 1, KEY_SENTENCE_BITS, SETTINGS);
  const packed = pack([model]);
  const positives = labels.filter((l) => l === 1).length;
  return { format: 1, bits: KEY_SENTENCE_BITS, bias: packed.bias[0]!, scale: packed.scales[0]!, weights: packed.weights, trainedOn: { files, seed: SETTINGS.seed, settings: SETTINGS, sentences: labels.length, withKeyFacts: positives } };
}

function main(): void {
  const argv = process.argv.slice(2);
  let manifest = "corpus/training.json";
  let out = "src/core/learned/key-sentences.json";
  let exclude: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--manifest") manifest = argv[++i]!;
    else if (argv[i] === "--out") out = argv[++i]!;
    else if (argv[i] === "--exclude") exclude = argv[++i]!.split(",");
    else throw new Error(`unknown option ${argv[i]}`);
  }
  const base = dirname(resolve(manifest));
  const drafts: LabelledDraft[] = [];
  const files: CorpusFile[] = [];
  for (const path of corpusFiles(base, (JSON.parse(readFileSync(manifest, "utf8")) as { files: string[] }).files)) {
    if (exclude.some((word) => path.includes(word))) continue;
    const c = readCorpus(resolve(base, path));
    files.push({ ...c.file, path });
    drafts.push(...c.drafts);
  }
  const stored = trainKeySentenceModel(drafts, files);
  writeFileSync(out, JSON.stringify(stored) + "\n");
  console.log(`wrote ${out}: ${(stored.trainedOn as { sentences: number }).sentences} sentences from ${files.length} files`);
}

if (require.main === module) main();
