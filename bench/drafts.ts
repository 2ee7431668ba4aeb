// The same seeded PRNG the trainer uses, so every run sees the same drafts.
import { prng } from "../src/learning/linear";
/**
 * Drafts for the benchmarks. `uniqueDraft` varies names, numbers and wording so that no sentence
 * repeats across a run: the engine's sentence caches never help, as with real traffic.
 */

const FIRST = ["Dana", "Marcus", "Priya", "Tomasz", "Ines", "Kwame", "Leila", "Oskar", "Mei", "Rafael", "Sunita", "Jonas", "Aisha", "Bruno", "Hana", "Diego", "Freya", "Malik", "Noor", "Stefan", "Yara", "Colm", "Elif", "Viktor", "Amara", "Hugo", "Ravi", "Saoirse", "Tariq", "Wen"];
const LAST = ["Okafor", "Lund", "Moreau", "Haddad", "Nakamura", "Brennan", "Kowalski", "Adeyemi", "Silva", "Novak", "Fischer", "Rahimi", "Osei", "Larsen", "Quinn", "Petrov", "Duarte", "Mensah", "Sato", "Varga"];
const ORG = ["Brightwave", "Northgate", "Halvorsen", "Kestrel Logistics", "Acme", "Bluefin Health", "Cobalt Labs", "Driftwood", "Everline", "Fjord Systems", "Granite Bank", "Harbor AI", "Ironleaf", "Juniper Foods", "Kiln Studio", "Lumen Energy", "Meridian", "Nimbus Pay", "Orchard Retail", "Pinecrest"];
const PROJECT = ["rollout", "migration", "rebrand", "pilot", "launch", "audit", "redesign", "integration", "pricing review", "hiring drive", "onboarding revamp", "data pipeline"];
const TOPIC = ["developer relations", "product marketing", "supply chain analytics", "clinical operations", "design systems", "partnerships", "risk modelling", "customer success", "platform engineering", "growth"];
const DAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const EVENT = ["the founders' breakfast", "last year's offsite", "the Lisbon summit", "the data meetup", "the hackathon", "the alumni dinner"];

type Pick = <T>(items: readonly T[]) => T;

/** Sentence templates: asks, context, pressure, trades, pitches, outs, contact (so every rule runs). */
const TEMPLATES: Array<(p: Pick, n: () => number) => string> = [
  (p) => `Hi ${p(FIRST)}, hope the new role at ${p(ORG)} is treating you well!`,
  (p, n) => `Since we worked together on the ${p(ORG)} ${p(PROJECT)} back in ${2010 + (n() % 15)}, I figured you'd be the right person to ask.`,
  (p) => `Could you introduce me to ${p(FIRST)} ${p(LAST)} at ${p(ORG)} so I can ask about their ${p(TOPIC)} work?`,
  (p) => `I need you to send ${p(FIRST)} a note ${p(["today", "by " + p(DAY), "tonight"])}, it's ${p(["urgent", "time-sensitive", "important"])}.`,
  (p) => `If you do, I'll happily write you a LinkedIn recommendation about the ${p(PROJECT)} in return.`,
  (p) => `I saw your profile while researching ${p(TOPIC)} and wanted to add you to my professional network.`,
  (_p, n) => `Our platform cuts onboarding time by ${10 + (n() % 80)}% and plans start at $${20 + (n() % 400)} per month.`,
  (p) => `If LinkedIn asks for my email when you accept, just use ${p(FIRST).toLowerCase()}.${p(LAST).toLowerCase()}@example.com.`,
  (p, n) => `We could compare notes on the ${p(PROJECT)} data from ${n() % 90 + 5} stores, which might be useful for your team.`,
  (p) => `Sometime in the next ${p(["two", "three", "few"])} weeks would be ideal, and no worries at all if ${p(["not", "the timing is wrong", "it's a stretch"])}.`,
  (_p, n) => `You can reach me on 555-${String(1000 + (n() % 9000))} or at <https://example.com/cv${n() % 1000}|my CV> if that helps.`,
  (p) => `<@U0${p(["3KQ7ZP2", "9XA1BB4", "7LM2QQ8"])}> thanks again for the feedback on my ${p(["pitch deck", "portfolio", "talk"])} at ${p(EVENT)} :wave:`,
  (p, n) => `${p(FIRST)} ${p(LAST)} mentioned you led the ${p(PROJECT)} at ${p(ORG)} that cut costs by ${n() % 60 + 5}%.`,
  (p, n) => `Following up on my note from ${p(DAY)} about the ${p(TOPIC)} role, ticket ${n() % 100000}.`,
  (p) => `Would you be open to a ${p(["15", "20", "30"])}-minute call about ${p(TOPIC)} at ${p(ORG)}?`,
  (p) => `Totally fine if you'd rather not, ${p(FIRST)}, and thanks for reading either way.`,
];


/**
 * A draft of about `chars` characters whose sentences are unique to `seed`: every sentence carries
 * a name, number or wording drawn for it, and a serial number ties it to this draft.
 */
export function uniqueDraft(chars: number, seed: number): string {
  const random = prng(seed * 7919 + chars);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)]!;
  let counter = seed * 1000;
  const number = () => counter++ + Math.floor(random() * 1000);
  let text = "";
  for (let i = 0; text.length < chars; i++) {
    const sentence = TEMPLATES[Math.floor(random() * TEMPLATES.length)]!(pick, number);
    text += sentence.replace(/([.!?])$/, ` (ref ${seed}-${i})$1`) + (i % 4 === 3 ? "\n\n" : " ");
  }
  return text.slice(0, chars);
}
