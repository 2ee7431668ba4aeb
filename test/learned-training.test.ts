/** The learned layer's training is reproducible, and the shipped weights load and judge. */
import { analyse } from "../src/core/engine/text";
import { featuresOf, lexiconEvidence } from "../src/core/engine/judge";
import { train, pack, predict } from "../src/learning/linear";
import { defaultModels } from "../src/core/learned/default-models";
import { judgeKind, scoresOf } from "../src/core/learned/model";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { LabelledDraft } from "../src/learning/corpus";
import { keySentenceExamples, trainKeySentenceModel } from "../src/learning/key-sentences";
import { keyFactChance, keySentenceFeatures } from "../src/core/learned/key-sentences";

const DRAFTS: Array<[string, number]> = [
  ["Hi Dana, could you introduce me to Sam at Acme? I'd like his advice on pricing. No worries if not.", 0],
  ["Would you write me a LinkedIn recommendation for the Atlas project we shipped together?", 1],
  ["Running late, start without me.", 2],
  ["Thanks for the intro yesterday, Sam and I are meeting Friday.", 2],
];

function examples(bits: number) {
  return DRAFTS.map(([text]) => ({ x: featuresOf(lexiconEvidence(analyse(text), undefined), bits) }));
}

test("training twice on the same data with the same seed gives identical weights", () => {
  const settings = { epochs: 5, learningRate: 0.2, l2: 1e-6, seed: 7 };
  const a = pack([train(examples(12), DRAFTS.map((d) => d[1]), 3, 12, settings)]);
  const b = pack([train(examples(12), DRAFTS.map((d) => d[1]), 3, 12, settings)]);
  expect(a).toEqual(b);
  const other = pack([train(examples(12), DRAFTS.map((d) => d[1]), 3, 12, { ...settings, seed: 8 })]);
  expect(other.weights).not.toEqual(a.weights);
});

test("a trained model separates what it was taught", () => {
  const model = train(examples(12), DRAFTS.map((d) => d[1]), 3, 12, { epochs: 20, learningRate: 0.3, l2: 1e-6, seed: 1 });
  DRAFTS.forEach(([, label], i) => {
    const p = predict(model, examples(12)[i]!);
    expect(p.indexOf(Math.max(...p))).toBe(label);
  });
});

test("the shipped weights are under 5 MB, load, and tell an intro request from chatter", () => {
  expect(statSync(join(__dirname, "..", "src", "core", "learned", "weights.json")).size).toBeLessThan(5_000_000);
  const stored = JSON.parse(readFileSync(join(__dirname, "..", "src", "core", "learned", "weights.json"), "utf8")) as { trainedOn: { files: unknown[] } };
  expect(stored.trainedOn.files.length).toBeGreaterThan(5);
  const models = defaultModels()!;
  const kindOf = (text: string) => judgeKind(models, scoresOf(models, featuresOf(lexiconEvidence(analyse(text), undefined), models.bits))).kind;
  expect(kindOf(DRAFTS[0]![0])).toBe("intro_request");
  expect(kindOf("Running late, start the standup without me, see you in 10.")).toBe("other");
});

describe("the key-sentence model (which sentences a rewrite's cut keeps)", () => {
  const drafts: LabelledDraft[] = [
    { id: "a", text: "Dear Ken,\n\nMy name is Dana Lee with Northgate.\nThe weather is nice.\nCould you introduce me to Sam Ortiz at Acme?\nWe had lunch.\n\nBest,\nDana", kind: "intro_request", flags: [], group: "a", file: "t", fresh: true, mustKeep: ["Dana Lee", "Sam Ortiz", "Acme"] },
    { id: "b", text: "Hi Jo,\n\nI'm Priya Nair from Brightwave.\nIt rained all week.\nWould you refer me for the analyst role at Halvorsen?\nThe coffee was good.\n\nThanks,\nPriya", kind: "outreach", flags: [], group: "b", file: "t", fresh: true, mustKeep: ["Priya Nair", "Halvorsen"] },
  ];

  test("its examples come from the must_keep labels, and training is reproducible", () => {
    const { labels } = keySentenceExamples(drafts);
    expect(labels).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
    const files = [{ path: "t", sha256: "x", drafts: 2 }];
    expect(trainKeySentenceModel(drafts, files).weights).toEqual(trainKeySentenceModel(drafts, files).weights);
  });

  test("the shipped model loads and rates a sentence with people and the ask above small talk and a fax line", () => {
    const models = defaultModels()!;
    expect(models.keySentences).toBeDefined();
    const chance = (text: string, at: number) => keyFactChance(models.keySentences!, keySentenceFeatures(text, analyse(text).norm, at, 6, models.keySentences!.bits));
    const ask = chance("Could you introduce me to Maria Gonzalez, the head of partnerships at Northwind Energy?", 2);
    expect(ask).toBeGreaterThan(chance("The weather has been lovely here this week.", 2));
    expect(ask).toBeGreaterThan(chance("Fax: 713-555-0148.", 5));
  });
});
