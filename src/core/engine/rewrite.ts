/**
 * The deterministic rewrite: keeps the sender's sentences and facts, softens or removes what the
 * rules flagged, fills what is missing with [placeholders] the sender completes, keeps it to five
 * sentences and ends with a graceful way out. It then reviews its own output and repairs it until
 * none of the anti-pattern rules fire.
 */
import type { Finding, Kind, RuleId } from "../types";
import { firstPlacedProblem, inspect } from "./inspect";
import { Evidence, signalOf, type SpanSignal } from "./evidence";
import { analyse, type Doc, type Span } from "./text";
import { MAX_BODY_SENTENCES } from "./rules";
import { BOILERPLATE, isContactLine, keyFactChance, keySentenceFeaturesAt, keySentenceShape, type KeySentenceModel, type KeySentenceShape } from "../learned/key-sentences";

/** Rules a rewrite must never trigger (spec: rewrite requirement 3). */
export const MUST_BE_CLEAN: readonly RuleId[] = ["quid-pro-quo", "generic-template", "demanding-tone", "email-workaround", "premature-pitch", "mass-blast", "too-long", "no-graceful-out"];

const MAX_REPAIR_ROUNDS = 8;
const COMMON_SIGN_OFF = /^(?:thanks|thank you|thx|ty|many thanks|with thanks|gratefully|yours|take care|best|best regards|kind regards|warm regards|regards|cheers|sincerely|warmly|all the best|talk soon|appreciate it|much appreciated|respectfully)\b/i;

interface Parts {
  greeting: string | null;
  body: BodySentence[];
  signOff: string[];
}

interface BodySentence {
  text: string;
  /** Added by the rewrite (a placeholder or the graceful out): never removed by the repair loop. */
  fixed: boolean;
}

/* ---------- splitting the draft ---------- */

