/**
 * The forwardable note of a double opt-in: for an intro request, a short self-contained note the
 * connector can forward to the third person to ask whether they want the introduction. It says who
 * the sender is, how they know the connector, why this person, what they hope for and how to reach
 * them — in the sender's own words where the draft has them (turned to speak to the third person),
 * as a [placeholder] where it does not; nothing is invented. It is then reviewed like any draft and
 * repaired until no blocker or warning fires.
 */
import type { Finding, Kind } from "./types";
import type { HouseRules } from "./house-rules";
import { analyse, type Doc } from "./engine/text";
import { inspect } from "./engine/inspect";
import { MAX_BODY_SENTENCES } from "./engine/rules";
import { draftPeople } from "./engine/draft-people";
import { unwrapped } from "./engine/rewrite";
import { mentionsSomeoneElse, mentionsThirdPerson, toSecondPerson, type ThirdPerson } from "./engine/perspective";
import * as signals from "./engine/signals";
import { MAX_REVIEWED_CHARS } from "./review";

export interface ForwardableOptions {
  /** The workspace's house rules: the note is reviewed under them and kept within a stricter sentence limit. */
  policy?: HouseRules;
}

/** The note for a reviewed draft: a note for an intro request, null for any other kind. */
export function forwardableNoteFor(draft: string, result: { kind: Kind }, options: ForwardableOptions = {}): string | null {
  return result.kind === "intro_request" ? forwardableNote(draft, options) : null;
}

/* ---------- the fixed wording and its placeholders ---------- */

type Role = "who" | "link" | "why" | "hope" | "out";

const FILL = {
  who: (sender: string | null) => (sender ? `I'm ${sender}, [your role and where you work].` : "I'm [your full name, your role and where you work]."),
  /** How the sender knows the connector: it tells the third person why the ask came through them. */
  link: (connector: string) => `${connector} and I know each other from [where you met or worked together].`,
  why: "I'm reaching out to you in particular because [why them: their work, role or experience that fits your question].",
  hope: "I'd be grateful for [what you hope to get from them: advice on a question, a partnership or a hire].",
  out: (contacts: string[]) => `If you're open to an introduction, you can reach me at ${contacts.length ? contacts.join(" or ") : "[your email or phone]"}; if the timing isn't right, no pressure at all.`,
};
const UNNAMED_CONNECTOR = "[the name of the person forwarding this]";
const UNNAMED_SENDER = "[your full name]";

/* ---------- the draft's clauses ---------- */

interface Clause {
  text: string;
  /** Index of the body sentence it comes from. */
  sentence: number;
}

