/**
 * The review engine's fast paths must give exactly what the plain definitions give: the word
 * finder what `includes` finds, the hashed n-grams what the n-gram strings hash to, the hand-made
 * tokeniser what its regex matches, the letter count what a per-letter regex counts. Checked on
 * every draft of the shipped corpora and on the adversarial drafts, where edge cases live.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ADVERSARIAL } from "../bench/adversarial";
import { WordFinder } from "../src/core/engine/word-finder";
import { languageOf } from "../src/core/engine/language";
import { analyse, emailSpans } from "../src/core/engine/text";
import { bodyTokens, gramBuckets, hashString, ngrams, requestGrams, requestWords, tokens, vectorise, vectoriseBuckets } from "../src/core/learned/features";
import { review } from "../src/core/review";

function corpusTexts(): string[] {
  const dir = join(__dirname, "..", "corpus");
  const texts: string[] = [];
  for (const part of ["train", "blind", "other-languages"])
    for (const name of ["chat.jsonl", "email.jsonl", "email-2.jsonl", "pages.jsonl"]) {
      let lines: string[];
      try {
        lines = readFileSync(join(dir, part, name), "utf8").split("\n");
      } catch {
        continue;
      }
      for (const line of lines) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
    }
  return texts;
}

const TEXTS = [...corpusTexts(), ...Object.values(ADVERSARIAL).map((generate) => generate(2_000)), "", "?", "a", "𝐀𝐁 x𝟙y l’école ١٢٣ 🙏 don't ??a?b", "\ud800abc\udc00"];

/** A third of them, for the checks that build every n-gram string (slow under ts-jest). */
const SOME = TEXTS.filter((_text, i) => i % 3 === 0 || i >= TEXTS.length - 40);

test("the corpora and adversarial drafts are there to check against", () => {
  expect(TEXTS.length).toBeGreaterThan(1_500);
});

describe("the word finder", () => {
  const words = ["you", "could you", "ou", "intro", "introduce", "re", "recommend", "€", "’s", "e-mail", "zzz", "a a", "  "];
  const finder = new WordFinder(words);

  test("finds exactly the words a text contains", () => {
    for (const text of TEXTS.slice(0, 600)) {
      const norm = analyse(text).norm;
      const found = new Set(finder.find(norm).map((id) => words[id]));
      const expected = new Set(words.filter((w) => norm.includes(w)));
      expect([text.slice(0, 40), [...found].sort()]).toEqual([text.slice(0, 40), [...expected].sort()]);
    }
  });

  test("marks the groups of the words a text contains", () => {
    // Word i is in group i, and every word with a "u" in it also in one shared group.
    const shared = words.length;
    const grouped = new WordFinder(words, words.map((w, i) => (w.includes("u") ? [i, shared] : [i])));
    for (const text of TEXTS.slice(0, 600)) {
      const norm = analyse(text).norm;
      const present = new Uint8Array(words.length + 1);
      grouped.markGroups(norm, present);
      const expected = words.map((w) => (norm.includes(w) ? 1 : 0));
      expected.push(words.some((w) => w.includes("u") && norm.includes(w)) ? 1 : 0);
      expect([text.slice(0, 40), Array.from(present)]).toEqual([text.slice(0, 40), expected]);
    }
  });

  test("lists each place a word occurs", () => {
    const ids = finder.find("could you introduce you");
    expect(ids.filter((id) => words[id] === "you")).toHaveLength(2);
    expect(ids.filter((id) => words[id] === "introduce")).toHaveLength(1);
  });
});

