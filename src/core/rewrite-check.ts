import { review } from "./review";
import type { ReviewResult, RuleId } from "./types";
import { keyFactsOf } from "./engine/rewrite";

/** Rules a rewrite must not fire when reviewed again (spec: "Rewrite requirements", 1–3). */
export const FORBIDDEN_IN_REWRITE: readonly RuleId[] = [
  "too-long",
  "no-graceful-out",
  "quid-pro-quo",
  "generic-template",
  "demanding-tone",
  "email-workaround",
  "premature-pitch",
  "mass-blast",
];

export type FactKind = "email" | "url" | "mention" | "name" | "number";

export type RewriteFailure =
  | { code: "empty"; message: string }
  | { code: "not-an-ask"; message: string }
  | { code: "rule"; rule: RuleId; message: string }
  | { code: "added-fact"; fact: FactKind; value: string; message: string }
  | { code: "dropped-fact"; fact: FactKind; value: string; message: string };

/**
 * Verifies a model's rewrite of `draft` before anyone sees it: the deterministic engine reviews it
 * and it must meet the spec's rewrite requirements, and it must add no e-mail address, URL, mention,
 * name or number the draft lacks, nor drop one the draft has. Returns the failures; [] means it passed.
 */
export function checkRewrite(draft: string, draftReview: ReviewResult, rewrite: string): RewriteFailure[] {
  if (!rewrite.trim()) return [{ code: "empty", message: "The rewrite is empty." }];
  const failures: RewriteFailure[] = [];
  const again = review(rewrite);
  if (again.kind === "other") failures.push({ code: "not-an-ask", message: "The rewrite no longer reads as the sender's ask; keep the ask itself." });
  for (const finding of again.findings) {
    if (FORBIDDEN_IN_REWRITE.includes(finding.rule)) failures.push({ code: "rule", rule: finding.rule, message: `${finding.rule}: ${finding.message}` });
  }

  const before = extractFacts(draft);
  const after = extractFacts(rewrite);
  for (const kind of ["email", "url", "mention", "number"] as const) {
    for (const value of after[kind]) if (!before[kind].has(value)) failures.push(added(kind, value));
  }
  for (const name of after.names) if (!before.words.has(name)) failures.push(added("name", name));

  // A contact detail that only served an e-mail workaround or a pitch may go (requirement 4).
  const fired = new Set(draftReview.findings.map((f) => f.rule));
  const mayDropContacts = fired.has("email-workaround") || fired.has("premature-pitch");
  for (const kind of ["email", "url", "mention"] as const) {
    if (mayDropContacts && kind !== "mention") continue;
    for (const value of before[kind]) if (!after[kind].has(value)) failures.push(dropped(kind, value));
  }
  if (!fired.has("premature-pitch")) {
    for (const name of before.names) if (!after.words.has(name)) failures.push(dropped("name", name));
  }
  return failures;
}

const FACT_LABEL: Record<FactKind, string> = { email: "e-mail address", url: "URL", mention: "mention", name: "name", number: "number" };

function added(fact: FactKind, value: string): RewriteFailure {
  return { code: "added-fact", fact, value, message: `The rewrite adds the ${FACT_LABEL[fact]} "${value}", which the draft does not have; use a bracketed placeholder instead.` };
}
function dropped(fact: FactKind, value: string): RewriteFailure {
  return { code: "dropped-fact", fact, value, message: `The rewrite drops the ${FACT_LABEL[fact]} "${value}" from the draft; keep it.` };
}

export interface Facts {
  email: Set<string>;
  url: Set<string>;
  mention: Set<string>;
  number: Set<string>;
  /** Capitalised words that look like a person's or an organisation's name, lower-cased. */
  names: Set<string>;
  /** Every word, lower-cased: a name counts as present when the other text has the word at all. */
  words: Set<string>;
}

