/**
 * The rule table: one declaration per rule of the contract (../shared/spec/coaching-rules.md).
 * `detect` returns the span of the problem, `true` for a problem with no single place (something
 * missing), or null when the rule does not fire. The engine loops over this table; a new rule is
 * one entry here plus its tests.
 */
import type { AskKind, RuleId, Severity } from "../types";
import type { Span } from "./text";
import type { Evidence } from "./evidence";
import { findFirst, rx } from "./match";
import type { HouseLimits } from "../house-rules";

export interface RuleDefinition {
  id: RuleId;
  /** The rule's name as people read it (admin views): "No time frame". */
  title: string;
  severity: Severity;
  kinds: readonly AskKind[];
  /** `house` carries the team's limits (house rules); absent, the contract's. */
  detect(e: Evidence, house?: HouseLimits): Span | true | null;
  /** What to change, in a line the sender can act on. */
  message: string;
  /** The message under a team's limits, for a rule whose message names one. */
  houseMessage?: (house: HouseLimits) => string;
  /** Why it matters, grounded in the etiquette. */
  why: string;
}

/** The contract's own example phrases of each problem in the text (../shared/spec/coaching-rules.md, "fires when"). */
const SPEC_EXAMPLES = {
  quidProQuo: rx("\\b(?:i'll recommend you back|return the favou?r|if you endorse me,? i'll endorse you|let's swap recommendations|i already wrote one for you)\\b"),
  noFirstHandBasis: rx("\\b(?:we haven't worked together|we only met once|even though we've never met|you don't know me well,? but)\\b"),
  genericTemplate: rx("\\b(?:i saw your profile and wanted to connect|i'd like to add you to my professional network|please add me to your contacts|i'm reaching out to grow my network)\\b"),
  prematurePitch: rx("\\bbook a demo\\b"),
  demandingTone: rx("\\b(?:i need you to|you must|make sure you|don't ignore this|you owe me|still waiting|surely you've had time)\\b|(?<![\\w])asap\\b"),
};

/**
 * Ways out so plain that no reader misses them: with one in the draft, nothing the model weighs
 * elsewhere makes "no way out" true (the labelled drafts agree, 190 to 1).
 */
const UNMISTAKABLE_OUT = rx("\\b(?:feel free to (?:say no|decline|pass)|no (?:worries|problem|pressure)(?: at all)? if (?:not|it|you|now|the timing)|(?:totally|completely|perfectly) (?:fine|ok|okay) if (?:not|you)|if (?:you'd|you would) rather not|no hard feelings|i (?:completely|totally|fully) understand|(?:if|when) (?:now|it) isn't a good time)");

const ALL_ASKS: readonly AskKind[] = ["intro_request", "recommendation_ask", "endorsement_ask", "connection_request", "outreach", "follow_up"];
const absent = (present: boolean): true | null => (present ? null : true);

export const MAX_BODY_SENTENCES = 5;
export const MASS_BLAST_RECIPIENTS = 5;

