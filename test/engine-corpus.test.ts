import { BLIND2_CORPUS, BLIND3_CORPUS, BLIND4_CORPUS, BLIND5_CORPUS, BLIND_CORPUS, HELDOUT_CORPUS, SHARED_CORPUS, loadCorpus, scoreCorpus } from "./support/corpus";

/**
 * Regression guard on labelled drafts: the shared corpus (beside the project, as in CI) and the
 * held-out drafts written for this project. Thresholds sit below today's figures so that noise in
 * wording changes does not fail the build, while a real regression does.
 */
describe.each([
  ["shared dev corpus", SHARED_CORPUS, 0.9],
  ["held-out drafts", HELDOUT_CORPUS, 0.85],
  ["blind drafts", BLIND_CORPUS, 0.85],
  ["second blind drafts", BLIND2_CORPUS, 0.85],
  ["third blind drafts", BLIND3_CORPUS, 0.85],
  ["fourth blind drafts", BLIND4_CORPUS, 0.85],
  ["fifth blind drafts", BLIND5_CORPUS, 0.85],
])("%s", (_name, path, minMacroF1) => {
  const items = loadCorpus(path);
  const run = items.length ? test : test.skip;

  run(`macro-F1 stays at or above ${minMacroF1}`, () => {
    expect(scoreCorpus(items).macroF1).toBeGreaterThanOrEqual(minMacroF1);
  });

  run("kind and verdict accuracy stay at or above 0.85", () => {
    const score = scoreCorpus(items);
    expect(score.kindAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(score.verdictAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  run("every rewrite is short, graceful, faithful and clean on re-review", () => {
    expect(scoreCorpus(items).rewriteFailures).toEqual([]);
  });
});

test("the shared corpus is found beside the project, as CI runs it", () => {
  expect(loadCorpus(SHARED_CORPUS).length).toBeGreaterThan(100);
});
