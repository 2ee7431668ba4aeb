/**
 * Who is who in an intro request: the connector it is addressed to, the sender who signs it, the
 * third person they want to meet, and the sender's own ways to be reached. Read from the draft only;
 * anything the draft does not say is null.
 */
import type { Doc } from "./text";
import type { Pronouns, ThirdPerson } from "./perspective";
import { namesIn } from "./rewrite";
import * as signals from "./signals";

export interface DraftPeople {
  /** The reader of the draft, from its greeting ("Hi Marcus," → "Marcus"). */
  connector: string | null;
  /** The writer, from the sign-off ("Thanks,\nJamie" → "Jamie"). */
  sender: string | null;
  /** The person the sender wants to meet, with how to greet them ("Tessa", "Mr. Menon"). */
  thirdPerson: ThirdPerson & { salutation: string | null };
  /** The sender's e-mail addresses and phone numbers as written (at most two). */
  contacts: string[];
}

const NAME = "(?!(?:Mr|Ms|Mrs|Dr|Prof)\\b)\\p{Lu}[\\p{L}'’-]+";
const GREETING = "(?:[Hh]i|[Hh]ey|[Hh]ello|[Hh]iya|[Hh]eya|[Dd]ear|[Mm]orning|[Gg]ood (?:morning|afternoon|evening))";
const TITLE = "(?:Mr|Ms|Mrs|Dr|Prof)\\.?";
const KIN = "(?:Aunt|Auntie|Uncle|Cousin|Grandma|Grandpa)";
const GREETING_NAME = new RegExp(`^\\s*(?:<[^>]+>\\s*)?${GREETING}[ \\t]+((?:${TITLE}|${KIN})[ \\t]+)?(${NAME})`, "u");
const NOT_A_PERSON = /^(?:all|everyone|everybody|team|folks|friends|there|sir|madam|ma'am|connections|network|guys|colleagues|y'all|dad|mom|mum|mama|papa|mother|father)$/i;
const SIGN_OFF_WORD = /^(?:thanks|thank|thx|ty|best|cheers|regards|sincerely|warmly|yours|love|talk|speak|appreciate|appreciated|much|many|kind|warm|warmest|all|take|un|with|hugs|ciao|gracias|grazie|merci|danke|respectfully|gratefully|ps|p\.s)\b/i;
const NAME_LINE = new RegExp(`^(?:[-–—~]+\\s*)?(${NAME}(?:[ \\t]+${NAME}){0,2})\\s*$`, "u");
const SIGNED_INLINE = new RegExp(`^(?:[Tt]hanks|[Cc]heers|[Bb]est|[Rr]egards|[Ww]armly|[Tt]hx)[,!]?\\s+(${NAME})$`, "u");

function connectorOf(doc: Doc): string | null {
  const first = doc.bodySentences[0];
  const opening = doc.raw.slice(0, first ? first.end : doc.raw.length).replace(/<at>([^<]*)<\/at>/gi, "$1");
  const m = GREETING_NAME.exec(opening);
  const name = m?.[2];
  return name && !NOT_A_PERSON.test(name) ? `${m[1] ?? ""}${name}` : null;
}

function senderOf(doc: Doc): string | null {
  const last = doc.bodySentences[doc.bodySentences.length - 1];
  if (!last) return null;
  // "… No worries if not. Thanks, Jamie" on one line: the last sentence is the sign-off.
  const signedLast = SIGNED_INLINE.exec(doc.raw.slice(last.start, last.end).trim().replace(/[,.!]+$/, ""));
  if (signedLast) return signedLast[1]!;
  for (const raw of doc.raw.slice(last.end).split(/\r?\n/)) {
    const line = raw.trim().replace(/[,.!]+$/, "");
    if (!line) continue;
    const inline = SIGNED_INLINE.exec(line);
    if (inline) return inline[1]!;
    const m = NAME_LINE.exec(line);
    if (m && !SIGN_OFF_WORD.test(m[1]!)) return m[1]!;
  }
  return null;
}

