/**
 * The forwardable note (issue 13, item 3), as a property over many drafts: every intro request of the
 * training corpus and the shared dev set, and generated drafts with names, addresses, links, mentions
 * and numbers. The note never carries a fact the draft lacks, keeps to five sentences, gives the
 * third person a way out, and reviews clean of blockers and warnings.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { forwardableNote, forwardableNoteFor } from "../src/core/forwardable-note";
import { review } from "../src/core/review";
import { extractFacts } from "../src/core/rewrite-check";
import { analyse } from "../src/core/engine/text";
import { gracefulOut } from "../src/core/engine/signals";
import { toSecondPerson } from "../src/core/engine/perspective";
import { prng } from "../src/learning/linear";
import { DEFAULT_HOUSE_RULES } from "../src/core/house-rules";
import { GRACE, loadCorpus, SHARED_CORPUS, type LabelledDraft } from "./support/corpus";

const TRAIN = join(__dirname, "..", "corpus", "train");
const corpusIntros: LabelledDraft[] = [...readdirSync(TRAIN).filter((f) => f.endsWith(".jsonl")).flatMap((f) => loadCorpus(join(TRAIN, f))), ...loadCorpus(SHARED_CORPUS)].filter((d) => d.kind === "intro_request");

/** What the note adds that the draft lacks: names (capitalised words), e-mails, URLs, mentions, numbers. Placeholders are not facts. */
function inventedFacts(draft: string, note: string): string[] {
  const before = extractFacts(draft);
  const after = extractFacts(note);
  const added: string[] = [];
  for (const kind of ["email", "url", "mention", "number"] as const) for (const value of after[kind]) if (!before[kind].has(value)) added.push(`${kind}:${value}`);
  for (const name of after.names) if (!before.words.has(name)) added.push(`name:${name}`);
  return added;
}

/** Everything the note must be, whatever the draft; returns what is wrong (nothing, for a good note). */
function problemsWith(draft: string, note: string): string[] {
  const problems = inventedFacts(draft, note).map((f) => `invents ${f}`);
  const sentences = analyse(note).bodySentences.length;
  if (sentences > 5) problems.push(`${sentences} sentences`);
  if (!gracefulOut(analyse(note)) || !GRACE.test(note)) problems.push("no graceful out");
  const again = review(note);
  for (const f of again.findings) if (f.severity !== "tip") problems.push(`reviews with ${f.rule} (${f.severity})`);
  return problems;
}

test("the corpus has intro requests to check the note against", () => {
  expect(corpusIntros.length).toBeGreaterThanOrEqual(90);
});

test("for every intro request of the corpus, the note adds no fact, keeps to five sentences, has a way out and reviews clean", () => {
  const failures = corpusIntros.map((d) => ({ id: d.id, problems: problemsWith(d.text, forwardableNote(d.text)) })).filter((f) => f.problems.length);
  expect(failures).toEqual([]);
});

/* ---------- generated drafts ---------- */

const PEOPLE = ["Tessa Okafor", "Priya Raman", "Joaquim Reis", "Hal", "Mei Tanaka", "Daniel Osei", "Ines Carvalho", "Kate Lin"];
const CONNECTORS = ["Marcus", "Lena", "Sofia", "Tom", "Grace"];
const SENDERS = ["Jamie", "Ravi", "Ana Silva", "Noah"];
const ORGS = ["Brightwave", "Northgate Capital", "Lumen Labs", "Tallis Freight", "Kestrel"];
const GREETINGS = [(c: string) => `Hi ${c},\n\n`, (c: string) => `Hey ${c} - `, () => "", (c: string) => `<@U0${c.length}ABCDE> `, (c: string) => `Dear ${c},\n\n`];
const SELVES = [
  "I'm a product lead at {org} and we're rebuilding our billing stack.",
  "We're raising a seed round of 2.5M for our 14-person team.",
  "I'm exploring a move into developer relations after 6 years in support.",
  "",
];
const LINKS = ["Since we worked together on the {org} rollout, you came to mind.", "We met at the 2023 offsite in Lisbon.", ""];
const ASKS = [
  "Could you introduce me to {who} at {org}?",
  "any chance u could intro me to {who}? {pron} runs the platform team at {org}",
  "I'd love an intro to {who}, who I know you managed at {org}.",
  "Would you be comfortable connecting me with {who} in the next two weeks?",
];
const WHYS = ["{Pron} led the 40% cost cut on their data pipeline.", "{Pos} talk at the March meetup was the best one I saw.", ""];
const HOPES = ["I'd like to ask {obj} how they handled versioning across 3 apps.", "want to get {pos} take on our pricing before Q3", "I'm hoping to learn how {org} picks vendors.", ""];
const CONTACTS = ["You can reach me at jamie.lund@example.com or 555-0147.", "My number is +44 20 7946 0958.", "More about us: https://example.org/about", ""];
const OUTS = ["No worries if not!", "Totally fine to say no.", ""];
const SIGNS = [(s: string) => `\n\nThanks,\n${s}`, (s: string) => `\n\nBest, ${s}`, () => ""];

function generatedDraft(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const she = random() < 0.5;
  const fill = (s: string) =>
    s
      .replace(/\{who\}/g, pick(PEOPLE))
      .replace(/\{org\}/g, pick(ORGS))
      .replace(/\{Pron\}/g, she ? "She" : "He")
      .replace(/\{pron\}/g, she ? "she" : "he")
      .replace(/\{Pos\}/g, she ? "Her" : "His")
      .replace(/\{pos\}/g, she ? "her" : "his")
      .replace(/\{obj\}/g, she ? "her" : "him");
  const body = [pick(LINKS), pick(SELVES), pick(ASKS), pick(WHYS), pick(HOPES), pick(CONTACTS), pick(OUTS)].map(fill).filter(Boolean).join(" ");
  return pick(GREETINGS)(pick(CONNECTORS)) + body + pick(SIGNS)(pick(SENDERS));
}