describe("the learned layer's features", () => {
  test("tokens are the runs of letters and digits, and each question mark", () => {
    const TOKEN = /[\p{L}\p{N}]+|[?]/gu;
    for (const text of TEXTS) {
      const norm = analyse(text).norm;
      const expected = [...norm.replace(/['\u2019`]/g, "").matchAll(TOKEN)].map((m) => m[0].replace(/\d/g, "0"));
      expect(tokens(norm)).toEqual(expected);
    }
  });

  test("hashed n-grams are the n-gram strings' buckets, in the same order", () => {
    for (const text of SOME) {
      const doc = analyse(text);
      const grams = [...ngrams(bodyTokens(doc)), ...requestGrams(doc)];
      expect(Array.from(gramBuckets(bodyTokens(doc), requestWords(doc), 16))).toEqual(grams.map((g) => hashString(g) & 0xffff));
    }
  });

  test("a vector from buckets is the vector from the strings", () => {
    const cues = ["s:introAsk", "lk:outreach", "n:5", "has-question", "s:introAsk"];
    for (const text of SOME) {
      const doc = analyse(text);
      const grams = [...ngrams(bodyTokens(doc)), ...requestGrams(doc)];
      expect(vectoriseBuckets(gramBuckets(bodyTokens(doc), requestWords(doc), 16), cues, 16)).toEqual(vectorise(grams, cues, 16));
    }
  });

  test("a cue that lands in a word's bucket adds to that word's value", () => {
    const bucket = hashString("#s:introAsk") & 0xff;
    const vector = vectoriseBuckets([7, bucket, 7], ["s:introAsk"], 8);
    expect(vector.index).toEqual(bucket === 7 ? [7] : [7, bucket]);
    expect(vector.value[vector.index.indexOf(bucket)]).toBeCloseTo(1 / Math.sqrt(vector.index.length) + 1, 12);
  });
});

test("the language check counts letters as a per-letter regex does", () => {
  // The plain count: fewer than 12 letters is English; under 60% Latin letters is another language.
  const byScript = (text: string): "en" | "other" | "by words" => {
    const letters = text.match(/\p{L}/gu) ?? [];
    if (letters.length < 12) return "en";
    const latin = letters.filter((ch) => /[A-Za-z\u00c0-\u024f]/.test(ch)).length;
    return latin / letters.length < 0.6 ? "other" : "by words";
  };
  const edges = ["Привет, как дела? Можешь познакомить меня с Анной", "مرحبا، هل يمكنك تقديمي إلى سارة في الشركة؟", "𝐇𝐞𝐥𝐥𝐨 𝐃𝐚𝐧𝐚, 𝐜𝐨𝐮𝐥𝐝 𝐲𝐨𝐮 𝐢𝐧𝐭𝐫𝐨", "abcdefghijk", "abcdefghijkl", "Ωμέγα abc", "ÀÉÎÕÜàéîõüÿĀāĂ ɏ ɐ ×÷ xyz"];
  const seen = new Set<string>();
  for (const text of [...TEXTS, ...edges]) {
    const expected = byScript(text);
    seen.add(expected);
    if (expected !== "by words") expect([text.slice(0, 40), languageOf(text)]).toEqual([text.slice(0, 40), expected]);
  }
  expect([...seen].sort()).toEqual(["by words", "en", "other"]);
});

test("e-mail addresses are found from each @ exactly as the address pattern finds them", () => {
  const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
  const made: string[] = ["a@b.c+d@e.f", "a@b.c.d@e.f", "a@@b.c", "a@b.c.", "x@y", "@a.b", "foo+bar@x-y.z"];
  // Short strings of address characters, "@", dots and spaces: every way two addresses can touch.
  let seed = 1;
  for (let i = 0; i < 5_000; i++) {
    let text = "";
    for (let j = 0; j < 1 + (i % 24); j++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      text += "ab.@+-_ x1"[seed % 10];
    }
    made.push(text);
  }
  let addresses = 0;
  for (const text of [...TEXTS, ...made]) {
    const expected = [...text.matchAll(EMAIL)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    expect([text.slice(0, 40), emailSpans(text)]).toEqual([text.slice(0, 40), expected]);
    addresses += expected.length;
  }
  expect(addresses).toBeGreaterThan(300);
});

test("a review does not depend on the reviews before it", () => {
  const draft = "Hi Dana,\n\nCould you introduce me to Sam Okafor at Acme? I need it by Friday, it's urgent. I'll write you a recommendation in return.\n\nThanks,\nJo";
  const first = review(draft);
  for (const text of TEXTS.slice(0, 200)) review(text);
  expect(review(draft)).toEqual(first);
  expect(first.rewrite).not.toBeNull();
});