/** Words after which the next name is the person to meet: "introduce me to", "20 minutes with", "in front of". */
const TO_SOMEONE = /\b(?:introduc(?:e|ing|tion)|intro(?:duction)?|connect(?:ing)? (?:me|us)|in touch with|in front of|meet|minutes (?:with|of)|time with|chat with|talk(?:ing)? (?:to|with)|speak(?:ing)? (?:to|with)|advice from|ask|asking|pass (?:a note|this|it|my \w+) (?:along |on )?to|forward my \w+ to)\b/gi;
const NAME_AFTER = new RegExp(`^\\s*(?:me |us )?(?:to |with |from )?(?:(?:your|their|the|my|our) [\\p{L}' -]{0,30}?,\\s+)?(${TITLE}\\s+)?(${NAME}(?:[ \\t]+${NAME}){0,2})`, "u");
/** "your old roommate, Danielle Okafor," names the third person without an ask word before it. */
const APPOSITIVE = new RegExp(`\\b(?:your|their|his|her) [\\p{L}' -]{2,30}, (${TITLE}\\s+)?(${NAME}(?:[ \\t]+${NAME}){0,2})`, "u");
const PRONOUN = /\b(she|her|hers|herself|he|him|his|himself)\b/;

function thirdPersonOf(doc: Doc, notThem: ReadonlyArray<string | null>): DraftPeople["thirdPerson"] {
  const acceptable = (name: string | undefined): name is string => !!name && !NOT_A_PERSON.test(name) && !notThem.some((n) => n && name.toLowerCase().startsWith(n.toLowerCase().replace(/^\S+\s+(?=\S)/, "")));
  let found: { name: string; title: string | null; at: number } | null = null;
  for (const sentence of doc.bodySentences) {
    const raw = doc.raw.slice(sentence.start, sentence.end);
    for (const m of raw.matchAll(TO_SOMEONE)) {
      const after = NAME_AFTER.exec(raw.slice(m.index + m[0].length));
      const name = after?.[2] ? namesIn(`to ${after[2]}`)[0] : undefined;
      if (acceptable(name)) {
        found = { name, title: after?.[1]?.trim() ?? null, at: sentence.start + m.index };
        break;
      }
    }
    if (found) break;
  }
  if (!found) {
    const body = doc.raw.slice(doc.bodySentences[0]?.start ?? 0, doc.bodySentences[doc.bodySentences.length - 1]?.end ?? 0);
    const m = APPOSITIVE.exec(body);
    const name = m?.[2] ? namesIn(`to ${m[2]}`)[0] : undefined;
    if (m && acceptable(name)) found = { name, title: m[1]?.trim() ?? null, at: (doc.bodySentences[0]?.start ?? 0) + m.index };
  }
  // Their pronouns: the first he/she after they are named (or after the ask, or anywhere).
  const from = found?.at ?? signals.introAsk(doc)?.start ?? doc.bodySentences[0]?.start ?? 0;
  const pronoun = PRONOUN.exec(doc.norm.slice(from, from + 400))?.[1] ?? PRONOUN.exec(doc.norm)?.[1];
  const pronouns: Pronouns | null = pronoun ? (/^(?:she|her|hers|herself)$/.test(pronoun) ? "she" : "he") : null;
  if (!found) return { name: null, pronouns, salutation: null };
  const salutation = found.title ? `${found.title} ${found.name.split(" ").pop()}` : found.name.split(" ")[0]!;
  return { name: found.name, pronouns, salutation };
}

function contactsOf(doc: Doc): string[] {
  return [...new Set(signals.sendersContacts(doc).map((s) => doc.raw.slice(s.start, s.end).trim()))].slice(0, 2);
}

export function draftPeople(doc: Doc): DraftPeople {
  const sender = senderOf(doc);
  const greeted = connectorOf(doc);
  // "Jim," at the top of a note Jim signs is his own name, not the reader's.
  const connector = greeted && greeted !== sender ? greeted : null;
  return { connector, sender, thirdPerson: thirdPersonOf(doc, [connector, sender]), contacts: contactsOf(doc) };
}
