/**
 * Text analysis that keeps UTF-16 offsets: `norm` has exactly the length of the draft, so a match
 * in `norm` is a span in the draft. Chat markup is blanked, not removed.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** The normalised text of the sentence (a slice of `Doc.norm`). */
  text: string;
  /** Part of the body (not the salutation line or the sign-off block). */
  body: boolean;
}

export interface Doc {
  raw: string;
  /** Lower-cased, quotes straightened, chat markup / URLs / e-mails blanked; same length as `raw`. */
  norm: string;
  sentences: Sentence[];
  bodySentences: Sentence[];
}

const blank = (s: string, keep = ""): string => keep + " ".repeat(Math.max(0, s.length - keep.length));
const fill = (s: string, ch: string): string => ch.repeat(s.length);

const EMAIL_USER_CHAR = /[\w.+-]/;
const EMAIL_DOMAIN = /[\w-]+(?:\.[\w-]+)+/y;

/**
 * The e-mail addresses of a text: the matches of `(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+`, in
 * order, as a global search finds them. Found from each "@" rather than by trying the pattern at
 * every position of the text: a match can only start where the run of address characters before
 * an "@" starts (anywhere else, the run goes on to the left and the lookbehind fails).
 */
export function emailSpans(text: string): Span[] {
  const found: Span[] = [];
  let from = 0;
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && EMAIL_USER_CHAR.test(text[start - 1]!)) start--;
    // No address characters before the "@", or they began inside the previous address: no match here.
    if (start === at || start < from) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(text);
    if (!domain) continue;
    found.push({ start, end: at + 1 + domain[0].length });
    from = at + 1 + domain[0].length;
  }
  return found;
}

/** The text with each span filled with `ch`. */
function filled(text: string, spans: readonly Span[], ch: string): string {
  if (!spans.length) return text;
  let out = "";
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + ch.repeat(span.end - span.start);
    at = span.end;
  }
  return out + text.slice(at);
}
const URL = /\bhttps?:\/\/[^\s<>|]*[^\s<>|.,;:!?)'"]|\bwww\.[\w-]+(?:\.[\w-]+)+(?:[^\s<>|]*[^\s<>|.,;:!?)'"])?/gi;
const SLACK_LINK = /<(https?:\/\/[^|>\s]+|mailto:[^|>\s]+)(?:\|([^>]*))?>/gi;
const SLACK_MENTION = /<[@#!][\w|^-]+>/g;
const TEAMS_AT = /<\/?at>/gi;
const EMOJI_CODE = /:[a-z0-9_+-]{2,}:/gi;
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|dr|mr|mrs|ms|prof|inc|ltd|jr|sr|st|co|approx|no|corp|dept|est|fig|mt)\./gi;
const DECIMAL = /\d\.\d/g;

const CURLY = /[\u2018\u2019\u02bc\u201c\u201d\u2013\u2014]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Lower-cases and straightens quotes char by char, so the length never changes. */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return CURLY.test(lower) ? lower.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, "-") : lower;
  let out = "";
  for (const ch of text) {
    if (ch === "\u2019" || ch === "\u2018" || ch === "\u02bc") out += "'";
    else if (ch === "\u201c" || ch === "\u201d") out += '"';
    else if (ch === "\u2013" || ch === "\u2014") out += "-";
    else {
      const lower = ch.toLowerCase();
      out += lower.length === ch.length ? lower : ch;
    }
  }
  return out;
}

