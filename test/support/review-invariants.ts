import { review } from "../../src/core/review";
import { KINDS, RULE_IDS } from "../../src/core/types";

const VERDICTS = ["ready", "revise", "dont-send", "not-an-ask"];

/** Reviews a text and checks what must hold for any input: known kind, verdict and rules, spans inside the text, a full checklist. */
export function expectWellFormed(text: string) {
  const result = review(text);
  expect(KINDS).toContain(result.kind);
  expect(VERDICTS).toContain(result.verdict);
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(100);
  for (const f of result.findings) {
    expect(RULE_IDS).toContain(f.rule);
    expect(f.message.length).toBeGreaterThan(10);
    expect(f.why.length).toBeGreaterThan(10);
    if (f.start !== null && f.end !== null) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeGreaterThan(f.start);
      expect(f.end).toBeLessThanOrEqual(text.length);
    }
  }
  if (result.notice?.code === "unsupported-language") {
    expect(result.score).toBeLessThan(100);
    expect(result.checklist).toEqual([]);
  } else expect(result.checklist.map((c) => c.id)).toEqual(["who-you-are", "what-you-ask", "mutual-help", "why-it-matters", "timeline"]);
  return result;
}

