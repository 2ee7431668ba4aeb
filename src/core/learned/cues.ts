/**
 * What the lexicon knows, as named features for the learned models: which signals fired, the
 * lexicon's own guess at the kind, the placeholders the sender left, and how long the body is.
 */
import type { Kind } from "../types";
import type { Evidence } from "../engine/evidence";

/** The lexicon's signals given to the models (each fires or not). */
export const CUE_SIGNALS = [
  "introAsk",
  "recommendationAsk",
  "endorsementAsk",
  "connectionAsk",
  "outreachAsk",
  "followUpMarker",
  "quidProQuo",
  "noFirstHandBasis",
  "repeatFollowUp",
  "gracefulOut",
  "sharedContext",
  "workSpecifics",
  "statedIntent",
  "valueForReader",
  "salesPitch",
  "demandingTone",
  "emailWorkaround",
  "mergeField",
  "groupAddress",
  "timeFrame",
  "directContact",
  "genericTemplate",
] as const;

function lengthBucket(sentences: number): string {
  if (sentences <= 5) return String(sentences);
  if (sentences <= 8) return "6-8";
  if (sentences <= 15) return "9-15";
  return "16+";
}

export function cuesOf(e: Evidence, lexiconKind: Kind, lexiconSaysNotAnAsk: boolean): string[] {
  const cues: string[] = [];
  for (const name of CUE_SIGNALS) if (e.has(name)) cues.push("s:" + name);
  cues.push("lk:" + lexiconKind);
  if (lexiconSaysNotAnAsk) cues.push("lex-not-an-ask");
  for (const topic of e.placeholders) cues.push("ph:" + topic);
  cues.push("n:" + lengthBucket(e.doc.bodySentences.length));
  if (e.doc.norm.includes("?")) cues.push("has-question");
  return cues;
}
