import { mergeFindings } from "../src/core/merge-findings";
import type { Finding } from "../src/core/types";

const draft = "Hi Dana, I need you to introduce me to Sam at Northwind. I'll write you a recommendation in return.";
const blocker: Finding = { rule: "quid-pro-quo", severity: "blocker", start: 57, end: 99, message: "A trade.", why: "Traded praise is worth less." };
const warn: Finding = { rule: "no-graceful-out", severity: "warn", start: null, end: null, message: "No way out.", why: "Let them say no." };

describe("mergeFindings", () => {
  it("adds a model finding with the spec's severity and a span from its quote", () => {
    const merged = mergeFindings(draft, "intro_request", [warn], [{ rule: "demanding-tone", quote: "I need you to", message: "An order.", why: "Pressure." }]);
    expect(merged).toEqual([warn, { rule: "demanding-tone", severity: "warn", start: 9, end: 22, message: "An order.", why: "Pressure." }]);
    expect(draft.slice(9, 22)).toBe("I need you to");
  });

  it("drops unknown rule ids, rules that do not apply to the kind, and rules the engine counts itself", () => {
    const merged = mergeFindings(draft, "intro_request", [], [
      { rule: "be-nicer", quote: null, message: "m", why: "w" },
      { rule: "premature-pitch", quote: null, message: "m", why: "w" },
      { rule: "too-long", quote: null, message: "m", why: "w" },
    ]);
    expect(merged).toEqual([]);
  });

  it("never removes or changes a rule's finding, blockers included, and adds no duplicates", () => {
    const merged = mergeFindings(draft, "intro_request", [blocker, warn], [
      { rule: "quid-pro-quo", quote: null, message: "model says otherwise", why: "w" },
      { rule: "no-graceful-out", quote: null, message: "again", why: "w" },
      { rule: "no-timeline", quote: null, message: "When?", why: "A date helps." },
      { rule: "no-timeline", quote: null, message: "When, again?", why: "w" },
    ]);
    expect(merged.slice(0, 2)).toEqual([blocker, warn]);
    expect(merged.map((f) => f.rule)).toEqual(["quid-pro-quo", "no-graceful-out", "no-timeline"]);
    expect(merged[2]).toMatchObject({ severity: "tip", start: null, end: null });
  });

  it("keeps a quote the draft does not contain as an absence, and adds nothing to `other`", () => {
    const merged = mergeFindings(draft, "intro_request", [], [{ rule: "demanding-tone", quote: "you must", message: "m", why: "w" }]);
    expect(merged[0]).toMatchObject({ start: null, end: null });
    expect(mergeFindings("lunch?", "other", [], [{ rule: "demanding-tone", quote: null, message: "m", why: "w" }])).toEqual([]);
  });
});