export function normalise(raw: string): string {
  let t = foldCase(raw);
  // Each pass only when its trigger character is there: most sentences have none of them.
  if (t.includes("<")) {
    t = t.replace(SLACK_LINK, (m, _url: string, label?: string) => (label ? blank(m.slice(0, m.length - label.length - 1)) + label + " " : fill(m, "u")));
    t = t.replace(SLACK_MENTION, (m) => "@" + fill(m.slice(1), "x"));
    t = t.replace(TEAMS_AT, (m) => blank(m));
  }
  if (t.includes("@")) t = filled(t, emailSpans(t), "e");
  if (t.includes("http") || t.includes("www.")) t = t.replace(URL, (m) => fill(m, "u"));
  if (t.includes(":")) t = t.replace(EMOJI_CODE, (m) => blank(m));
  // *bold*, _italic_, ~strike~ markers and block-quote / bullet markers are layout, not words.
  t = t.replace(/[*_~`]/g, " ");
  t = t.replace(/^([ \t]*)(?:>|[-•◦▪‣]|\d+[.)])(?=\s)/gm, (m) => blank(m));
  return t;
}

/** The same text with full stops that do not end a sentence masked (abbreviations, decimals). */
function maskFalseStops(norm: string): string {
  return norm.replace(ABBREVIATION, (m) => m.slice(0, -1) + "_").replace(DECIMAL, (m) => m[0] + "_" + m[2]);
}

const GREETING = /^\s*(?:@x+\s*)?(?:hi|hello|hey|heya|hiya|dear|greetings|good (?:morning|afternoon|evening)|morning|yo)\b[^.!?]{0,40}[,:!.]?\s*$/;
const SIGN_OFF = /^\s*(?:thanks|thank you|thx|ty|many thanks|with thanks|gratefully|yours|take care|best|best regards|kind regards|warm regards|warmest regards|regards|cheers|sincerely|warmly|all the best|talk soon|appreciate it|much appreciated|respectfully|speak soon|xo+|x+|gracias|muchas gracias|grazie|grazie mille|merci|merci beaucoup|danke|vielen dank|obrigad[oa]|tak|dank je|arigato|shukran|asante|ciao|saludos|un abrazo|abrazos|bises|hugs|with gratitude|yours truly|faithfully|chat soon|ttyl|(?:with )?(?:best|warm|warmest|kind|kindest|good) wishes|all best|with appreciation|yours sincerely|yours faithfully|love)\b[^.?!]{0,30}[,.!]?\s*$/;

interface Line extends Span {
  text: string;
}

function lines(norm: string): Line[] {
  const out: Line[] = [];
  for (let start = 0; start <= norm.length; ) {
    let end = norm.indexOf("\n", start);
    if (end < 0) end = norm.length;
    const text = norm.slice(start, end);
    if (LETTER_OR_DIGIT.test(text)) out.push({ start, end, text });
    start = end + 1;
  }
  return out;
}

const wordCount = (s: string): number => s.trim().split(/\s+/).filter(Boolean).length;

/** Indexes of the salutation line and of the first sign-off line, per the spec's counting rules. */
function frame(ls: Line[], masked: string): { salutation: number; signOff: number } {
  let salutation = -1;
  const first = ls[0];
  if (ls.length > 1 && first && GREETING.test(masked.slice(first.start, first.end)) && wordCount(first.text) <= 6) salutation = 0;
  let signOff = ls.length;
  for (let i = ls.length - 1; i >= Math.max(salutation + 1, ls.length - 4); i--) {
    const line = ls[i];
    if (line && SIGN_OFF.test(line.text) && ls.slice(i + 1).every((l) => wordCount(l.text) <= 4 && !/[.?!]\s*$/.test(l.text))) {
      signOff = i;
      break;
    }
  }
  return { salutation, signOff };
}

function splitLine(line: Line, masked: string, body: boolean, norm: string): Sentence[] {
  const out: Sentence[] = [];
  const text = masked.slice(line.start, line.end);
  const stop = /[.!?\u2026]+(?=\s|$)/g;
  let from = 0;
  let m: RegExpExecArray | null;
  const push = (a: number, b: number) => {
    const slice = norm.slice(line.start + a, line.start + b);
    if (/[\p{L}\p{N}]/u.test(slice)) out.push({ start: line.start + a, end: line.start + b, text: slice, body });
  };
  while ((m = stop.exec(text))) {
    push(from, m.index + m[0].length);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

/** Splits and normalises a draft. */
export function analyse(raw: string): Doc {
  const norm = normalise(raw);
  const masked = maskFalseStops(norm);
  const ls = lines(norm);
  const { salutation, signOff } = frame(ls, masked);
  const sentences: Sentence[] = [];
  ls.forEach((line, i) => sentences.push(...splitLine(line, masked, i !== salutation && i < signOff, norm)));
  return { raw, norm, sentences, bodySentences: sentences.filter((s) => s.body) };
}

/** The sentence that contains an offset. */
export function sentenceAt(doc: Doc, offset: number): Sentence | undefined {
  return doc.sentences.find((s) => offset >= s.start && offset < s.end);
}