const PLACEHOLDER = /\[[^\]\n]{1,80}\]/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>|]+/gi;
const SLACK_MENTION = /<[@#!][^>\s]+>/g;
const TEAMS_MENTION = /<at>([^<]{1,100})<\/at>/gi;
const HANDLE = /(?<![\p{L}\p{N}._%+-])@[\p{L}][\p{L}\p{N}._-]*/gu;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;

/** The facts of a text that a rewrite must not invent. Bracketed placeholders are not facts. */
export function extractFacts(text: string): Facts {
  const facts: Facts = { email: new Set(), url: new Set(), mention: new Set(), number: new Set(), names: new Set(), words: new Set() };
  let rest = text.replace(PLACEHOLDER, " ");
  const take = (pattern: RegExp, into: Set<string>, normalise: (s: string) => string) => {
    rest = rest.replace(pattern, (match) => {
      into.add(normalise(match));
      return " ";
    });
  };
  take(SLACK_MENTION, facts.mention, (m) => m.split("|")[0]!.replace(/>$/, "").toLowerCase() + ">");
  take(TEAMS_MENTION, facts.mention, (m) => m.toLowerCase());
  take(EMAIL, facts.email, (m) => m.toLowerCase().replace(/\.$/, ""));
  take(URL, facts.url, (m) => m.toLowerCase().replace(/[.,;:!?)\]]+$/, "").replace(/\/$/, ""));
  take(HANDLE, facts.mention, (m) => m.toLowerCase().replace(/[._-]+$/, ""));
  for (const m of rest.matchAll(NUMBER)) facts.number.add(m[0].replace(/[.,]/g, ""));

  for (const m of rest.matchAll(WORD)) {
    const word = m[0].replace(/['’-]+$/, "");
    const lower = word.toLowerCase();
    facts.words.add(lower);
    for (const part of lower.split(/['’-]/)) if (part) facts.words.add(part);
    if (!/^\p{Lu}/u.test(word) || isCommonWord(word)) continue;
    if (startsSentence(rest, m.index!) && STARTERS.has(lower.replace(/['’].*$/, ""))) continue;
    facts.names.add(lower);
  }
  return facts;
}

function isCommonWord(word: string): boolean {
  return /^I(['’](m|d|ll|ve))?$/.test(word);
}

/** True when only spaces, quotes, bullets or opening brackets separate `index` from the start of the text, a line or a sentence. */
function startsSentence(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /[\s"“‘'(*_>•-]/.test(text[i]!)) {
    if (text[i] === "\n") return true;
    i--;
  }
  return i < 0 || /[.!?:;]/.test(text[i]!);
}

/** Ordinary words that are capitalised only because they open a sentence, a greeting or a sign-off. */
const STARTERS = new Set(
  `a about absolutely according actually after again ago all almost also although always an and another any anyone anything anyway are
   as ask asking at be because before being below best better between both but by can cannot certainly cheers circling come congrats
   congratulations could curious dear definitely did do does done during each either enjoyed especially even ever every everything
   excited feel few finally first following for from further get give given glad go good great had happy has have having he hello
   help her here hey hi his honestly hope hoping how however i if ideally in instead is it its just keep kind know last lately later let
   like looking lots love loved many may maybe meanwhile meet might more most much my need next no none not nothing now of often ok okay
   on once one only or other otherwise our over perhaps please plus pretty quick quickly rather really reach reaching read recently
   regards reply right saw see seeing send separately should since sincerely so some someone something soon sorry specifically still
   sure take talk tell thank thanks that the their them then there these they thinking this those though thought through to today
   together totally truly unfortunately understand until up very was we well were what whatever when whenever where whether which
   while who whoever why will wish with without wondering would write yes yet you your warm warmly chat speak`.split(/\s+/),
);

/**
 * How many of the draft's key facts (its people and organisations, what it asks for) a rewrite
 * keeps: a model's rewrite that keeps fewer than the engine's is not the better one (spec: rewrite requirement 5).
 */
export function keyFactsKept(draft: string, rewrite: string): number {
  const kept = rewrite.toLowerCase();
  return keyFactsOf(draft).filter((fact) => kept.includes(fact)).length;
}
