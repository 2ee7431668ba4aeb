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

/** Capitalised only where a sentence starts (a capital mid-sentence, as in run-on chat, would read as a name). */
function cased(to: string, offset: number, text: string): string {
  return offset === 0 || /[.!?]\s+$/.test(text.slice(Math.max(0, offset - 3), offset)) ? to.charAt(0).toUpperCase() + to.slice(1) : to;
}

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
    s = s.replace(new RegExp(`(?<![\\p{L}\\d])(?:(?:Mr|Ms|Mrs|Dr|Prof)\\.?\\s+)?(?:${forms})(?:['’]s\\b|(?![\\p{L}\\d]))`, "gu"), (m, at: number, text: string) => cased(/['’]s$/.test(m) ? "your" : "you", at, text));
  }
  const p = person.pronouns;
  if (!p) return s;
  const subject = SUBJECT[p];
  s = s.replace(new RegExp(`\\b${subject}['’](s been|s got|s|d|ll)(?![\\p{L}])`, "giu"), (_m, c: string, at: number, text: string) => cased("you", at, text) + (c === "s been" ? "'ve been" : c === "s got" ? "'ve got" : c === "s" ? "'re" : `'${c}`));
  s = s.replace(new RegExp(`\\b${subject}(?![\\p{L}'’])(\\s+)(?:(${ADVERB})(\\s+))?([\\p{L}'’-]+)`, "giu"), (_m, space: string, adverb: string | undefined, gap: string | undefined, verb: string, at: number, text: string) =>
    cased("you", at, text) + space + (adverb ? adverb + gap : "") + verbForYou(verb),
  );
  const simple = (pattern: RegExp, to: string) => (s = s.replace(pattern, (_m: string, ...rest: unknown[]) => cased(to, rest[rest.length - 2] as number, rest[rest.length - 1] as string)));
  simple(new RegExp(`\\b${subject}(?![\\p{L}'’])`, "giu"), "you");
  simple(new RegExp(`\\b${REFLEXIVE[p]}\\b`, "gi"), "yourself");
  if (p === "he") {
    simple(/\bhim\b/gi, "you");
    simple(/\bhis\b(?=\s+[\p{L}\d])/giu, "your");
    simple(/\bhis\b/gi, "yours");
  } else {
    simple(/\bhers\b/gi, "yours");
    s = s.replace(/\bher\b(?=(\s+[\p{L}\d'’-]+)?)/giu, (_m, tail: string | undefined, at: number, text: string) => cased(!tail || NOT_A_NOUN.has(tail.trim().toLowerCase()) ? "you" : "your", at, text));
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
