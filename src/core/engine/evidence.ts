import type { AskHistory, Kind } from "../types";
import type { LearnedRule } from "../learned/model";
import { findFirst } from "./match";
import type { Doc, Span } from "./text";
import * as signals from "./signals";
import { perDoc } from "./per-doc";

export type PlaceholderTopic = "context" | "specifics" | "intent" | "timeline" | "contact";

const PLACEHOLDER_TOPICS: Array<[PlaceholderTopic, RegExp]> = [
  ["context", /\b(?:know|met|meet|worked|work together|context|relationship|how you|where you|where we)\b/],
  ["specifics", /\b(?:project|work|result|skill|example|achievement|specific)\b/],
  ["intent", /\b(?:why|reason|purpose|intent|goal|hope to|want to)\b/],
  ["timeline", /\b(?:when|date|deadline|time frame|timeline|by when)\b/],
  ["contact", /\b(?:e-?mail|phone|number|contact)\b/],
];

/** Bracketed fill-ins the sender must complete, e.g. "[where you met]"; lower-case, unlike merge fields such as "[Name]". */
export function placeholderTopics(raw: string): Set<PlaceholderTopic> {
  const topics = new Set<PlaceholderTopic>();
  if (!raw.includes("[")) return topics;
  for (const m of raw.matchAll(/\[([a-z][^\]\n]{2,100})\]/g)) {
    const inner = m[1] ?? "";
    for (const [topic, re] of PLACEHOLDER_TOPICS) if (re.test(inner)) topics.add(topic);
  }
  return topics;
}

const placeholdersIn = perDoc((doc: Doc) => placeholderTopics(doc.raw));

type SignalName = keyof typeof signals;
export type SpanSignal = { [K in SignalName]: (typeof signals)[K] extends (doc: Doc) => Span | null ? K : never }[SignalName];

const REMEMBERED = new Map<string, (doc: Doc) => unknown>(Object.entries(signals).map(([name, signal]) => [name, perDoc(signal as (doc: Doc) => unknown)]));

/** Where a signal of the lexicon first matches in a document (worked out once per document object). */
export const signalOf = (doc: Doc, name: SpanSignal): Span | null => REMEMBERED.get(name)!(doc) as Span | null;

/** What the learned layer decided about a draft, as the rules read it. */
export interface LearnedVerdicts {
  /** Whether a judgment rule fires, knowing whether the lexicon found it; undefined when no model covers the rule. */
  fires(rule: LearnedRule, lexiconFires: boolean): boolean | undefined;
  /** The sentence that most moved the model towards firing a rule, for a finding to quote. */
  strongestSentence(rule: LearnedRule): Span | null;
}

/** Everything the rules look at, computed at most once per review. */
export class Evidence {
  readonly placeholders: Set<PlaceholderTopic>;

  constructor(
    readonly doc: Doc,
    readonly kind: Kind,
    readonly history: AskHistory | undefined,
    readonly learned: LearnedVerdicts | undefined = undefined,
  ) {
    this.placeholders = placeholdersIn(doc);
  }

  /** The same evidence (signals already computed are kept with the document) for a decided kind and the learned verdicts. */
  decided(kind: Kind, learned: LearnedVerdicts | undefined): Evidence {
    return new Evidence(this.doc, kind, this.history, learned);
  }

  /**
   * A judgment rule: the learned layer decides whether it fires; the lexicon, when it agrees, says
   * where. A problem the lexicon cannot place is quoted at the sentence that weighed most.
   */
  judged(rule: LearnedRule, lexicon: () => Span | true | null, placed: boolean, specExample?: RegExp): Span | true | null {
    const where = lexicon();
    // The contract's own examples of a problem are exact: no model overrules them.
    if (specExample && where && where !== true) {
      const quoted = findFirst(this.doc, specExample);
      if (quoted) return quoted;
    }
    const fires = this.learned?.fires(rule, where !== null);
    if (fires === undefined) return where;
    if (!fires) return null;
    if (where) return where;
    return placed ? (this.learned?.strongestSentence(rule) ?? true) : true;
  }

  /** Where a signal first matches, or null. */
  find(name: SpanSignal): Span | null {
    return signalOf(this.doc, name);
  }

  has(name: SpanSignal): boolean {
    return this.find(name) !== null;
  }

  /** Present in the text, or marked as a placeholder for the sender to fill in. */
  present(name: SpanSignal, topic: PlaceholderTopic): boolean {
    return this.placeholders.has(topic) || this.has(name);
  }
}
