/**
 * Turning the sender's words about the third person ("I'd love her take on our pilot") into words to
 * them ("I'd love your take on our pilot"), for the note the connector forwards. Pure string work on
 * one clause; it changes pronouns and the third person's name, never adds a fact.
 */

export type Pronouns = "she" | "he";

/** The third person as the draft names them: the full name and its first word, when the draft gives one. */
export interface ThirdPerson {
  name: string | null;
  pronouns: Pronouns | null;
}

const SUBJECT: Record<Pronouns, string> = { she: "she", he: "he" };
const OBJECT: Record<Pronouns, string> = { she: "her", he: "him" };
const POSSESSIVE: Record<Pronouns, string> = { she: "her", he: "his" };
const REFLEXIVE: Record<Pronouns, string> = { she: "herself", he: "himself" };
const OWN: Record<Pronouns, string> = { she: "hers", he: "his" };

/** Words after which a third person's "her" is the object ("ask her about"), not a possessive ("her team"). */
const NOT_A_NOUN = new Set(
  "a an the and or but so to of on in at for from with about into onto over under by as if how what whether when why who where which that this these those some any my our your his their its me us them him her you i we they it is was be been out up down off back too also again once first yet before after during until since then soon today tomorrow now later sometime next last".split(" "),
);
/** Words that may stand between a subject pronoun and its verb ("she also runs"). */
const ADVERB = "also|still|just|now|already|recently|even|often|actually|really|currently|usually|basically|literally|apparently|personally|previously|once";

const IRREGULAR: Record<string, string> = {
  is: "are",
  was: "were",
  has: "have",
  does: "do",
  "doesn't": "don't",
  "isn't": "aren't",
  "wasn't": "weren't",
  "hasn't": "haven't",
  says: "say",
  goes: "go",
};

/** "runs" → "run", "watches" → "watch", "carries" → "carry"; anything else (past tense, modals) unchanged. */
function verbForYou(verb: string): string {
  const lower = verb.toLowerCase().replace(/’/g, "'");
  if (IRREGULAR[lower]) return IRREGULAR[lower]!;
  if (!/^[a-z]{3,}s$/.test(lower) || /(?:ss|us|is|ous)$/.test(lower)) return verb;
  if (/[^aeiou]ies$/.test(lower) && lower.length > 4) return verb.slice(0, -3) + "y";
  if (/(?:sh|ch|x|z|o)es$/.test(lower)) return verb.slice(0, -2);
  return verb.slice(0, -1);
}

const keepCase = (from: string, to: string): string => (/^\p{Lu}/u.test(from) ? to.charAt(0).toUpperCase() + to.slice(1) : to);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The clause spoken to the third person: their name becomes "you" ("your" before 's), their
 * pronouns become "you"/"your"/"yourself", and the verb after "she"/"he" agrees ("she runs" → "you run").
 */
export function toSecondPerson(clause: string, person: ThirdPerson): string {
  let s = clause;
  if (person.name) {
    const first = person.name.split(" ")[0]!;
    const forms = [...new Set([person.name, ...(first.length >= 3 ? [first] : [])])].map(escape).join("|");
    s = s.replace(new RegExp(`(?<![\\p{L}\\d])(?:(?:Mr|Ms|Mrs|Dr|Prof)\\.?\\s+)?(?:${forms})(?:['’]s\\b|(?![\\p{L}\\d]))`, "gu"), (m) => (/['’]s$/.test(m) ? "your" : "you"));
  }
  const p = person.pronouns;
  if (!p) return s;
  const subject = SUBJECT[p];
  s = s.replace(new RegExp(`\\b${subject}['’](s been|s got|s|d|ll)(?![\\p{L}])`, "giu"), (m, c: string) => keepCase(m, "you") + (c === "s been" ? "'ve been" : c === "s got" ? "'ve got" : c === "s" ? "'re" : `'${c}`));
  s = s.replace(new RegExp(`\\b${subject}(?![\\p{L}'’])(\\s+)(?:(${ADVERB})(\\s+))?([\\p{L}'’-]+)`, "giu"), (m, space: string, adverb: string | undefined, gap: string | undefined, verb: string) =>
    keepCase(m, "you") + space + (adverb ? adverb + gap : "") + verbForYou(verb),
  );
  s = s.replace(new RegExp(`\\b${subject}(?![\\p{L}'’])`, "giu"), (m) => keepCase(m, "you"));
  s = s.replace(new RegExp(`\\b${REFLEXIVE[p]}\\b`, "gi"), (m) => keepCase(m, "yourself"));
  if (p === "he") {
    s = s.replace(/\bhim\b/gi, (m) => keepCase(m, "you"));
    s = s.replace(/\bhis\b(?=\s+[\p{L}\d])/giu, (m) => keepCase(m, "your"));
    s = s.replace(/\bhis\b/gi, (m) => keepCase(m, "yours"));
  } else {
    s = s.replace(/\bhers\b/gi, (m) => keepCase(m, "yours"));
    s = s.replace(/\bher\b(?=(\s+[\p{L}\d'’-]+)?)/giu, (m, tail: string | undefined) => keepCase(m, !tail || NOT_A_NOUN.has(tail.trim().toLowerCase()) ? "you" : "your"));
  }
  return s;
}

/** Whether a clause speaks of the third person (by name or pronoun). */
export function mentionsThirdPerson(clause: string, person: ThirdPerson): boolean {
  if (person.name) {
    const first = person.name.split(" ")[0]!;
    const forms = [person.name, ...(first.length >= 3 ? [first] : [])].map(escape).join("|");
    if (new RegExp(`(?<![\\p{L}\\d])(?:${forms})(?![\\p{L}\\d])`, "u").test(clause)) return true;
  }
  if (!person.pronouns) return false;
  const p = person.pronouns;
  return new RegExp(`\\b(?:${SUBJECT[p]}|${OBJECT[p]}|${POSSESSIVE[p]}|${REFLEXIVE[p]}|${OWN[p]})\\b`, "i").test(clause);
}

/** The other family of pronouns: a clause with them speaks of someone else, and is left out. */
export function mentionsSomeoneElse(clause: string, person: ThirdPerson): boolean {
  const other: Pronouns = person.pronouns === "he" ? "she" : "he";
  if (!person.pronouns) return /\b(?:she|her|hers|herself|he|him|his|himself)\b/i.test(clause);
  return new RegExp(`\\b(?:${SUBJECT[other]}|${OBJECT[other]}|${POSSESSIVE[other]}|${REFLEXIVE[other]}|${OWN[other]})\\b`, "i").test(clause);
}