/** Chat markup as plain words: a link's label, a Teams mention's name, no emoji codes, emphasis marks or bullets. */
function plainWords(text: string): string {
  return text
    .replace(/<(?:https?:\/\/|mailto:)[^|>\s]+\|([^>]+)>/g, "$1")
    .replace(/<(https?:\/\/[^|>\s]+)>/g, "$1")
    .replace(/<at>([^<]*)<\/at>/gi, "$1")
    .replace(/:[a-z0-9_+-]{2,}:/gi, " ")
    .replace(/(^|\s)[*_~]+(?=\S)|(?<=\S)[*_~]+(?=\s|$|[.,!?;:])/g, "$1")
    .replace(/^\s*(?:>|[-•◦▪‣]|\d+[.)])\s+/gm, "")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** Words that speak to the connector (the draft's reader): a clause with them means nothing to the third person. */
const TO_CONNECTOR = /\b(?:you|your|yours|yourself|yourselves|u|ur|y'all|ya|thanks|thank|thx|hope|hoping you)\b/i;
const SUBJECT_AHEAD = "(?:i|i'm|i'd|i've|i'll|we|we're|we'd|we've|she|he|she's|he's|his|her|my|our|you|your|u|ur)\\b";
const CLAUSE_BREAK = new RegExp(
  [
    "\\s*;\\s*",
    "\\s+[-–—]+\\s+",
    ":\\s+",
    ",\\s*(?=(?:and|but|so|which|who|because|since|though|although)\\b)",
    ",\\s*(?=(?:could|would|can|will|do|did|might|any chance)\\s+(?:you|u)\\b)",
    `,\\s*(?=${SUBJECT_AHEAD})`,
    `\\s+(?:and|but)\\s+(?=${SUBJECT_AHEAD})`,
    "\\s*[.!?]+\\s*$",
  ].join("|"),
  "i",
);
const LEAD_IN = /^(?:and|but|also|anyway|plus|then|which brings me to|that's why|honestly|basically|actually|oh and|btw|ps|one more (?:thing|favou?r)|otherwise|so)[,\s]+(?!(?:that )?(?:i|we) (?:can|could)\b)/i;
const INLINE_GREETING = /^(?:hi|hey|hello|hiya|heya|dear|morning|good (?:morning|afternoon|evening))\b[^,!:.]{0,40}[,!:]\s*/i;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Asides that speak to the connector ("(your VP Finance)", ", who I know you managed,") go; the rest of the sentence stays. */
function withoutAsidesToConnector(text: string): string {
  return text
    .replace(/\s*\(([^)]*)\)/g, (m, inside: string) => (TO_CONNECTOR.test(inside) ? "" : m))
    .replace(/,\s*(?:who|whom|which)\b([^,]*),/gi, (m, inside: string) => (TO_CONNECTOR.test(inside) ? "" : m));
}

function clausesOf(doc: Doc, sentences: ReadonlyArray<{ start: number; end: number }>, them: ThirdPerson): Clause[] {
  const beforeThem = them.name ? new RegExp(`\\s+(?:and|but)\\s+(?=${escape(them.name)}\\b)`) : null;
  const out: Clause[] = [];
  sentences.forEach((sentence, index) => {
    let text = withoutAsidesToConnector(plainWords(doc.raw.slice(sentence.start, sentence.end)));
    if (index === 0) text = text.replace(INLINE_GREETING, "");
    for (const piece of text.split(CLAUSE_BREAK)) {
      for (let part of beforeThem ? (piece ?? "").split(beforeThem) : [piece ?? ""]) {
        part = part.trim();
        for (let i = 0; i < 3 && LEAD_IN.test(part); i++) part = part.replace(LEAD_IN, "");
        if (part) out.push({ text: fullI(part), sentence: index });
      }
    }
  });
  return out;
}

/** "i'm" and "im" as "I'm": the note is written in full words. */
function fullI(s: string): string {
  const forms: Record<string, string> = { i: "I", im: "I'm", "i'm": "I'm", ive: "I've", "i've": "I've", "i'd": "I'd", "i'll": "I'll" };
  return s.replace(/\b(?:i|im|i'm|ive|i've|i'd|i'll)\b/g, (m) => forms[m] ?? m);
}

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** Anything a note must not carry over: the ask to the connector, their way out, pressure, trades, boilerplate, merge fields. */
function unusable(clause: string): boolean {
  if (words(clause) < 3 || words(clause) > 40 || /[[\]{}<>]/.test(clause)) return true;
  const doc = analyse(clause);
  return Boolean(
    signals.introAsk(doc) ??
      signals.gracefulOut(doc) ??
      signals.demandingTone(doc) ??
      signals.quidProQuo(doc) ??
      signals.genericTemplate(doc) ??
      signals.salesPitch(doc) ??
      signals.mergeField(doc) ??
      signals.groupAddress(doc) ??
      signals.emailWorkaround(doc),
  );
}

/* ---------- what each clause says ---------- */

const DOING = "(?:working|leading|running|building|launching|raising|hiring|exploring|studying|starting|founding|managing|heading|teaching|researching|developing|designing|growing|piloting|rebuilding|applying|moving|transitioning|consulting|freelancing|interning|finishing|completing|pursuing|joining)";
/** A sentence that says who the sender is: a role, a company, what they are building or studying. */
const SELF = new RegExp(
  [
    `^(?:I'm|I am) (?:a|an|the|now|currently|part of|based|in my|on the|at|with|from|co-?founder|founder|head|director|${DOING})\\b`,
    `^I(?:'ve| have) been (?:a|an|at|with|${DOING})\\b`,
    "^I (?:work|run|lead|manage|joined|founded|co-?founded|started|head|own|teach|study|left)\\b",
    `^(?:we're|we are) (?:a|an|about to|${DOING})\\b`,
    "^we(?:'ve| have) (?:built|launched|raised|grown|just|recently)\\b",
    "^(?:my|our) (?:team|company|startup|firm|lab|group)\\b",
  ].join("|"),
  "i",
);
/** Words that make a sentence about the third person say why them: their work, role, company or expertise. */
const THEIR_WORK = /\b(?:startup|company|team|role|job|found(?:er|ed|ing)|co-?founder|lead|leading|manager|managing|engineer\w*|design\w*|student|semester|studying|phd|thesis|raising|building|launching|hiring|work\w*|run|running|joined|left|consultan\w*|business|firm|agency|product|platform|pilot|program\w*|project|experience|years|applying|exploring|career|graduat\w*|school|university|college|lab|clinic|practice|shop|studio|fund|seed|series|customers?|clients?|portfolio|led|runs|ran|built|heads|manages|wrote|published|reviewed|oversees|expert\w*|background|research\w*|knows)\b/i;
const HOPE =
  /^(?:(?:I|we)(?:'d| would) (?:really |very much |also |mostly |just )?(?:love|like|appreciate|value|welcome|be keen|be grateful|be glad)|(?:I|we) (?:really |mostly |mainly |just )?(?:want|wanted|hope|hoped|plan|need)(?: to)?\b|(?:I'm|I am|we're|we are) (?:hoping|looking|trying|keen|eager|planning)|(?:want|wanted|wanna|hoping|looking|trying|keen|planning|aiming|love) to\b|would (?:love|like)\b|(?:mostly|mainly|really|just) (?:want|hope)|so (?:that )?(?:I|we) (?:can|could)\b|to (?:ask|learn|hear|get|understand|pick|talk|discuss|see|find out|compare)\b)/i;
/** What a sender hopes to get from the third person: their time, advice, a question answered, a role. */
const WHAT_FROM_THEM =
  /\b(?:ask|asking|learn|hear|advice|advise|talk|chat|call|minutes|meet|understand|pick|perspective|take on|input|feedback|insight|questions?|discuss|guidance|mentor\w*|opinion|thoughts|compare|explore|pitch|show|interview|hire|hiring|role|opening|position|partner\w*|invest\w*|fund|raise|funding|collaborat\w*|whether|how)\b/i;
const LINK_LEAD = /^(?:since|as|because|after|when|now that|ever since|remember when|remember|given that)\s+/i;
/** A shared past with the connector, told as one: "we worked together…", "we met at…". */
const SHARED_PAST = /\b(?:worked|met|studied|ran|built|served|sat|shared|played|went|were|did|co-?\w+ed|collaborated|overlapped|known|launched|led|taught|coached|managed|organi[sz]ed|hosted|spent|started|finished|roomed|trained|volunteered|interned|reviewed|presented|spoke)\b/i;

/** A subjectless wish ("want to ask her…", "so I can ask…") as the sender's sentence. */
function asWish(clause: string): string {
  return clause
    .replace(/^(?:want|wanted|wanna) to\b/i, "I'd like to")
    .replace(/^would (love|like)\b/i, "I'd $1")
    .replace(/^love to\b/i, "I'd love to")
    .replace(/^(hoping|looking|trying|keen|planning|aiming) to\b/i, (_m, verb: string) => `I'm ${verb.toLowerCase()} to`)
    .replace(/^(?:mostly|mainly|really|just) (want|hope) to\b/i, (_m, verb: string) => `I ${verb.toLowerCase()} to`)
    .replace(/^so (?:that )?I (?:can|could)\b/i, "I'd like to")
    .replace(/^so (?:that )?we (?:can|could)\b/i, "we'd like to")
    .replace(/^to\b/i, "I'd like to");
}

/** "since we worked together on the Halvorsen rollout" → "Marcus and I worked together on the Halvorsen rollout". */
function asLink(clause: string, connector: string): string | null {
  const c = clause.replace(LINK_LEAD, "");
  if (!/^we(?:'ve| have| had|'re| are| were)?\s/i.test(c) || /\bus\b/i.test(c) || !SHARED_PAST.test(c)) return null;
  if (!signals.sharedContext(analyse(c))) return null;
  return c.replace(/^we('ve| have| had|'re| are| were)?\s/i, (_m, verb: string | undefined) => {
    const v = (verb ?? "").toLowerCase().trim();
    return `${connector} and I ${v === "'ve" ? "have " : v === "'re" ? "are " : v ? v + " " : ""}`;
  });
}

interface Found {
  self: string | null;
  link: string | null;
  why: string | null;
  hope: string | null;
}

/**
 * The draft's clauses for each part of the note, nearest to the ask first (an email's news about the
 * holidays is further from it than the sentence about the rebuild the sender wants advice on).
 */
function findClauses(clauses: Clause[], them: ThirdPerson, connector: string, askSentence: number): Found {
  const candidates: Record<keyof Found, Array<{ text: string; rank: number }>> = { self: [], link: [], why: [], hope: [] };
  const distance = (c: Clause) => Math.abs(c.sentence - askSentence) + (c.sentence < askSentence ? 0.5 : 0);
  const theirs = [them.pronouns === "she" ? "she|her" : them.pronouns === "he" ? "he|his" : "", them.name ? escape(them.name.split(" ")[0]!) : ""].filter(Boolean).join("|");
  const startsWithThem = theirs ? new RegExp(`^(?:${theirs})\\b`, "i") : null;
  clauses.forEach((clause, i) => {
    const text = clause.text;
    if (TO_CONNECTOR.test(text) || mentionsSomeoneElse(text, them) || unusable(text)) return;
    const aboutThem = mentionsThirdPerson(text, them);
    const link = asLink(text, connector);
    if (link) return void candidates.link.push({ text: link, rank: distance(clause) });
    const wish = HOPE.test(text) || (/^(?:I|we)\b/i.test(text) && signals.statedIntent(analyse(text)) !== null);
    const near = Math.abs(clause.sentence - askSentence) <= NEAR_THE_ASK;
    if (wish && near && (aboutThem || WHAT_FROM_THEM.test(text)) && !/\bfavou?r\b/i.test(text)) return void candidates.hope.push({ text: asWish(text), rank: distance(clause) - (aboutThem ? 10 : 0) });
    if (!aboutThem && SELF.test(text)) return void candidates.self.push({ text, rank: distance(clause) });
    if (Math.abs(clause.sentence - askSentence) > NEAR_THE_ASK || !THEIR_WORK.test(text)) return;
    if (startsWithThem?.test(text)) return void candidates.why.push({ text, rank: distance(clause) });
    const previous = clauses[i - 1];
    if (them.name && previous && new RegExp(`${escape(them.name)}$`).test(previous.text) && /^who\s+\S+/i.test(text)) {
      candidates.why.push({ text: text.replace(/^who\b/i, them.pronouns ?? "she"), rank: distance(clause) });
    }
  });
  const best = (list: Array<{ text: string; rank: number }>) => [...list].sort((a, b) => a.rank - b.rank)[0]?.text ?? null;
  return { self: best(candidates.self), link: best(candidates.link), why: best(candidates.why), hope: best(candidates.hope) };
}

/** Sentences from the ask within which the draft says why this person and what the sender hopes for. */
const NEAR_THE_ASK = 2;

/* ---------- the note ---------- */

interface Part {
  role: Role;
  text: string;
  /** The fixed wording this part falls back to when the sender's words do not pass review. */
  fallback: string;
}

const capitalise = (s: string): string => s.replace(/^([^\p{L}[]*)(\p{Ll})/u, (_m, pre: string, c: string) => pre + c.toUpperCase());
/** Lower-cases the first word of a clause that goes mid-sentence when it is an ordinary word (never "I" or a name). */
const lowerFirst = (s: string): string => s.replace(/^(?:If|We|You|Your|My|Our|The|This|That|It|Their|They|So|And|But|Since|As|Because)(?=\b)/, (w) => w.toLowerCase());
const sentence = (s: string): string => capitalise(s.replace(/[\s,;:.!?]+$/, "")) + ".";

function noteParts(doc: Doc): { parts: Part[]; greeting: string | null; signOff: string[] } {
  const people = draftPeople(doc);
  const them = people.thirdPerson;
  const connector = people.connector ?? UNNAMED_CONNECTOR;
  const ask = signals.introAsk(doc);
  const sentences = unwrapped(doc);
  const askSentence = ask ? Math.max(0, sentences.findIndex((s) => ask.start < s.end)) : 0;
  const found = findClauses(clausesOf(doc, sentences, them), them, connector, askSentence);
  const toThem = (clause: string) => toSecondPerson(clause, them);

  const who = FILL.who(people.sender);
  const link = FILL.link(connector);
  const out = FILL.out(people.contacts);
  return {
    greeting: them.salutation ? `Hi ${them.salutation},` : null,
    signOff: people.sender ? ["Thanks,", people.sender] : [],
    parts: [
      { role: "who", text: found.self ? sentence(`I'm ${people.sender ?? UNNAMED_SENDER}, and ${lowerFirst(found.self)}`) : who, fallback: who },
      { role: "link", text: found.link ? sentence(found.link) : link, fallback: link },
      { role: "why", text: found.why ? sentence(`I'm reaching out to you in particular because ${lowerFirst(toThem(found.why))}`) : FILL.why, fallback: FILL.why },
      { role: "hope", text: found.hope ? sentence(toThem(found.hope)) : FILL.hope, fallback: FILL.hope },
      { role: "out", text: out, fallback: out },
    ],
  };
}

/** Joins neighbouring sentences with a semicolon (one sentence as the rules count) until the note fits a stricter limit. */
function withinLimit(body: string[], limit: number): string[] {
  const out = [...body];
  for (let i = 0; out.length > limit && i < out.length - 2; i++) out.splice(i, 2, `${out[i]!.replace(/[.!]$/, "")}; ${lowerFirst(out[i + 1]!)}`);
  return out;
}

function assemble(greeting: string | null, body: string[], signOff: string[]): { text: string; ranges: Array<{ start: number; end: number }> } {
  let text = greeting ? `${greeting}\n\n` : "";
  const ranges: Array<{ start: number; end: number }> = [];
  body.forEach((s, i) => {
    if (i > 0) text += " ";
    ranges.push({ start: text.length, end: text.length + s.length });
    text += s;
  });
  if (signOff.length) text += `\n\n${signOff.join("\n")}`;
  return { text, ranges };
}

/** Which part a finding with no single place is about: the part whose fixed wording answers it. */
const PART_FOR_RULE: Partial<Record<Finding["rule"], Role>> = { "no-shared-context": "link", "unclear-intent": "hope" };

const MAX_REPAIRS = 6;

/** What keeps a note from being sent: any blocker or warning (a tip may stay). Length is settled by joining, after. */
function problemsIn(text: string, policy: HouseRules | undefined, ignoreLength: boolean): Finding[] {
  return inspect(text, policy ? { policy } : {}).findings.filter((f) => f.severity !== "tip" && !(ignoreLength && f.rule === "too-long"));
}

/**
 * The sender's words where they pass review: each part a finding points at (or, for something
 * missing, the part that supplies it) gives way to its fixed wording, until nothing fires.
 */
function repaired(parts: Part[], greeting: string | null, signOff: string[], policy: HouseRules | undefined): Part[] | null {
  for (let round = 0; round < MAX_REPAIRS; round++) {
    const note = assemble(greeting, parts.map((p) => p.text), signOff);
    const problems = problemsIn(note.text, policy, true);
    if (!problems.length) return parts;
    let changed = false;
    for (const problem of problems) {
      const at = problem.start;
      const index = at === null ? parts.findIndex((p) => p.role === PART_FOR_RULE[problem.rule]) : note.ranges.findIndex((r) => at < r.end && (problem.end ?? at) > r.start);
      const part = parts[index];
      if (part && part.text !== part.fallback) {
        part.text = part.fallback;
        changed = true;
      }
    }
    if (!changed) return null;
  }
  return null;
}

/**
 * The note for an intro request: at most five sentences (or the team's stricter limit), a graceful
 * way out for the third person, only the draft's facts or [placeholders]. Pure and deterministic.
 */
export function forwardableNote(draft: string, options: ForwardableOptions = {}): string {
  const doc = analyse(typeof draft === "string" ? draft.slice(0, MAX_REVIEWED_CHARS) : "");
  const { parts, greeting, signOff } = noteParts(doc);
  const limit = Math.min(MAX_BODY_SENTENCES, options.policy?.maxBodySentences ?? MAX_BODY_SENTENCES);
  const build = (ps: Part[]) => assemble(greeting, withinLimit(ps.map((p) => p.text), limit), signOff).text;
  const clean = repaired(parts, greeting, signOff, options.policy);
  const note = clean ? build(clean) : null;
  if (note !== null && !problemsIn(note, options.policy, false).length) return note;
  return build(parts.map((p) => ({ ...p, text: p.fallback })));
}
