import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lexiconPatterns, mayMatch } from "../src/core/engine/match";
import { requiredWords } from "../src/core/engine/prefilter";
import { analyse } from "../src/core/engine/text";
import { review } from "../src/core/review";

describe("the words a pattern needs", () => {
  test.each([
    ["\\bpick your brain\\b", [["pick your brain"]]],
    ["\\b(?:could|would) you (?:ask|tell)\\b", [["could you ask", "could you tell", "would you ask", "would you tell"]]],
    ["\\bi(?:'?ll| will)\\b", [["i'll", "ill"]]],
    ["\\[(?:[^\\]]*\\b(?:e-?mail|phone)\\b[^\\]]*)\\]", [["e-mail", "email", "phone"], ["["], ["]"]]],
    ["\\bfoo\\b(?=[\\s\\S]*\\bbar\\b)", [["bar"], ["foo"]]],
    ["\\byou\\b(?: \\w+){0,2} (?:managed|coached)\\b[^.]{0,30}\\b(?:me|my)\\b", [[" managed", " coached"], ["you"], ["me", "my"]]],
  ])("%s", (source, sets) => {
    expect(requiredWords(source)).toEqual(sets);
  });

  test.each([
    ["(?:a|b)?c", "c"],
    ["x|y?", ""],
    ["\\w+", "q"],
    ["[^.]{0,3}z?", "ab"],
    ["(?<name>x)", "x"],
    ["\\u0041bc", "Abc"],
    ["(?:ab|c)+d", "cd"],
    ["a{2}b", "aab"],
  ])("%s: no word it names is missing from a match (%s)", (source, sample) => {
    expect(new RegExp(source).test(sample)).toBe(true);
    const words = requiredWords(source);
    for (const set of words ?? []) expect(set.some((w) => sample.includes(w))).toBe(true);
  });

  test("an optional pattern needs nothing", () => {
    expect(requiredWords("a?")).toBeNull();
    expect(requiredWords("(?:foo|bar)*")).toBeNull();
  });
});

/** Every draft of the shipped corpora: the property must hold on real text, not only on made-up strings. */
function corpusTexts(): string[] {
  const dir = join(__dirname, "..", "corpus");
  const texts: string[] = [];
  for (const part of ["train", "blind"])
    for (const name of ["chat.jsonl", "email.jsonl", "pages.jsonl"])
      for (const line of readFileSync(join(dir, part, name), "utf8").split("\n")) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  return texts;
}

test("a pattern is never skipped on a text where it matches", () => {
  review("Hi Dana, could you introduce me to Sam at Acme?"); // compiles every lexicon pattern
  const patterns = lexiconPatterns();
  expect(patterns.length).toBeGreaterThan(300);
  expect(patterns.filter((p) => p.words).length / patterns.length).toBeGreaterThan(0.9);
  let matched = 0;
  for (const text of corpusTexts()) {
    const doc = analyse(text);
    for (const { re } of patterns) {
      re.lastIndex = 0;
      if (!re.test(doc.norm)) continue;
      matched++;
      expect([re.source, mayMatch(doc, re)]).toEqual([re.source, true]);
    }
  }
  expect(matched).toBeGreaterThan(1000);
});

test("a pattern whose words are absent is skipped", () => {
  review("Hi Dana, could you introduce me to Sam at Acme?");
  const doc = analyse("Lovely weather today.");
  const pickYourBrain = lexiconPatterns().find((p) => p.re.source.includes("pick your brain"))!;
  expect(pickYourBrain.words).toEqual([["pick your brain"]]);
  expect(mayMatch(doc, pickYourBrain.re)).toBe(false);
  expect(mayMatch(analyse("Could I pick your brain?"), pickYourBrain.re)).toBe(true);
});
