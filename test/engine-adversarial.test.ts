/**
 * Fuzz: drafts built to make pattern matching backtrack (bench/adversarial.ts) at small and at
 * full size. Only output invariants are asserted; their timings are printed by `npm run bench`.
 */
import { ADVERSARIAL } from "../bench/adversarial";
import { MAX_REVIEWED_CHARS } from "../src/core/review";
import { expectWellFormed } from "./support/review-invariants";

const CASES = Object.entries(ADVERSARIAL);

describe.each([1_000, 49_000])("adversarial drafts of %i characters", (chars) => {
  test.each(CASES)("%s", (_name, generate) => {
    const text = generate(chars);
    expect(text.length).toBe(chars);
    const result = expectWellFormed(text);
    if (result.rewrite !== null) {
      expect(result.rewrite.length).toBeGreaterThan(0);
      expectWellFormed(result.rewrite.slice(0, MAX_REVIEWED_CHARS));
    }
  });
});