export const RULES: readonly RuleDefinition[] = [
  {
    id: "quid-pro-quo",
    title: "A favour offered in return",
    severity: "blocker",
    kinds: ALL_ASKS,
    detect: (e) => e.judged("quid-pro-quo", () => e.find("quidProQuo"), true, SPEC_EXAMPLES.quidProQuo),
    message: "Drop the offer of a recommendation or endorsement in return; ask on its own merits.",
    why: "A recommendation traded for one back is worth nothing to the people who read it, and it puts the reader in an awkward spot.",
  },
  {
    id: "no-first-hand-basis",
    title: "The reader hasn't seen your work",
    severity: "blocker",
    kinds: ["recommendation_ask", "endorsement_ask"],
    detect: (e) => e.judged("no-first-hand-basis", () => e.find("noFirstHandBasis"), true, SPEC_EXAMPLES.noFirstHandBasis),
    message: "Ask someone who has seen your work first-hand; this reader, by your own account, hasn't.",
    why: "People should only vouch for work they know; asking a near-stranger forces them to refuse or to vouch blind.",
  },
  {
    id: "repeat-follow-up",
    title: "A second follow-up",
    severity: "blocker",
    kinds: ["follow_up"],
    detect: (e) => e.find("repeatFollowUp") ?? ((e.history?.followUpsLogged ?? 0) >= 1 ? true : null),
    message: "You have already followed up once. Don't send another nudge; read the silence as a gentle no.",
    why: "One polite follow-up is courteous; more turns a favour into pressure and costs you the relationship.",
  },
  {
    id: "no-graceful-out",
    title: "No easy way to say no",
    severity: "warn",
    kinds: ["intro_request", "recommendation_ask", "endorsement_ask", "outreach", "follow_up"],
    detect: (e) => (findFirst(e.doc, UNMISTAKABLE_OUT) ? null : e.judged("no-graceful-out", () => absent(e.has("gracefulOut")), false)),
    message: "Give the reader an easy way to say no, e.g. \"If it's not a good fit, no worries at all.\"",
    why: "A guilt-free way out makes a yes more likely and keeps a no from straining the relationship.",
  },
  {
    id: "generic-template",
    title: "Stock wording",
    severity: "warn",
    kinds: ["connection_request", "outreach", "intro_request", "recommendation_ask", "endorsement_ask"],
    detect: (e) => e.judged("generic-template", () => e.find("genericTemplate"), true, SPEC_EXAMPLES.genericTemplate),
    message: "Replace the stock wording with a line only this reader could receive.",
    why: "Boilerplate like \"I'd like to add you to my network\" reads as a mass invitation and is easy to ignore.",
  },
  {
    id: "no-shared-context",
    title: "No shared context",
    severity: "warn",
    kinds: ["intro_request", "recommendation_ask", "endorsement_ask", "connection_request", "outreach"],
    detect: (e) => e.judged("no-shared-context", () => absent(e.present("sharedContext", "context")), false),
    message: "Say how you know the reader: where you met, what you worked on together, or which of their talks or posts you saw.",
    why: "Readers help people they can place; a shared school, a mutual connection or a job title is not a relationship.",
  },
  {
    id: "no-specifics",
    title: "No specific work to point to",
    severity: "warn",
    kinds: ["recommendation_ask"],
    detect: (e) => e.judged("no-specifics", () => (e.has("noFirstHandBasis") ? true : absent(e.present("workSpecifics", "specifics"))), false),
    message: "Point the reader to specific work they saw: a project, a result, a skill you'd like them to mention.",
    why: "A good recommendation is concrete; naming the work makes it easy to write and worth reading.",
  },
  {
    id: "unclear-intent",
    title: "Unclear why you want the introduction",
    severity: "warn",
    kinds: ["intro_request"],
    detect: (e) => e.judged("unclear-intent", () => absent(e.present("statedIntent", "intent")), false),
    message: "Say why you want to meet this person and what you hope for: advice, a partnership, a sale, a hire.",
    why: "The connector vouches for you when they introduce you; they need to know what they are signing up for.",
  },
  {
    id: "no-value-for-recipient",
    title: "Nothing in it for the reader",
    severity: "warn",
    kinds: ["outreach", "connection_request"],
    detect: (e) => e.judged("no-value-for-recipient", () => absent(e.has("valueForReader")), false),
    message: "Add what's in it for the reader, or how the two of you could help each other.",
    why: "People answer messages that help them too; an ask that only serves the sender reads as taking.",
  },
  {
    id: "premature-pitch",
    title: "A sales pitch too early",
    severity: "warn",
    kinds: ["connection_request", "outreach"],
    detect: (e) => e.judged("premature-pitch", () => e.find("salesPitch"), true, SPEC_EXAMPLES.prematurePitch),
    message: "Save the pitch (demo, pricing, offer) for after the reader has shown interest.",
    why: "A sales pitch in a first contact feels like an ambush; build the relationship first.",
  },
  {
    id: "demanding-tone",
    title: "A demanding tone",
    severity: "warn",
    kinds: ALL_ASKS,
    detect: (e) => e.judged("demanding-tone", () => e.find("demandingTone"), true, SPEC_EXAMPLES.demandingTone),
    message: "Soften the pressure: ask rather than tell, and drop deadlines, guilt and \"you owe me\".",
    why: "The reader owes you nothing; commands and guilt make a favour feel like an obligation.",
  },
  {
    id: "too-long",
    title: "Too long",
    severity: "warn",
    kinds: ALL_ASKS,
    detect: (e, house) => {
      const body = e.doc.bodySentences;
      const firstExtra = body[house?.maxBodySentences ?? MAX_BODY_SENTENCES];
      const last = body[body.length - 1];
      return firstExtra && last ? { start: firstExtra.start, end: last.end } : null;
    },
    message: `Cut it to ${MAX_BODY_SENTENCES} sentences or fewer: who you are, what you ask, why, by when, and a way out.`,
    houseMessage: (house) => `Cut it to ${house.maxBodySentences} sentences or fewer (your team's limit): who you are, what you ask, why, and a way out.`,
    why: "A short ask is easy to say yes to and easy to forward.",
  },
  {
    id: "email-workaround",
    title: "An e-mail workaround",
    severity: "warn",
    kinds: ["connection_request", "outreach"],
    detect: (e) => e.find("emailWorkaround"),
    message: "Don't coach the reader around the network's checks or tell them which e-mail to type.",
    why: "Those checks protect people from strangers; sidestepping them signals you are one.",
  },
  {
    id: "mass-blast",
    title: "Sent to many at once",
    severity: "warn",
    kinds: ALL_ASKS,
    detect: (e) =>
      e.find("mergeField") ?? e.find("groupAddress") ?? ((e.history?.recipientsOfSameAskLast14Days ?? 0) >= MASS_BLAST_RECIPIENTS ? true : null),
    message: "Write to one person at a time, by name, about why you're asking them.",
    why: "A message that was clearly sent to many gets treated as spam; a personal note gets an answer.",
  },
  {
    id: "no-timeline",
    title: "No time frame",
    severity: "tip",
    kinds: ["intro_request", "outreach"],
    detect: (e) => e.judged("no-timeline", () => absent(e.present("timeFrame", "timeline")), false),
    message: "Add a time frame, even a loose one (\"in the next few weeks\", \"no rush\").",
    why: "A time frame tells the reader how to prioritise your ask.",
  },
  {
    id: "no-direct-contact",
    title: "No direct contact details",
    severity: "tip",
    kinds: ["intro_request"],
    detect: (e) => absent(e.has("directContact")),
    message: "Add your e-mail or phone so the connector can check details with you first.",
    why: "A connector who can reach you directly can make the introduction without chasing you.",
  },
];