const collapse = (s: string): string => s.replace(/\s+/g, " ").trim();
/** Upper-cases the first letter of a sentence, unless it starts an address, a link or a handle. */
const capitalise = (s: string): string => s.replace(/^(\s*(?:<[^>]+>\s*)?)([a-z])(?=[\w'-]*(?:[\s,.!?;:]|$))/, (_m, pre: string, c: string) => pre + c.toUpperCase());

function cleanSentence(raw: string): string {
  let s = collapse(raw.replace(/^\s*(?:>|[-•◦▪‣]|\d+[.)])\s+/gm, ""));
  s = s.replace(/^\*([^*]+):\*$/, "$1:");
  if (!s) return s;
  s = capitalise(s);
  if (!/[.!?…:;,)"'\]]$/.test(s) && !/[\u{1F300}-\u{1FAFF}\u2600-\u27BF]$/u.test(s)) s += ".";
  return s;
}

function split(doc: Doc): Parts {
  const body = doc.bodySentences;
  const first = body[0];
  const last = body[body.length - 1];
  if (!first || !last) return { greeting: null, body: [], signOff: [] };
  const greeting = collapse(doc.raw.slice(0, first.start)) || null;
  const signOff = doc.raw
    .slice(last.end)
    .split(/\r?\n/)
    .map((l) => l.trim())
    // A merge field in the sign-off ("[Your Name]") marks a template: the sender's own name goes there, so the slot goes.
    .map((l) => l.replace(MERGE_FIELD, "").replace(/\s+([,.!])/g, "$1").trim())
    .filter(Boolean);
  const sentences = proseSentences(doc, first.start, last.end).map((text) => ({ text: cleanSentence(text), fixed: false })).filter((s) => s.text);
  return { ...splitInlineGreeting(greeting, sentences), signOff: plainSignOff(signOff) };
}

const SEPARATOR_OR_ATTACHMENT = /^(?:[\W_]+|[-*•]?\s*<*[^<>]*\.(?:docx?|pdf|xlsx?|pptx?|txt|rtf|zip)>*|attachments?:.*)$/i;

/**
 * The sign-off as a reader (and the spec's counting) sees one: a closing word, then name lines.
 * Separators and attachment markers go; an unusual closing ("Un abrazo,") stays on one line with
 * the name, since on its own it would be read as one more sentence.
 */
function plainSignOff(lines: string[]): string[] {
  const kept = lines.filter((l) => !SEPARATOR_OR_ATTACHMENT.test(l));
  if (!kept.length || COMMON_SIGN_OFF.test(kept[0]!)) return kept;
  return [kept.join(" ").replace(/\s+/g, " ")];
}

/** A line this long that ends without a stop was wrapped by a mail program, not ended by its writer. */
const MIN_WRAPPED_LINE = 45;
const LIST_ITEM = /^\s*(?:[-*•◦▪‣>]|\d+[.)])\s/;

/**
 * The body as its writer wrote it: a hard-wrapped e-mail's lines joined back into paragraphs, so
 * a sentence that ran over three lines is one sentence again, not three fragments to cut apart.
 */
function rejoinWrappedLines(text: string): string {
  const lines = text.split(/\r?\n/);
  let out = lines[0] ?? "";
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!.trim();
    const line = lines[i]!;
    const wrapped = previous.length >= MIN_WRAPPED_LINE && line.trim() !== "" && !/[.!?:;]["')\]]?$/.test(previous) && !LIST_ITEM.test(line);
    out += wrapped ? " " + line.trimStart() : "\n" + line;
  }
  return out;
}

/** The body's sentences, read again from the rejoined paragraphs when the draft was hard-wrapped. */
function proseSentences(doc: Doc, start: number, end: number): string[] {
  const region = doc.raw.slice(start, end);
  const prose = rejoinWrappedLines(region);
  if (prose === region) return withInitialsJoined(unwrapped(doc), doc.raw);
  return withInitialsJoined(analyse(prose).sentences, prose);
}

/** A full stop after an initial or a month ("John S. Hendricks", "Oct. 25") ends no sentence a reader sees. */
const ENDS_WITH_INITIAL = /(?:^|[\s(])(?:[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$/;

/** Sentences cut at an initial or a month's abbreviation joined again, when the next piece goes on on the same line. */
function withInitialsJoined(spans: ReadonlyArray<{ start: number; end: number }>, text: string): string[] {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of spans) {
    const previous = out[out.length - 1];
    if (previous && ENDS_WITH_INITIAL.test(text.slice(previous.start, previous.end)) && /^[ \t]*[A-Z0-9]/.test(text.slice(previous.end, s.end))) previous.end = s.end;
    else out.push({ start: s.start, end: s.end });
  }
  return out.map((s) => text.slice(s.start, s.end));
}

/**
 * Body sentences with hard-wrapped lines joined again: a line with no end mark followed, on the
 * very next line, by one that starts in lower case continues the same sentence (the spec counts
 * each line, but a rewrite should read as prose).
 */
export function unwrapped(doc: Doc): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of doc.bodySentences) {
    const previous = out[out.length - 1];
    const between = previous ? doc.raw.slice(previous.end, s.start) : "";
    const continues =
      previous && /^[ \t]*\r?\n[ \t]*$/.test(between) && !endsWithStop(doc.raw, previous.start, previous.end) && /^[a-z0-9(]/.test(doc.raw.slice(s.start, s.end).trimStart());
    if (continues) previous.end = s.end;
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/**
 * Whether `text.slice(start, end)` matches /[.!?:;]["')\]]?\s*$/: read from its end, as the joined
 * lines of a hard-wrapped paragraph grow with each line (a regex anchored at the end reads from the start).
 */
function endsWithStop(text: string, start: number, end: number): boolean {
  let at = end;
  while (at > start && WHITESPACE.test(text[at - 1]!)) at--;
  if (at > start && STOP.test(text[at - 1]!)) return true;
  return at - 1 > start && CLOSER.test(text[at - 1]!) && STOP.test(text[at - 2]!);
}
const WHITESPACE = /\s/;
const STOP = /[.!?:;]/;
const CLOSER = /["')\]]/;

const INLINE_GREETING = /^((?:<[^>]+>\s*)?(?:hi|hello|hey|heya|hiya|howdy|yo|g'day|dear|good (?:morning|afternoon|evening))\b(?:[^,.!?:]|\b(?:Mr|Ms|Mrs|Dr|Prof)\.){0,40}[,!:]+|(?:Mr|Ms|Mrs|Dr|Prof)\.? [A-Z][\w'-]+,)\s+/i;

/** "Hey Tom, hope you're well!" keeps "Hey Tom," as the greeting so the name survives any cut. */
function splitInlineGreeting(greeting: string | null, body: BodySentence[]): { greeting: string | null; body: BodySentence[] } {
  const first = body[0];
  if (greeting || !first) return { greeting, body };
  const wholeGreeting = first.text.split(/\s+/).length <= 4 && (INLINE_GREETING.test(first.text + " ") || /^[A-Z][\w'-]*(?: [A-Z][\w'-]*)?[,:]$/.test(first.text));
  if (wholeGreeting) {
    const line = first.text.replace(/[!:.]+$/, ",");
    return { greeting: GROUP_GREETING.test(first.text) ? "Hi [their first name]," : INLINE_GREETING.test(first.text + " ") ? line : `Hi ${line}`, body: body.slice(1) };
  }
  const group = GROUP_GREETING_PREFIX.exec(first.text);
  if (group) return { greeting: "Hi [their first name],", body: [{ text: capitalise(first.text.slice(group[0].length)), fixed: false }, ...body.slice(1)] };
  const m = INLINE_GREETING.exec(first.text);
  if (!m) return { greeting, body };
  const line = m[1]!.replace(/[!:]+$/, ",");
  return { greeting: /^(?:Mr|Ms|Mrs|Dr|Prof)\b/.test(line) ? `Dear ${line}` : line, body: [{ text: capitalise(first.text.slice(m[0].length)), fixed: false }, ...body.slice(1)] };
}

/* ---------- softening: keep the ask, lose the pressure ---------- */

const asQuestion = (s: string): string => (/\?\s*$/.test(s) ? s : s.replace(/[.!]*\s*$/, "") + "?");

const IMPERATIVE_START = /^((?:<[^>]+>\s*|[A-Z][\w'-]*,\s*)?)(?:please\s+|just\s+|so\s+)?(?:go\s+)?(send|call|write|get|accept|post|reply|respond|email|intro|introduce|give|let me know|connect|endorse|forward|tell|answer|do)\b/i;

/** Words without which none of the phrase rewrites below can apply: most sentences skip them all. */
const SOFTEN_TRIGGER = /asap|as soon|immediately|right away|urgent|need|owe|must|have to|put you down|endors|recommend|swap|trade|exchange|just|make sure|waiting|profile|writing to|network|reach|circle|presence|rated|leading|#1|number one|best|award|tell you|walk you|show you|messaging|emailing|contacting|discuss|supplying|selling|providing|skills|posted|wrote|left|gave|for me|could you|would you/i;

function soften(sentence: string, kind: Kind): string {
  let s = sentence;
  if (!SOFTEN_TRIGGER.test(s)) return softenCommand(s);
  s = s.replace(/,?\s*\b(?:ASAP|asap|as soon as possible|immediately|right away|urgently)\b/g, "");
  s = s.replace(/^((?:<[^>]+>\s*)?)(?:I )?need you to\b/i, "$1Could you").replace(/\b(?:I )?need you to\b/gi, "could you");
  s = s.replace(/\b(?:I figure |I think |so )?you owe (?:me|us)\b(?: one)?/gi, (m) => (/one$/.test(m) ? "I'd be grateful for your help" : "I'd be grateful for"));
  s = s.replace(/\byou (?:must|have to|need to)\b/gi, "I'd be grateful if you'd");
  s = s.replace(/\bI need (this|it|that)( one)? to\b/g, "I'd really like $1$2 to");
  s = s.replace(/\bI need\b/g, "I'd really appreciate");
  s = s.replace(/\bI(?:'ve| have) (?:already )?put you down as (a|an|my|one of my) /gi, "Would you be willing to be $1 ");
  // The classic swap: keep the ask, drop the trade.
  s = s.replace(/\bIf you (endorse|recommend|write) (me|mine)\b(.*?),? I(?:'ll| will) (?:\w+ )?(?:endorse|recommend|write)\b.*$/i, (_m, verb: string, _obj: string, rest: string) => `Would you be willing to ${verb.toLowerCase()} me${rest}?`);
  s = s.replace(/\b(?:do you )?want to (?:swap|trade|exchange) (LinkedIn )?(recommendation|endorsement)s\b/gi, "would you be open to writing me a $1$2");
  s = s.replace(/\b[Cc]an you just\b/g, "Could you");
  s = s.replace(/\b[Mm]ake sure (?:you |to )/g, "if you can, ");
  s = s.replace(/\b(?:still waiting (?:on|for))\b/gi, "checking in on");
  // Stock phrases: keep the facts around them, lose the boilerplate.
  s = s.replace(/\bI (?:came across|saw|found|stumbled (?:up)?on|noticed|viewed) your (?:LinkedIn )?profile(?: on LinkedIn)?(?: and|,)\s+/gi, "I ");
  s = s.replace(/\bI'm writing to ask (?:if|whether) you (?:would|could)\b/gi, "Would you");
  s = s.replace(/\s*\b(?:that|which) I can (?:include|add|display|put|feature) (?:on|to|in) my (?:LinkedIn |professional )?profile\b/gi, "");
  s = s.replace(/\badd (?:a |an )?(recommendation|testimonial|endorsement)s? from you to my (?:LinkedIn |professional )?profile\b/gi, "ask you for a $1");
  s = s.replace(/\badd (?:you|me) to (?:my|your) (?:professional |LinkedIn )?(?:network|contacts|connections)\b/gi, "connect with you");
  s = s.replace(/\b(?:grow|expand|build|broaden|extend|widen)(?:ing)? (?:out )?my (?:professional )?(?:network|reach|circle|presence|connections)(?: with (?:other )?professionals)?(?= in\b| within\b| among\b)/gi, "learn from people");
  s = s.replace(/\bI(?:'m| am) (?:working on |looking to |trying to |hoping to |aiming to )?(?:grow|broaden|expand|build|extend|widen)(?:ing)? my (?:professional )?(?:network|circle|reach|connections|presence),? and (?=[a-z])/gi, "I ");
  s = s.replace(/\b(?:of|for) the skills (?:listed )?on my (?:LinkedIn )?profile\b/gi, "for [the skills you saw me use]");
  s = s.replace(/\s*\bfor my (?:LinkedIn )?profile\b/gi, "");
  s = s.replace(/,?\s*\bto (?:help )?(?:strengthen|grow|build|boost|improve|polish) my (?:professional |LinkedIn )?(?:profile|presence|brand|network)\b/gi, "");
  s = s.replace(/\b(?:supplying|selling|providing) (.+?) (?:to|for) your\b/gi, "how you source $1 for your");
  s = s.replace(/\breaching out to my (?:professional )?network to\b/gi, "writing to");
  s = s.replace(/\b(?:the )?(?:top-rated|leading|#1|number one|best-in-class|award-winning|best) ((?:[\w-]+ )?(?:broker|agency|provider|platform|firm|consultant|consultancy|vendor|solution))\b/gi, "a $1");
  s = s.replace(/\b(?:tell you about|walk you through|show you) our (?:new )?([\w -]+?) (?:suite|platform|product|tool|software|solution|service|app)\b/gi, "hear how your team approaches $1");
  s = s.replace(/\bI'm (?:messaging|emailing|writing to|contacting|reaching out to) (?:all|every one of|each of) (?:the |my )?([^.;:]+?) (to ask|to see|because|for)\b/gi, "I'm writing to you as one of the $1 $2");
  s = s.replace(/\bdiscuss becoming (?:a|an|your) (supplier|vendor|provider|partner) (?:for|to) ([^.!?]+)/gi, "learn how $2 chooses $1s");
  s = s.replace(/\bI'm (?:asking|messaging|emailing|contacting|writing to|reaching out to) (?:a few|a handful of|several|some|a bunch of|lots of|all|all the|many|everyone)\b[^.;:]*?\b(?:people|contacts|connections|friends|alumni|colleagues|folks)\b(?: (?:from|in|of) my (?:network|contacts|list))? (?:to ask )?for\b/gi, "I'd love to ask you for");
  if (/^(?:<[^>]+>\s*)?(?:Would you|Could you)\b/.test(s)) s = asQuestion(s);
  if (/^Could you\b/.test(s)) s = asQuestion(s);
  s = softenCommand(s);
  if (kind === "recommendation_ask") s = s.replace(/\b(writ(?:e|ing)|do(?:ing)?) one for me(?: too)?\b/gi, "$1 a short recommendation for me");
  if (kind === "endorsement_ask") s = s.replace(/\b(?:do|doing) the same for me\b/gi, "endorsing me");
  // A recommendation given to unlock one back: keep the shared work it names, drop the trade.
  s = s.replace(
    /\bI (?:just |already |recently )?(?:went ahead and )?(?:posted|wrote|left|gave)(?: you)? (?:a |one )?(?:LinkedIn )?(?:recommendation|rec|endorsement)s?(?: on your (?:profile|page))? (?:for|about|on) (.*?\b(?:we did|we ran|together|project|launch|rollout|redesign|refresh|migration)\b[^,.;!?]*)/i,
    "I really enjoyed working with you on $1",
  );
  return capitalise(s.replace(/\s+([,.!?])/g, "$1").replace(/\s{2,}/g, " ").trim());
}

/** A bare command ("Send him a note today.") becomes a question ("Could you send him a note today?"). */
function softenCommand(sentence: string): string {
  let s = sentence;
  const imperative = IMPERATIVE_START.exec(s);
  if (imperative && !/\?\s*$/.test(s)) {
    const lead = imperative[1] ?? "";
    const rest = s.slice(imperative[0].length - (imperative[2] ?? "").length);
    s = asQuestion(`${lead}${lead ? "could" : "Could"} you ${rest.charAt(0).toLowerCase()}${rest.slice(1)}`.replace(/\bplease\b\s*/gi, ""));
  }
  return s;
}

/** Merge fields become placeholders the sender fills in: {{first_name}} → [their first name]. */
const MERGE_FIELD = /\{\{\s*([\w. -]+?)\s*\}\}|\{\s*([a-z][a-z_]*)\s*\}|\[([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*)\](?!\()|<([A-Z][A-Z _]{2,})>|%([A-Z_]{3,})%/g;

function replaceMergeFields(text: string): string {
  return text.replace(MERGE_FIELD, (...m: unknown[]) => {
    const name = String(m.slice(1, 6).find((g) => typeof g === "string") ?? "name");
    return `[their ${name.replace(/[_.]+/g, " ").toLowerCase().trim()}]`;
  });
}

const GROUP_GREETING_PREFIX = /^(?:hi|hello|hey|dear|greetings|good morning|morning)\b[\s,]*(?:all|everyone|everybody|folks|friends|team|y'all|you all|connections|network|guys|people|colleagues)\b[^\p{L}\p{N}<]*\s+(?=\S)/iu;
const GROUP_GREETING = /^(?:hi|hello|hey|dear|greetings|good morning|morning)\b[\s,]*(?:all|everyone|everybody|folks|friends|team|y'all|you all|connections|network|guys|people|colleagues)\b/i;

/* ---------- what to add ---------- */

const OUTS: Record<"intro" | "vouch" | "reach" | "follow", string[]> = {
  intro: [
    "If you'd rather not make the introduction, no worries at all.",
    "And if it doesn't feel right to introduce us, I completely understand.",
    "If the timing or the fit isn't right, feel free to say no, no hard feelings.",
  ],
  vouch: [
    "If you don't feel you saw enough of my work, or it's just not a good time, I completely understand.",
    "No pressure at all: if it's not something you can do, just say so.",
    "Feel free to decline if you'd rather not, I'll understand.",
  ],
  reach: [
    "If now isn't a good time, no worries at all.",
    "Totally fine if you'd rather not, and thanks for reading either way.",
    "If it's not a fit for you, feel free to say no.",
  ],
  follow: [
    "If you'd rather not, or it's just not a good moment, I completely understand and won't follow up again.",
    "If it's a no, that's completely fine, and this will be my only follow-up.",
    "No worries at all if it's not something you can do; I won't nudge again.",
  ],
};

/** FNV-1a over the text, as a signed 32-bit integer. */
function fnv1a(text: string): number {
  let h = 2166136261 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

/**
 * The unsigned FNV-1a hash. The conversion stays out of the loop's function: V8 compiles that long
 * loop on the fly, and code after it that turned the hash unsigned bailed out on every call.
 */
function hash(text: string): number {
  return fnv1a(text) >>> 0;
}

/** A graceful way out in words that vary from draft to draft (chosen by the draft's hash, so still deterministic). */
export function gracefulOutFor(kind: Kind, seed: string): string {
  const family = kind === "intro_request" ? "intro" : kind === "recommendation_ask" || kind === "endorsement_ask" ? "vouch" : kind === "follow_up" ? "follow" : "reach";
  const options = OUTS[family];
  return options[hash(seed) % options.length] ?? options[0]!;
}

const PLACEHOLDER: Partial<Record<RuleId, string>> = {
  "no-shared-context": "I'm reaching out because of [how we know each other: where we met, what we worked on together, or which of your talks or posts I saw].",
  "unclear-intent": "I'd like to meet them because [why you want to meet them: advice, a partnership, a sale or a hire].",
  "no-specifics": "You could mention [the specific project, result or skill you saw first-hand].",
  "no-value-for-recipient": "I'd be glad to help in return with [something useful you can offer them].",
  "no-timeline": "Sometime [by when, e.g. in the next two weeks] would be ideal.",
  "no-direct-contact": "You can reach me at [your email or phone].",
};
/** When cleaning removed the ask itself, the rewrite still has to ask for something. */
const FALLBACK_ASK: Record<Exclude<Kind, "other">, string> = {
  intro_request: "Would you be open to introducing me to [who you'd like to meet]?",
  recommendation_ask: "Would you be willing to write me a short recommendation?",
  endorsement_ask: "Would you be willing to endorse me for [the skills you saw me use]?",
  connection_request: "Would you be open to connecting?",
  outreach: "Would you be open to a short call [when suits you]?",
  follow_up: "I wanted to check in on my earlier note.",
};

const TIMELINE_AND_CONTACT = "Sometime [by when, e.g. in the next two weeks] would be ideal, and you can reach me at [your email or phone].";
const PLACEHOLDER_GAPS: RuleId[] = ["no-shared-context", "unclear-intent", "no-specifics", "no-value-for-recipient"];

/* ---------- which sentences matter most ---------- */

const ASK_SIGNAL: Record<Exclude<Kind, "other">, SpanSignal> = {
  intro_request: "introAsk",
  recommendation_ask: "recommendationAsk",
  endorsement_ask: "endorsementAsk",
  connection_request: "connectionAsk",
  outreach: "outreachAsk",
  follow_up: "followUpMarker",
};
const asks = (doc: Doc, kind: Exclude<Kind, "other">): boolean => signalOf(doc, ASK_SIGNAL[kind]) !== null;

/** The things people ask for by name: the sentence naming it says what the ask is. */
const WHAT_IS_ASKED_FOR = /\b(?:r[eé]sum[eé]s?|cv|interview\w*|internships?|positions?|job|openings?|lunch|coffee|meeting|call|advice|feedback|recommendations?|references?|referr\w*|introduc\w+|speak(?:er|ing)|keynote|panel|sponsor\w*|partnership)\b/i;

const PLEASANTRY = /^(?:hope|i hope|hoping you|long time|it's been (?:ages|a while)|thanks|thank you|cheers|congrats|sorry)\b/i;

/**
 * What one rewrite works out about single sentences, each text once: its analysis, how much it
 * carries, the anti-patterns in it. Cuts and repairs ask about the same sentences again and again.
 */
class SentenceNotes {
  private readonly docs = new Map<string, Doc>();
  private readonly priorities = new Map<string, number>();
  private readonly problems = new Map<string, Span | null>();
  private readonly names = new Map<string, string[]>();
  private readonly shapes = new Map<string, KeySentenceShape>();

  constructor(
    readonly kind: Kind,
    private readonly keySentences?: KeySentenceModel,
  ) {}

  /** What carrying the draft's key facts is worth for the sentence at `position` of `count` (0 without the learned model). */
  keyFactValue(text: string, position: number, count: number): number {
    const model = this.keySentences;
    if (!model) return 0;
    return KEY_FACT_WEIGHT * keyFactChance(model, keySentenceFeaturesAt(this.shape(text, model), position, count, model.bits));
  }

  private shape(text: string, model: KeySentenceModel): KeySentenceShape {
    let shape = this.shapes.get(text);
    if (!shape) this.shapes.set(text, (shape = keySentenceShape(text, this.doc(text).norm, model.bits)));
    return shape;
  }

  /** A signature's contact line or legal small print (worked out with the sentence's shape when the model needs that too). */
  private signature(text: string): boolean {
    return this.keySentences ? this.shape(text, this.keySentences).signature : isContactLine(text) || BOILERPLATE.test(text);
  }

  doc(text: string): Doc {
    let doc = this.docs.get(text);
    if (!doc) this.docs.set(text, (doc = analyse(text)));
    return doc;
  }

  /** How many sentences the spec's counting sees in one of ours ("John S. Hendricks" reads as one, counts as two). */
  cost(text: string): number {
    return Math.max(1, this.doc(text).sentences.length);
  }

  /** The names in a sentence, lower-cased. */
  namesIn(text: string): string[] {
    let names = this.names.get(text);
    if (!names) this.names.set(text, (names = namesIn(text).map((n) => n.toLowerCase())));
    return names;
  }

  /** How much a sentence carries (the ask, names, context, intent...). */
  priority(text: string): number {
    let score = this.priorities.get(text);
    if (score === undefined) this.priorities.set(text, (score = priorityOf(text, this.doc(text), this.kind, this.signature(text))));
    return score;
  }

  /** Where the first anti-pattern in one sentence, read as part of a draft of this kind, sits. */
  contentProblem(text: string): Span | null {
    let found = this.problems.get(text);
    if (found === undefined) this.problems.set(text, (found = firstPlacedProblem(new Evidence(this.doc(text), this.kind, undefined), CONTENT_RULES)));
    return found;
  }
}

function priorityOf(text: string, doc: Doc, kind: Kind, signature: boolean): number {
  let score = 0;
  if (kind !== "other" && asks(doc, kind)) score += 100;
  // A signature's contact line ("Fax: 310-789-7350.", "E: jo@x.com") carries no sentence: its addresses and links
  // come back on their own (restoreEntities), and it must not crowd out what the sender asks.
  if (signature) return -100;
  // E-mails, links and mentions must survive (spec: rewrite requirement 4).
  if (/[\w.+-]+@[\w-]+\.\w|https?:\/\/|<@|<at>|\d{3}[\s.-]\d{3,4}/.test(text)) score += 200;
  score += (text.slice(1).match(/(?<![.!?]\s)\b[A-Z][a-z]+/g) ?? []).length * 12;
  if (/\d/.test(text)) score += 5;
  if (signalOf(doc, "sharedContext")) score += 45;
  if (signalOf(doc, "statedIntent")) score += 35;
  if (WHAT_IS_ASKED_FOR.test(text)) score += 30;
  if (REQUEST_OF_READER.test(text)) score += 40;
  if (signalOf(doc, "valueForReader")) score += 15;
  if (signalOf(doc, "workSpecifics")) score += 10;
  if (signalOf(doc, "timeFrame")) score += 10;
  // The sender's own plain way out outranks any other sentence but the ask: a cut must not lose it.
  if (signalOf(doc, "gracefulOut")) score += PLAIN_OUT.test(text) ? 150 : 60;
  if (PLEASANTRY.test(text) && score < 40) score -= 40;
  return score;
}

/** Words that are capitalised for grammar, not because they name someone or something. */
const NOT_A_NAME = new Set(
  "i i'm i'd i've i'll hi hey hello dear thanks thank the a an and but or so if we you my our your it this that he she they his her their what when where why how would could can will please just also quick hope looking best regards cheers sorry happy no yes ok okay asap fyi urgent eod eow cob now pls thx btw ps re fw fwd monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december".split(" "),
);

const CAPITALISED = /(?<![\p{L}\d])(?:\p{Lu}[\p{L}\d'’&.-]*|[A-Z]{2,}\d*)(?![\p{L}\d])/gu;

const NEXT_CAPITALISED = /\s+\p{Lu}/uy;
const GAP_CHAR = /^[\s\p{P}\p{S}]$/u;

/**
 * Whether only spaces, punctuation and symbols stand between a sentence start (the text's start, or
 * a full stop, question or exclamation mark, or colon) and `offset`. Walks back over that run only,
 * so checking every word of a long text stays linear.
 */
function startsSentence(text: string, offset: number): boolean {
  let i = offset;
  while (i > 0) {
    const low = text.charCodeAt(i - 1);
    const pair = i > 1 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff;
    const ch = pair ? text.slice(i - 2, i) : text[i - 1]!;
    if (!GAP_CHAR.test(ch)) return false;
    if (ch === "." || ch === "!" || ch === "?" || ch === ":") return true;
    i -= ch.length;
  }
  return true;
}

/**
 * The names in a sentence (people, organisations, products, acronyms): the facts a rewrite must
 * keep. A run of capitalised words ("Hamid Rahimi", "Kestrel Logistics") is one name.
 */
export function namesIn(text: string): string[] {
  const words: Array<{ word: string; start: number; end: number }> = [];
  for (const m of text.matchAll(CAPITALISED)) {
    const word = m[0].replace(/[.'’-]+$/, "").replace(/['’]s$/, "");
    if (word.length < 2 || NOT_A_NAME.has(word.toLowerCase())) continue;
    // The first word of a sentence is capitalised anyway: it starts a name only if the next word is capitalised too.
    const atStart = startsSentence(text, m.index);
    NEXT_CAPITALISED.lastIndex = m.index + m[0].length;
    const nextCapitalised = NEXT_CAPITALISED.test(text);
    if (atStart && !/^[A-Z]{2,}/.test(word) && !nextCapitalised) continue;
    words.push({ word, start: m.index, end: m.index + word.length });
  }
  const names: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let name = words[i]!.word;
    while (i + 1 < words.length && /^\s+$/.test(text.slice(words[i]!.end, words[i + 1]!.start))) name += " " + words[++i]!.word;
    names.push(name);
  }
  return names;
}

/**
 * The `count` most telling sentences, in their original order. Sentences are taken best first, and
 * one that names someone or something no kept sentence names yet counts for more, so the cut
 * keeps the people, organisations and products of the draft.
 */
function strongest(body: BodySentence[], count: number, notes: SentenceNotes): BodySentence[] {
  const candidates = body.map((s, i) => ({ i, p: notes.priority(s.text) + (OPENING_WEIGHT[i] ?? 0) + notes.keyFactValue(s.text, i, body.length), names: notes.namesIn(s.text) }));
  const covered = new Set<string>();
  const keep = new Set<number>(candidates.filter((c) => body[c.i]!.fixed).slice(0, count).map((c) => c.i));
  let used = [...keep].reduce((sum, i) => sum + notes.cost(body[i]!.text), 0);
  while (used < count && keep.size < candidates.length) {
    let best: (typeof candidates)[number] | undefined;
    let bestValue = -Infinity;
    for (const c of candidates) {
      if (keep.has(c.i) || used + notes.cost(body[c.i]!.text) > count) continue;
      const value = c.p + NEW_NAME_WEIGHT * newNames(c.names, covered);
      if (value > bestValue || (value === bestValue && best && c.i < best.i)) {
        best = c;
        bestValue = value;
      }
    }
    if (!best) break;
    keep.add(best.i);
    used += notes.cost(body[best.i]!.text);
    for (const n of best.names) covered.add(n);
  }
  return body.filter((_s, i) => keep.has(i));
}

/** A cut sentence short enough to ride along with its neighbour when it alone names someone. */
const MAX_WORDS_TO_JOIN = 22;
const MAX_JOINS = 2;

/**
 * Sentences the cut dropped that alone named someone or something are joined to the kept
 * sentence before them with a semicolon (still one sentence), so no person or organisation is lost.
 */
function withNamesKept(all: BodySentence[], kept: BodySentence[], notes: SentenceNotes): BodySentence[] {
  const out = kept.map((s) => ({ ...s }));
  // What the kept sentences name and say, worked out again only after a join changed them.
  let seen: Set<string> | null = null;
  let lowered: string[] | null = null;
  let joins = 0;
  for (const sentence of all) {
    if (joins >= MAX_JOINS || kept.includes(sentence)) continue;
    const known = (seen ??= new Set(out.flatMap((s) => notes.namesIn(s.text))));
    const texts = (lowered ??= out.map((s) => s.text.toLowerCase()));
    const newNames = notes.namesIn(sentence.text).filter((n) => !known.has(n) && !texts.some((t) => t.includes(n)));
    if (!newNames.length || sentence.text.split(/\s+/).length > MAX_WORDS_TO_JOIN) continue;
    const before = all.slice(0, all.indexOf(sentence)).reverse().find((s) => kept.includes(s));
    const host = out[before ? kept.indexOf(before) : 0];
    if (!host || host.fixed || /[?]\s*$/.test(host.text)) continue;
    const tail = startsWithGrammarWord(sentence.text) ? sentence.text[0]!.toLowerCase() + sentence.text.slice(1) : sentence.text;
    host.text = host.text.replace(/[.!]+\s*$/, "") + "; " + tail;
    joins++;
    seen = null;
    lowered = null;
  }
  return out;
}

/** The sender asking the reader for something in so many words. */
const REQUEST_OF_READER = /\?\s*$|\b(?:would|could|can|will) you\b|\byou (?:are|were) (?:cordially )?invited\b|\b(?:invite|ask|asking|request|requesting) you\b|\bwould (?:(?:greatly|really|very much|deeply|truly) )?(?:appreciate|welcome|be (?:honou?red|grateful|delighted|pleased))\b|\b(?:i|we)(?:'d| would) (?:like|love) to (?:ask|invite|request|meet|speak|talk|discuss|schedule|arrange|set up|introduce|connect|learn|find out|get)\b|\bi (?:was|am) wondering\b|\bif you (?:could|would|can|might|are (?:interested|willing|open|available))\b|\bplease (?:let me know|consider|contact|call|send|forward|pass)\b/i;

const EVERYTHING_ASKED_FOR = new RegExp(WHAT_IS_ASKED_FOR.source, "gi");

/** A text's key facts, lower-cased: the names it holds and the things it asks for by name. */
export function keyFactsOf(text: string): string[] {
  const asked = text.match(EVERYTHING_ASKED_FOR) ?? [];
  return [...new Set([...namesIn(text), ...asked].map((fact) => fact.toLowerCase()))];
}

/** Words capitalised only because they open a sentence: lower-cased when the sentence is joined to another (a name keeps its capital). */
const GRAMMAR_WORDS = new Set(
  "the a an and but or so if we you my our your it its this that these those there here he she they his her their what when where why how would could can will please just also as since because for in on at with to from after before while although though one some any all both each".split(" "),
);
const startsWithGrammarWord = (text: string): boolean => GRAMMAR_WORDS.has(/^[A-Z][a-z]*(?![\w'’-])/.exec(text)?.[0].toLowerCase() ?? "");

/** How many different names of a sentence no kept sentence names yet. */
function newNames(names: readonly string[], covered: ReadonlySet<string>): number {
  let count = 0;
  for (let k = 0; k < names.length; k++) if (!covered.has(names[k]!) && names.indexOf(names[k]!) === k) count++;
  return count;
}

/** What naming something not yet kept is worth, against a sentence's priority (the ask alone is 100). */
const NEW_NAME_WEIGHT = 30;
/** What a sentence sure to carry a key fact (the people, organisations, the ask) is worth, against its priority. */
const KEY_FACT_WEIGHT = 150;
/** Writers say who they are and what they want first: the opening sentences carry most of a draft's facts. */
const OPENING_WEIGHT = [40, 25, 25];

const MAX_SENTENCES_TO_REPAIR = 12;

/* ---------- assembling and repairing ---------- */

interface Assembled {
  text: string;
  /** Offsets of each body sentence in `text`. */
  ranges: Array<{ start: number; end: number }>;
  greetingRange: { start: number; end: number } | null;
}

function assemble(parts: Parts): Assembled {
  let text = "";
  let greetingRange: Assembled["greetingRange"] = null;
  if (parts.greeting) {
    greetingRange = { start: 0, end: parts.greeting.length };
    text = parts.greeting + "\n\n";
  }
  const ranges: Assembled["ranges"] = [];
  parts.body.forEach((s, i) => {
    if (i > 0) text += " ";
    ranges.push({ start: text.length, end: text.length + s.text.length });
    text += s.text;
  });
  if (parts.signOff.length) text += "\n\n" + parts.signOff.join("\n");
  return { text, ranges, greetingRange };
}

/** Removes the clause holding [from, to) from a sentence; null when too little is left to stand alone. */
function withoutClause(sentence: string, from: number, to: number): string | null {
  const cuts: Array<{ start: number; end: number }> = [];
  let last = 0;
  for (const m of sentence.matchAll(/,\s+(?:and |so |but )?|;\s+|:\s+|\s+[-–—]\s+|\s+(?:and|but|so)\s+|\s+(?=or (?:else|I'll|I will|we'll)\b)/g)) {
    cuts.push({ start: last, end: m.index });
    last = m.index + m[0].length;
  }
  cuts.push({ start: last, end: sentence.length });
  const kept = cuts.filter((c) => c.end <= from || c.start >= to).map((c) => sentence.slice(c.start, c.end).trim());
  // "I'm X and noticed Y" without its first clause still needs its subject: "I noticed Y".
  if (kept.length && cuts[0] && !(cuts[0].end <= from) && /^I\b|^I'/.test(sentence) && /^[a-z]+(?:ed|ve)\b/.test(kept[0]!)) kept[0] = `I ${kept[0]}`;
  const joined = kept.join(", ").replace(/[,;:\s]+$/, "");
  if (joined.split(/\s+/).length < 4 || kept.length === cuts.length) return null;
  const ending = /^(?:<[^>]+>\s*)?(?:would|could|can|will|do|are|is|any chance|might)\b/i.test(joined) ? "?" : ".";
  return capitalise(/[.!?]$/.test(joined) ? joined : joined.replace(/[.!?]*$/, ending));
}

/** Removes the clause (or the sentence) a finding points at; false when there is nothing the rewrite may touch. */
function repairAt(parts: Parts, finding: Finding, assembled: Assembled): boolean {
  const { start, end } = finding;
  if (start === null || end === null) return false;
  if (assembled.greetingRange && start < assembled.greetingRange.end) {
    parts.greeting = finding.rule === "mass-blast" ? "Hi [their first name]," : null;
    return true;
  }
  const index = assembled.ranges.findIndex((r) => start < r.end && end > r.start);
  const range = assembled.ranges[index];
  const sentence = parts.body[index];
  if (!range || !sentence || sentence.fixed) return false;
  const shorter = withoutClause(sentence.text, Math.max(0, start - range.start), Math.min(sentence.text.length, end - range.start));
  if (shorter) sentence.text = shorter;
  else parts.body.splice(index, 1);
  return true;
}

/** Fixes what has no single place: too many sentences (cut the weakest), no way out (add one). */
function repairWhole(parts: Parts, finding: Finding, assembled: Assembled, doc: Doc, notes: SentenceNotes): boolean {
  if (finding.rule === "too-long") {
    // The sender's own way out stays: without it the rewrite would need ours, and be no shorter.
    const removable = parts.body.map((s, i) => ({ s, i })).filter(({ s }) => !s.fixed && !PLAIN_OUT.test(s.text));
    if (!removable.length) return false;
    const excess = Math.max(1, doc.bodySentences.length - MAX_BODY_SENTENCES);
    const weakest = new Set(removable.sort((a, b) => notes.priority(a.s.text) - notes.priority(b.s.text) || b.i - a.i).slice(0, excess).map((r) => r.i));
    parts.body = parts.body.filter((_s, i) => !weakest.has(i));
    return true;
  }
  if (finding.rule === "no-graceful-out") {
    if (parts.body.some((s) => s.fixed && PLAIN_OUT.test(s.text))) return false;
    parts.body.push({ text: gracefulOutFor(notes.kind, assembled.text), fixed: true });
    return true;
  }
  return false;
}

/**
 * Reviews the assembled text and removes what fires. Each round fixes at most one finding per
 * sentence, last sentence first, so the offsets of the others stay valid; whole-text fixes
 * (length, the way out) wait until the sentences are clean.
 */
function repairUntilClean(parts: Parts, notes: SentenceNotes, rules: readonly RuleId[]): void {
  for (let round = 0; round < MAX_REPAIR_ROUNDS; round++) {
    const assembled = assemble(parts);
    const { evidence, findings: dirty } = inspect(assembled.text, {}, rules);
    if (!dirty.length) return;
    const bySentence = new Map<number, Finding>();
    for (const f of dirty) {
      // Too many sentences is cured by cutting the weakest (repairWhole), not whichever happens to come sixth.
      if (f.start === null || f.rule === "too-long") continue;
      const at = f.start;
      const index = assembled.greetingRange && at < assembled.greetingRange.end ? -1 : assembled.ranges.findIndex((r) => at < r.end && (f.end ?? at) > r.start);
      if (!bySentence.has(index)) bySentence.set(index, f);
    }
    let changed = false;
    for (const index of [...bySentence.keys()].sort((x, y) => y - x)) changed = repairAt(parts, bySentence.get(index)!, assembled) || changed;
    if (!changed) changed = dirty.some((f) => repairWhole(parts, f, assembled, evidence.doc, notes));
    if (!changed) return;
  }
}

/**
 * Removes the anti-patterns from the sender's own sentences, one sentence at a time (cheap: only
 * sentences that changed are read again). The whole-text check at the end catches anything that
 * only shows across sentences.
 */
function repairSentences(parts: Parts, notes: SentenceNotes): void {
  for (let round = 0; round < MAX_REPAIR_ROUNDS; round++) {
    let changed = false;
    for (let i = parts.body.length - 1; i >= 0; i--) {
      const sentence = parts.body[i]!;
      const problem = sentence.fixed ? null : notes.contentProblem(sentence.text);
      if (!problem) continue;
      const shorter = withoutClause(sentence.text, problem.start, problem.end);
      if (shorter) sentence.text = shorter;
      else parts.body.splice(i, 1);
      changed = true;
    }
    if (!changed) return;
  }
}

/** Outs phrased so plainly that no reader can miss them; an unusual one is replaced by one of ours. */
const PLAIN_OUT = /\b(?:understand|no worries|no problem|no pressure|feel free|totally fine|completely fine|perfectly fine|rather not|say no|decline|no hard feelings|no obligation|not a good time|either way|ignore this)\b/i;
const hasPlainOut = (body: BodySentence[], notes: SentenceNotes): boolean => body.some((s) => PLAIN_OUT.test(s.text) && signalOf(notes.doc(s.text), "gracefulOut"));

/** The anti-patterns removed from the sender's own sentences before anything is added or cut for length. */
const CONTENT_RULES: readonly RuleId[] = MUST_BE_CLEAN.filter((r) => r !== "too-long" && r !== "no-graceful-out");

/** Placeholders for what the rules found missing: the etiquette's gaps first, optional polish (tips) last. */
function placeholdersFor(findings: Finding[]): { gaps: string[]; tips: string[] } {
  const fired = new Set(findings.map((f) => f.rule));
  const gaps = PLACEHOLDER_GAPS.filter((r) => fired.has(r)).map((r) => PLACEHOLDER[r]!);
  const timeline = fired.has("no-timeline");
  const contact = fired.has("no-direct-contact");
  const tips = timeline && contact ? [TIMELINE_AND_CONTACT] : [...(timeline ? [PLACEHOLDER["no-timeline"]!] : []), ...(contact ? [PLACEHOLDER["no-direct-contact"]!] : [])];
  return { gaps, tips };
}

/**
 * Fits the body to five sentences: the sender's own sentences first (they carry the facts), then
 * placeholders in the room left (how you know each other first), an ask if cleaning removed it, and
 * the way out last.
 */
function fitToLength(parts: Parts, notes: SentenceNotes, findings: Finding[], out: string | null): void {
  const kind = notes.kind;
  const { gaps, tips } = placeholdersFor(findings);
  const outCost = out ? 1 : 0;
  // A sign-off many readers would not recognise as one (e.g. "Grazie,") is counted as body text, to be safe.
  const signOffCost = parts.signOff.length && !COMMON_SIGN_OFF.test(parts.signOff[0] ?? "") ? parts.signOff.length : 0;
  const budget = Math.max(2, MAX_BODY_SENTENCES - signOffCost) - outCost;
  const room = Math.max(Math.min(4, budget), budget - Math.min(gaps.length, 2));
  const counted = (body: BodySentence[]) => body.reduce((sum, s) => sum + notes.cost(s.text), 0);
  if (counted(parts.body) > room) parts.body = withNamesKept(parts.body, strongest(parts.body, room, notes), notes);

  const additions = [...gaps, ...tips].slice(0, Math.max(0, budget - counted(parts.body))).map((text) => ({ text, fixed: true }));
  if (additions[0]?.text === PLACEHOLDER["no-shared-context"]) parts.body.unshift(additions.shift()!);
  // The sender's own request, even in words the lexicon does not know as this kind's ask, beats a generic one; a
  // recommendation or an endorsement is still asked for by name.
  const ownRequestWillDo = kind !== "recommendation_ask" && kind !== "endorsement_ask";
  if (kind !== "other" && !parts.body.some((s) => asks(notes.doc(s.text), kind) || (ownRequestWillDo && REQUEST_OF_READER.test(s.text)))) {
    if (counted(parts.body) + additions.length >= budget) additions.pop();
    parts.body.push({ text: FALLBACK_ASK[kind], fixed: true });
  }
  parts.body.push(...additions);
  if (out) parts.body.push({ text: out, fixed: true });
}

const ENTITY = /<[@#!][^>\s]+>|<https?:\/\/[^>\s]+>|https?:\/\/[^\s<>|]+[^\s<>|.,;:!?)'"]|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/**
 * Mentions, e-mail addresses and links of the draft survive the rewrite (spec: requirement 4),
 * except those that only served an e-mail workaround or a pitch. One lost with a removed sentence
 * comes back: a mention in front of the first sentence, an address or link in a short line.
 */
function restoreEntities(parts: Parts, draft: string, findings: Finding[]): void {
  if (!/[@<]|https?:/.test(draft)) return;
  const droppable = findings.filter((f) => (f.rule === "email-workaround" || f.rule === "premature-pitch") && f.start !== null);
  const inDroppable = (at: number) => droppable.some((f) => at >= f.start! - 80 && at <= f.end! + 80);
  const kept = keptEntities(parts);
  // Addresses put back share one sentence: "You can reach me at a@x.com or b@y.com."
  let reachMe: BodySentence | null = null;
  let forReference: BodySentence | null = null;
  for (const m of draft.matchAll(ENTITY)) {
    const entity = m[0];
    if (kept.has(entity) || inDroppable(m.index)) continue;
    const first = parts.body.find((b) => !b.fixed) ?? parts.body[0];
    if (entity.startsWith("<@") || entity.startsWith("<#") || entity.startsWith("<!")) {
      if (parts.greeting) parts.greeting = `${entity} ${parts.greeting}`;
      else if (first) first.text = `${entity} ${first.text}`;
      else continue;
    } else if (entity.includes("@") && !entity.startsWith("<")) {
      const contact = parts.body.find((b) => b.text.includes(CONTACT_SLOT));
      if (contact) contact.text = contact.text.replace(CONTACT_SLOT, entity);
      else if (reachMe) reachMe.text = reachMe.text.replace(/\.$/, ` or ${entity}.`);
      else parts.body.splice(Math.max(0, parts.body.length - 1), 0, (reachMe = { text: `You can reach me at ${entity}.`, fixed: true }));
    } else {
      if (forReference) forReference.text += ` and ${entity}`;
      else parts.body.splice(Math.max(0, parts.body.length - 1), 0, (forReference = { text: `For reference: ${entity}`, fixed: true }));
    }
    kept.add(entity);
  }
}

const CONTACT_SLOT = "[your email or phone]";

/**
 * Whether the rewrite's text holds an entity, as entities are put back one at a time, without
 * searching the whole text each time (a draft may hold thousands of them). An entity has no spaces
 * and never ends with "."; one put back is set apart by a space, a line break or a final ".", so
 * another entity occurs in the text only inside the text as it was or inside one entity put back.
 * One in angle brackets occurs only as a whole "<…>" span: those are kept in a set. A sender's
 * sentence holding the contact placeholder could let an address run into its words: then the
 * text is searched whole.
 */
function keptEntities(parts: Parts): { has(entity: string): boolean; add(entity: string): void } {
  const wholeText = () => [parts.greeting ?? "", ...parts.body.map((b) => b.text), ...parts.signOff].join("\n");
  if (parts.body.some((b) => !b.fixed && b.text.includes(CONTACT_SLOT))) return { has: (entity) => wholeText().includes(entity), add: () => {} };
  const before = wholeText();
  const bracketed = new Set<string>();
  const addSpans = (text: string) => {
    for (let open = text.indexOf("<"); open >= 0; open = text.indexOf("<", open + 1)) {
      const close = text.indexOf(">", open);
      if (close < 0) break;
      bracketed.add(text.slice(open, close + 1));
    }
  };
  addSpans(before);
  // The entities the text already holds, a quick yes before searching it.
  const held = new Set([...before.matchAll(ENTITY)].map((m) => m[0]));
  const added: string[] = [];
  let addedText: string | null = "";
  return {
    has(entity) {
      if (entity.startsWith("<")) return bracketed.has(entity);
      return held.has(entity) || before.includes(entity) || (addedText ??= added.join("\n")).includes(entity);
    },
    add(entity) {
      addSpans(entity);
      added.push(entity);
      addedText = null;
    },
  };
}

/**
 * A name the cut left only in part ("Hamid's advice" once "Hamid Rahimi" went with its sentence)
 * gets its full form back, so the reader still knows exactly who or what is meant.
 */
function completeNames(parts: Parts, draft: string, findings: Finding[]): void {
  // The kept text in lower case, worked out again only after a name was completed in it.
  let keptLower: string | null = null;
  const kept = () => (keptLower ??= parts.body.map((b) => b.text).join("\n").toLowerCase());
  const flagged = findings.filter((f) => f.start !== null && f.end !== null && MUST_BE_CLEAN.includes(f.rule)).map((f) => draft.slice(f.start!, f.end!).toLowerCase());
  for (const name of new Set(namesIn(draft))) {
    // The cheap checks first: a flagged excerpt can be most of the draft.
    if (!name.includes(" ") || kept().includes(name.toLowerCase())) continue;
    if (flagged.some((words) => words.includes(name.toLowerCase()))) continue;
    const words = name.split(" ");
    for (const [at, part] of words.entries()) {
      if (part.length < 3 || NOT_A_NAME.has(part.toLowerCase())) continue;
      // A first name stands for the whole name, a surname for a two-word name; "Houston" alone never meant "Bank One Center Houston".
      if (at > 0 && !(at === 1 && words.length === 2)) continue;
      // Only sentences holding the part as written can match the pattern below (cheaper to check first).
      const holding = parts.body.filter((b) => !b.fixed && b.text.includes(part) && !b.text.includes(name));
      if (!holding.length) continue;
      // The part standing alone, not inside another name ("Supply" in "Navy Supply Corps" is not "Supply Corps Captain").
      const word = new RegExp(`(?<![\\p{L}\\d])(?<!\\p{Lu}[\\p{L}'’.-]* )${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\d])(?! \\p{Lu})`, "u");
      const sentence = holding.find((b) => word.test(b.text));
      if (sentence) {
        sentence.text = sentence.text.replace(word, name);
        keptLower = null;
        break;
      }
    }
  }
}

/** The draft's body sentences as the rewrite starts from them (merge fields and commands softened): what its cut chooses among. */
export function rewriteCandidates(doc: Doc, kind: Kind): string[] {
  return startingParts(doc, kind).body.map((s) => s.text);
}

function startingParts(doc: Doc, kind: Kind): Parts {
  const parts = split(doc);
  if (parts.greeting) parts.greeting = GROUP_GREETING.test(parts.greeting) ? "Hi [their first name]," : replaceMergeFields(parts.greeting);
  parts.body = parts.body.map((s) => ({ text: soften(replaceMergeFields(s.text), kind), fixed: false }));
  return parts;
}

export function rewrite(e: Evidence, findings: Finding[], keySentences?: KeySentenceModel): string {
  const kind = e.kind;
  const parts = startingParts(e.doc, kind);
  // A very long draft is first cut to its most telling sentences, so repairs work on a short text.
  const notes = new SentenceNotes(kind, keySentences);
  if (parts.body.length > MAX_SENTENCES_TO_REPAIR) parts.body = strongest(parts.body, MAX_SENTENCES_TO_REPAIR, notes);
  if (findings.some((f) => CONTENT_RULES.includes(f.rule))) repairSentences(parts, notes);

  // The sender's own way out stays if a reader can't miss it; otherwise one of ours replaces it.
  const out = hasPlainOut(parts.body, notes) ? null : gracefulOutFor(kind, e.doc.raw);
  if (out) parts.body = parts.body.filter((s) => !signalOf(notes.doc(s.text), "gracefulOut"));
  fitToLength(parts, notes, findings, out);

  restoreEntities(parts, e.doc.raw, findings);
  repairUntilClean(parts, notes, MUST_BE_CLEAN);
  // A model that points at sentence after sentence can leave nothing of the sender's: the rewrite still asks, and still offers a way out.
  if (!parts.body.length && kind !== "other") {
    parts.body = [{ text: FALLBACK_ASK[kind], fixed: true }, { text: gracefulOutFor(kind, e.doc.raw), fixed: true }];
    repairUntilClean(parts, notes, MUST_BE_CLEAN);
  }
  completeNames(parts, e.doc.raw, findings);
  return assemble(parts).text;
}
