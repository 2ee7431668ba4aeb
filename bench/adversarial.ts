/**
 * Drafts built to make a pattern engine backtrack: long runs of the lexicon's own trigger words,
 * brackets, chat markup, mentions, links, blank lines, spaces, emoji, right-to-left text and
 * zero-width characters. Used by the fuzz test (output invariants) and `npm run bench` (timings).
 */

const ASK = "Hi Dana, could you introduce me to Sam at Acme? ";

/** `unit` repeated after a real ask, cut to exactly `chars` characters (never inside a surrogate pair). */
function run(unit: string, chars: number): string {
  const body = unit.repeat(Math.ceil(Math.max(0, chars - ASK.length) / unit.length) + 1);
  let text = (ASK + body).slice(0, chars);
  if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1) + " ";
  return text;
}

const numbered = (chars: number, item: (i: number) => string): string => {
  let text = ASK;
  for (let i = 0; text.length < chars; i++) text += item(i) + " ";
  return text.slice(0, chars);
};

export const ADVERSARIAL: Record<string, (chars: number) => string> = {
  "contact words in brackets": (n) => run("[email ", n),
  "open brackets": (n) => run("[", n),
  "empty brackets": (n) => run("[]", n),
  "merge fields": (n) => run("{{first_name ", n),
  markup: (n) => run("*_~`", n),
  "blank lines": (n) => run("\n", n),
  spaces: (n) => run(" ", n),
  "spaces and tabs": (n) => run(" \t", n),
  mentions: (n) => run("<@U123ABC> ", n),
  "distinct mentions": (n) => numbered(n, (i) => `<@U${100000 + i}>`),
  "distinct e-mails": (n) => numbered(n, (i) => `a${1000 + i}@example.com`),
  "short distinct mentions": (n) => numbered(n, (i) => `<@${i.toString(36)}>`),
  "short distinct e-mails": (n) => numbered(n, (i) => `a${i.toString(36)}@x.io`),
  "short distinct links": (n) => numbered(n, (i) => `http://x.io/${i.toString(36)}`),
  urls: (n) => run("https://example.com/a/b?c=d ", n),
  "slack links": (n) => run("<https://example.com|my deck> ", n),
  emoji: (n) => run("🙏🚀 :wave: ", n),
  "right-to-left": (n) => run("مرحبا، هل يمكنك؟ שלום ", n),
  "zero-width": (n) => run("a\u200b\u200d", n),
  "trigger words": (n) => run("intro me please asap recommend endorse follow up if you ", n),
  "could you": (n) => run("could you ", n),
  "i will": (n) => run("i'll i will ", n),
  "the": (n) => run("the ", n),
  "capitalised names": (n) => run("Dana Sam ", n),
  "full stops": (n) => run(". ", n),
  "no punctuation": (n) => run("a", n),
  digits: (n) => run("1 2 3 ", n),
  "phone-like": (n) => run("555-0147 ", n),
  "angle brackets": (n) => run("<", n),
  colons: (n) => run(":a", n),
  "at signs": (n) => run("a@", n),
  bullets: (n) => run("- ", n),
  "numbered lines": (n) => run("1.\n", n),
  quotes: (n) => run('"', n),
  commas: (n) => run(", ", n),
};