test("for 300 generated drafts, the note adds no name, address, link, mention or number and stays within the rules", () => {
  const random = prng(13);
  const failures: Array<{ draft: string; note: string; problems: string[] }> = [];
  for (let i = 0; i < 300; i++) {
    const draft = generatedDraft(random);
    const note = forwardableNote(draft);
    const problems = problemsWith(draft, note);
    if (problems.length) failures.push({ draft, note, problems });
  }
  expect(failures.slice(0, 5)).toEqual([]);
});

test("drafts that are not intro requests, or not text, still get a note that invents nothing (the adapters only ask for intro requests)", () => {
  for (const draft of ["", "   ", "Thanks for the intro yesterday!", "x".repeat(60_000), "Hi [Name], {{first_name}} <FIRST NAME> call me ASAP at 555 0100 or you owe me", "Ünïcödé 🎉 <@U1> https://a.example/x 42"]) {
    expect(inventedFacts(draft, forwardableNote(draft))).toEqual([]);
    expect(analyse(forwardableNote(draft)).bodySentences.length).toBeLessThanOrEqual(5);
  }
  expect(forwardableNote(undefined as unknown as string)).toMatch(/no pressure at all/);
});

/* ---------- what the note says ---------- */

const JAMIE = `Hi Marcus,

Hope the new job is treating you well! Since we worked together on the Halvorsen rollout, I figured you'd be the right person to ask. I'm exploring a move into developer relations and I'd love 20 minutes of advice from Tessa Okafor, who I know you managed at Brightwave. Would you be comfortable introducing us sometime in the next couple of weeks? If you don't know her well enough to make that ask, no problem at all. You can reach me at jamie.lund@example.com or 555-0147 if you want to check anything first.

Thanks!
Jamie`;

test("the note speaks to the third person in the sender's words: who they are, how they know the connector, the hope, the contact", () => {
  const note = forwardableNote(JAMIE);
  expect(note.startsWith("Hi Tessa,\n\n")).toBe(true);
  expect(note).toContain("I'm Jamie, and I'm exploring a move into developer relations.");
  expect(note).toContain("Marcus and I worked together on the Halvorsen rollout.");
  expect(note).toContain("I'd love 20 minutes of advice from you.");
  expect(note).toContain("you can reach me at jamie.lund@example.com or 555-0147");
  expect(note).toMatch(/if the timing isn't right, no pressure at all\.\n\nThanks,\nJamie$/);
  // The connector's part of the draft stays out: the pleasantry, the ask to them, the aside about them.
  expect(note).not.toMatch(/new job|managed at Brightwave|comfortable introducing|right person to ask/);
  // What the draft does not say is left for the sender to fill in.
  expect(note).toContain("I'm reaching out to you in particular because [why them:");
});

test("what the draft lacks becomes a placeholder, never a made-up fact", () => {
  const note = forwardableNote("hey can you intro me to someone at Acme? np if not");
  expect(note).toContain("I'm [your full name, your role and where you work].");
  expect(note).toContain("[the name of the person forwarding this] and I know each other from [where you met or worked together].");
  expect(note).toContain("[what you hope to get from them:");
  expect(note).toContain("you can reach me at [your email or phone]");
  expect(note).not.toMatch(/@|\d|https?:/);
});

test("a note is offered for an intro request only", () => {
  expect(forwardableNoteFor(JAMIE, review(JAMIE))).toBe(forwardableNote(JAMIE));
  const recommendation = "Hi Dana, we worked together on the Acme launch for two years. Would you write me a short LinkedIn recommendation about the launch? No worries if you're too busy.";
  expect(review(recommendation).kind).toBe("recommendation_ask");
  expect(forwardableNoteFor(recommendation, review(recommendation))).toBeNull();
  expect(forwardableNoteFor("lunch?", { kind: "other" })).toBeNull();
});

test("a team's stricter sentence limit is kept by joining sentences, and nothing is lost", () => {
  const note = forwardableNote(JAMIE, { policy: { ...DEFAULT_HOUSE_RULES, maxBodySentences: 3 } });
  expect(analyse(note).bodySentences.length).toBeLessThanOrEqual(3);
  expect(note).toContain("Marcus and I worked together on the Halvorsen rollout");
  expect(note).toContain("jamie.lund@example.com or 555-0147");
  expect(review(note, { policy: { ...DEFAULT_HOUSE_RULES, maxBodySentences: 3 } }).findings.filter((f) => f.severity !== "tip")).toEqual([]);
});

test("the sender's words about the third person are turned to speak to them", () => {
  const she = { name: "Tessa Okafor", pronouns: "she" as const };
  const he = { name: "Sam", pronouns: "he" as const };
  expect(toSecondPerson("I'd love 30 minutes of her time to ask her about Tessa's talk", she)).toBe("I'd love 30 minutes of your time to ask you about your talk");
  expect(toSecondPerson("She runs the design systems team and she's been at Paloma for years", she)).toBe("You run the design systems team and you've been at Paloma for years");
  expect(toSecondPerson("His climate portfolio overlaps with ours, so I'd like to ask him whether he also invests early", he)).toBe("Your climate portfolio overlaps with ours, so I'd like to ask you whether you also invest early");
  expect(toSecondPerson("I'd like to meet Tessa Okafor before she is away", she)).toBe("I'd like to meet you before you are away");
});
