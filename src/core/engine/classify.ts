import type { Kind } from "../types";
import type { Doc } from "./text";
import { findAny, findFirst, rx } from "./match";
import { signalOf } from "./evidence";
import { perDoc } from "./per-doc";

const ETIQUETTE_QUESTION = rx("^\\s*(?:@x+\\s*)?(?:how (?:many|often|long|soon|much)|is it (?:ok|okay|rude|weird|normal|fine|appropriate|too)|what (?:if|should|do you)|when (?:is it|should)|any (?:tips|advice)|is it|should i|how (?:do|should|can|would) i|what's the best way|when should i|can i ask|does askwell|is askwell|can askwell)\\b");
const REQUEST_TO_THE_BOT = rx("\\bhelp me (?:word|phrase|write|draft|rewrite|improve|polish|reword)\\b|\\b(?:make|help) (?:my|this) (?:\\w+ ){0,2}(?:ask|message|draft|note|request|dm|email)\\b(?=[^.!?]*\\b(?:sound|read|look|less|more|better)\\b)");
const NOTICE = rx("^\\W*(?:reminder|friendly reminder|just a reminder|fyi|heads up|psa|announcement|update|note)\\b[:,!-]|^\\W*(?:we're hiring|we are hiring|now hiring|job alert|open role|new role)\\b");
const AGREEING = rx("^\\W*(?:@x+\\s*)?(?:sure|sure thing|of course|absolutely|yes|yep|yeah|happy to help|no problem|done|will do)\\b|^\\W*(?:[\\w:]+ ){0,3}(?:works|work) (?:for me|great|fine|well)\\b|^\\W*(?:sounds good|sounds great|perfect|great)[,!.]");
const DECLINING = rx("^[^?]*\\b(?:i don't think i can|i can't|i cannot|i won't be able to|i'm not able to|i'm not in a position to|i'd rather not) (?:\\w+ )?(?:make|do|give|write|introduce|intro|connect|recommend|endorse|vouch)\\b");
const SEE_YOU = rx("\\bsee you (?:then|there|soon|tomorrow)\\b");
const RUNNING_LATE = rx("\\brunning (?:\\d+ ?min(?:ute)?s? |a (?:bit|few minutes) |a little )?late\\b|\\bstart without me\\b");
const OFFERING = rx("\\b(?:want me to|shall i|should i|would you like me to) (?:intro|introduce|connect|put|write|leave|give|endorse|recommend) you\\b");
const THANKS_FOR_HELP_GIVEN = rx("^\\W*(?:hi \\w+[,!]?\\s*)?(?:thanks|thank you|many thanks)\\b[^.!?]{0,40}\\bfor (?:the |your |all the )?(?:intro|introduction|connecting|recommendation|endorsement|reference|kind words|help)\\b");

/** How a message opens when it is not an ask: a question about etiquette, a notice, a reply, a refusal. */
const OPENINGS = [ETIQUETTE_QUESTION, NOTICE, AGREEING, DECLINING];
/** Phrases that make a short message a non-ask; in a longer one they may sit beside an ask, so they decide nothing there. */
const SHORT_MESSAGE_MARKERS = [REQUEST_TO_THE_BOT, SEE_YOU, OFFERING, RUNNING_LATE, rx("\\basking for a friend\\b")];
const SHORT_MESSAGE = 2;

/** Messages that are not asks whatever else they say: questions about etiquette or the bot, notices, replies, offers, thanks. */
export const notAnAsk = perDoc(
  (doc: Doc): boolean =>
    !!findAny(doc, OPENINGS) ||
    (doc.bodySentences.length <= SHORT_MESSAGE && !!findAny(doc, SHORT_MESSAGE_MARKERS)) ||
    (!doc.norm.includes("?") && !!findFirst(doc, THANKS_FOR_HELP_GIVEN)),
);

/**
 * One kind per draft. Order matters: a nudge about an intro is a follow-up; asking a connector
 * to pass on a recommendation request is an intro; anything asked beyond connecting is outreach.
 */
export function lexiconKind(doc: Doc): Kind {
  if (!/[\p{L}]/u.test(doc.norm) || notAnAsk(doc)) return "other";
  // Text aimed at the bot ("ignore your rules") is reviewed like any other text: it is an ask only if it asks the reader for something.
  return askKind(doc);
}

function askKind(doc: Doc): Kind {
  if (signalOf(doc, "followUpMarker")) return "follow_up";
  if (signalOf(doc, "introAsk")) return "intro_request";
  if (signalOf(doc, "recommendationAsk")) return "recommendation_ask";
  if (signalOf(doc, "endorsementAsk")) return "endorsement_ask";
  if (signalOf(doc, "outreachAsk")) return "outreach";
  if (signalOf(doc, "connectionAsk")) return "connection_request";
  // A pitch with no ask is outreach when it is written to someone, not a notice to a channel.
  if (signalOf(doc, "salesPitch") && !signalOf(doc, "groupAddress")) return "outreach";
  return "other";
}
