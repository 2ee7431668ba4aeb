/**
 * The etiquette lexicon: each signal recognises one pattern of meaning (an offer of a
 * recommendation in return, a graceful way out, a shared history...) across its usual
 * paraphrases, with guards for negation, conditionals and who-does-what-to-whom.
 * Rules and the kind classifier are built from these; nothing here knows about rules.
 */
import type { Doc, Span } from "./text";
import { analyse, emailSpans } from "./text";
import { perDoc } from "./per-doc";
import { findAll, findAny, findFirst, gap, sentenceText, notAQuestionAbout, notConditional, notNegated, notNegatedInside, rx, sentenceLacks, clauseBefore } from "./match";

const G = gap;
const WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri)";
const MONTH = "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
const REC_NOUN = "(?:recommenders?|rec+om+end?ations?|recs?|references?|referees?|testimonials?|reference letters?|letters? of recommendation|case stud(?:y|ies)|referrals?)";
const REC_WORD = `(?:${REC_NOUN}|rec+om+end\\w*|endors\\w*)`;

/* ---------- asks: what the sender wants from the reader ---------- */

const INTRO_ASK_PATTERNS = [
  rx("\\b(?:anyone|anybody|does anyone|do you|you) (?:have|got|know) (?:a |any )?(?:contact|connection|intro|someone|anyone|a way in)\\b(?= (?:in|at|on|with|to|who))"),
  rx("\\bintro(?:ing|'ing|ducing)? (?:me|us)\\b"),
  rx("\\bget (?:me|us) (?:\\d+|a few|some|ten|fifteen|twenty|thirty|half an hour|an hour)(?: min(?:ute)?s?| hour)? (?:with|in front of)\\b"),
  rx("\\blink (?:me |us )?up with\\b"),
  rx("\\bhelp me (?:get in touch with|reach|meet|connect with|link up with|get an intro)\\b"),
  rx("\\bconnect (?:me|us) to\\b"),
  rx("\\b(?:could|would|can) you (?:ask|check with|sound out|reach out to|mention (?:me|it) to|pass (?:this|it) (?:on|along) to) (?!me\\b|us\\b|for\\b|around\\b|your (?:team|colleagues))[a-z]", G(60), "\\b(?:whether|if|to)\\b"),
  rx("\\bintroduc(?:e|ing) (?:me|us|myself)\\b"),
  rx("\\bintro(?:'d|duce)? (?:me|us)\\b"),
  rx("\\bbe introduced to\\b"),
  rx("(?<!for the |for your |for that |the )\\b(?:an?|the|warm|quick|short|email|e-mail|brief) (?:\\w+ )?intro(?:duction)?s?\\b(?! you)"),
  rx("(?<!for the |for your )\\bintroductions? to\\b"),
  rx("\\bput (?:me|us) in (?:touch|contact)\\b"),
  rx("\\bconnect(?:ing)? (?:me|us)\\b(?! on)"),
  rx("\\bget (?:me|us) (?:in front of|in touch|in the room|a meeting)\\b"),
  rx("\\bpass (?:a note|my (?:name|details|request|note|cv|resume|info)|this|it) (?:along |on )?to\\b"),
  rx("\\bforward my (?:request|cv|resume|details|note|profile|info)\\b"),
  rx("\\b(?:does|do) (?:anyone|anybody|you) (?:here )?know (?:someone|anyone|anybody|a person|people)\\b"),
  rx("\\b(?:make|do) (?:an?|the) (?:\\w+ )?intro(?:duction)?\\b"),
  rx("\\b(?:looking|hoping|trying|want|like|love) to (?:meet|reach|get to|talk to|speak with|speak to) (?!you\\b|with you)", G(80), "\\b(?:you can help|you could help|help me|hoping you)"),
  rx("\\b(?:hoping|wondering if) you (?:can|could) help", G(60), "\\bmeet\\b"),
];

/** "happy to return the favor with an intro" offers an introduction; it does not ask for one. */
const notAnIntroOffered = (doc: Doc, span: Span): boolean => !/\b(?:return the favou?r|(?:happy|glad) to (?:make|do|give|offer|provide|set up)|i(?:'d| can| could|'ll| will) (?:happily |gladly )?(?:make|do|give|offer|provide|return|set up)|in exchange|in return)\b[^.!?]{0,30}$/.test(doc.norm.slice(Math.max(0, span.start - 45), span.start));

export const introAsk = (doc: Doc): Span | null =>
  findAny(doc, INTRO_ASK_PATTERNS, notNegated, notAnIntroOffered, (doc, span) => !/\bthank(?:s| you)\b[^.!?]{0,25}\bfor\s*$/.test(doc.norm.slice(Math.max(0, span.start - 40), span.start)));

const RECOMMENDATION_REQUEST = "(?:would|could|can|will|might|may) (?:you|i)|you (?:could|might|would|can)|you'd|willing|open to|mind|up for|consider|grateful|'d love|would love|'d like|would like|ask(?:ing)? (?:you|if you|for)|hoping|need|want|be one of|act as|speak to|vouch";
const RECOMMENDATION_ASK_PATTERNS = [
  rx("\\b(?:each|both) (?:write|leave|give|do)\\b", G(30), "\\b(?:recommendation|endorsement|rec|reference)s?\\b", G(20), "\\b(?:for|about) (?:the other|each other|one another)\\b"),
  rx("\\b(?:write|writing) (?:me )?(?:a few|a couple of|some|two|three) (?:lines|words|sentences)\\b"),
  rx("\\b(?:write|writing|leave|leaving|do|doing|return|post) (?:me )?one back\\b"),
  rx(`\\b(?:given|gave|put|listed|added|named) (?:your name|you) (?:down )?as (?:a |an |my |one of my )?${REC_NOUN}`),
  rx(`\\b${REC_NOUN}\\b`, G(60), "\\b(?:would mean|would help|means a lot|would be (?:amazing|great|huge|wonderful|fantastic|a big help))\\b"),
  rx(`\\b${REC_NOUN} (?:swap|trade|exchange)\\b`),
  rx("\\b(?:two|three|a few|a couple of|some|\\d+) (?:sentences|lines|words)\\b", G(30), "\\b(?:about|on) (?:how|my|our|working|the|what)\\b"),
  rx("\\bcollecting (?:a few |some |more )?(?:recommendations|references|testimonials|reviews|quotes)\\b"),
  rx("\\b(?:leave|leaving|write|writing|post|posting) (?:me |us )?(?:an? )?(?:short |quick |brief |honest |little )?(?:review|testimonial|rating)\\b(?= on| for| of| about)"),
  rx(`\\b(?:${RECOMMENDATION_REQUEST})\\b`, G(80), `\\b${REC_NOUN}\\b`),
  rx(`\\b${REC_NOUN}\\b`, G(50), `\\b(?:from you|for me|of my work|about (?:me|my work|working with me))\\b`),
  rx(`\\b(?:write|writing|give|giving|leave|leaving|post|posting) (?:me|us) (?:an?|one|something|a few lines|a short|a quick|a brief)\\b`),
  rx(`\\b(?:writing|write|do|doing) one for me\\b`),
  rx(`\\brefer (?:me|us)\\b`),
  rx(`\\brecommend (?:me|us)\\b`),
  rx(`\\byou owe (?:me|us) an? ${REC_NOUN}`),
  rx(`\\b(?:put|listed|added) you (?:down )?as (?:an?|my|one of my) ${REC_NOUN}`),
  rx(`\\b(?:swap|trade|exchange)(?:ping)?\\b`, G(30), `\\b${REC_NOUN}\\b`),
  rx(`\\b(?:write|give|provide|share)(?: us| me)? an?`, G(20), `(?<!price )\\bquote\\b`),
  rx(`\\b(?:asked|asking|ask|asks|need|needs|needed|want|wants|require|requires|request|requesting)\\b`, G(40), `\\b(?:for )?(?:a |an |two |three |a couple of |some |one )?(?:[\\w-]+ ){0,2}${REC_NOUN}\\b`),
];

/** A recommendation, reference or testimonial requested for the sender. */
export function recommendationAsk(doc: Doc): Span | null {
  return findAny(
    doc,
    RECOMMENDATION_ASK_PATTERNS,
    notRecommendationOffer,
  );
}

const ENDORSEMENT_ASK_PATTERNS = [
  rx("\\b(?:anyone|whoever|everyone|anybody) who endorses me\\b"),
  rx("\\bendorsements? (?:trade|swap|exchange)\\b"),
  rx("\\b(?:add|give|leave|drop|throw) (?:me )?(?:a |a couple of |a few |some |any )?endorsements?\\b"),
  rx("\\breturn(?:ing)? the (?:gesture|favou?r|kindness)\\b", G(40), "\\bfor me\\b"),
  rx("\\ban endorsement\\b", G(60), "\\b(?:would mean|would love|grateful|appreciate|would help|if you could|could you|would you)\\b"),
  rx("\\b(?:would mean|would love|grateful|appreciate|would help|could you|would you)\\b", G(60), "\\ban endorsement\\b"),
  rx("\\bendors(?:e|ing) (?:me|us|my)\\b"),
  rx("\\b(?:would|could|can|will) you", G(50), "\\bendors"),
  rx("\\b(?:love|like|appreciate|grateful for|ask(?:ing)? for|need|want|get) (?:a few |some |your |any )?endorsements?\\b"),
  rx("\\bendorsements? (?:for|of|on) (?:my|me)\\b"),
  rx("\\+1 (?:me|my)\\b"),
  rx("\\b(?:do|doing) the same for (?:me|my)\\b"),
  rx("\\bvouch for my\\b"),
];

/** Skill endorsements requested for the sender. */
/** "Mind returning the favor?": an ask whose currency is whatever the draft gave first. */
const RETURN_THE_FAVOUR = rx("\\b(?:mind|could you|would you|can you|happy to|hoping you'll|hope you'll)\\b", G(20), "\\breturn(?:ing)? the (?:favou?r|gesture|kindness)\\b");

export const endorsementAsk = (doc: Doc): Span | null =>
  findAny(doc, ENDORSEMENT_ASK_PATTERNS) ?? (/\bendors/.test(doc.norm) ? findFirst(doc, RETURN_THE_FAVOUR) : null);

const CONNECTION_ASK_PATTERNS = [
  rx("\\b(?:have|add) you (?:in|to) my (?:professional |linkedin )?network\\b"),
  rx("\\b(?:good|great|nice|lovely|keen|love) to reconnect\\b|\\breconnect (?:here|on linkedin)\\b"),
  rx("\\b(?:great|lovely|nice|good|keen|happy) to be connected\\b"),
  rx("\\bjoin your (?:professional |linkedin )+network\\b"),
  rx("\\baccept (?:this|it|that)\\b"),
  rx("\\b(?:welcome|love|appreciate|value) the (?:chance|opportunity) to connect\\b"),
  rx("\\b(?:linkedin|it) (?:asks|prompts|wants to know) (?:you )?(?:how (?:you|we) know|for my (?:e-?mail|address))\\b"),
  rx("\\b(?:looking forward to|excited about|keen on|hope to be) connecting\\b"),
  rx("\\bonce we(?:'re| are) connected\\b"),
  rx("\\b(?:please )?accept (?:it|before|by|today|soon|please|when)\\b|\\bhit accept\\b"),
  rx("\\b(?:sent|send|sending) you (?:an? |my )?(?:\\w+ )?(?:invite|invitation|connection request)\\b"),
  rx("\\baccept (?:my|the|this) (?:\\w+ )?(?:invite|invitation|request)\\b"),
  rx("\\bconnecting (?:so|to|here|now|because|on)\\b"),
  rx("\\b(?:lovely|great|nice|good|keen|happy|glad|eager) to connect\\b"),
  rx("\\blet's (?:connect|link up|stay in touch|keep in touch)\\b"),
  rx("\\b(?:love|like|glad|happy|keen|wanted|want|hoping|open) to (?:connect|be connected|link up|stay (?:connected|in touch)|keep in touch)\\b"),
  rx("\\bopen to connecting\\b"),
  rx("\\bconnect(?:ing)? with me\\b"),
  rx("\\bconnecting (?:here|on here|on linkedin)\\b"),
  rx("\\b(?:add|adding) (?:you|me|my profile) (?:to|into) (?:my|your)\\b"),
  rx("\\baccept (?:my|the) (?:invite|invitation|request|connection)\\b"),
  rx("\\b(?:invite|add) me\\b"),
  rx("\\bstay (?:connected|in touch)\\b"),
  rx("\\b(?:don't|do not) lose touch\\b"),
  rx("\\bjoin (?:your|my) (?:professional )?network\\b"),
  rx("\\bconnect on (?:here|linkedin)\\b"),
  rx("\\b(?:when|once|if) you accept\\b"),
  rx("\\b(?:would|could|can|shall|will) (?:you|we) connect\\b(?! (?:on a|for a|over))"),
  rx("\\b(?:send|accept) (?:the|my|an|me an?) invit(?:e|ation)\\b"),
];

/** The reader is asked to accept a connection, or invited to stay in touch. */
export const connectionAsk = (doc: Doc): Span | null =>
  findAny(doc, CONNECTION_ASK_PATTERNS);

const OUTREACH_ASK_PATTERNS = [
  rx("\\bwould it be (?:ok|okay|alright|all right|possible|too much) (?:if|to)\\b"),
  rx("\\bpick your brain\\b"),
  rx("\\b(?:would|could|can|will) you (?:share|send me|point me|tell me|explain|walk me|suggest|advise|let me know (?:which|what|how|whether))\\b"),
  rx("\\b(?:love|like|appreciate|value) your (?:ear|thoughts|input|advice|perspective|take|view|eyes)\\b"),
  rx("\\b(?:could|can|shall|might) we\\b", G(40), "\\b(?:call|chat|talk|speak|meet|coffee|hop on|jump on|grab|find|set up|schedule|connect)\\b"),
  rx("\\b(?:would|do|are|could|will) you (?:have|be|got|mind)\\b", G(50), "\\b(?:call|chat|coffee|meeting|minutes|min|mins|interview|free|available|demo)\\b"),
  rx("\\b(?:\\d+|a few|ten|fifteen|twenty|thirty|five)[ -]?(?:minutes?|mins?)\\b"),
  rx("\\b(?:a|an|our) (?:quick |short |brief |virtual |\\d+[ -]min(?:ute)?s? )?(?:call|chat|coffee|meeting|conversation|zoom|interview)\\b"),
  rx("\\b(?:can|could|may) i (?:send|book|share|show|tell|ask|grab|buy)\\b"),
  rx("\\b(?:i|we)(?:'d| would) (?:like|love) to (?:interview|discuss|explore|get (?:your|some|a|an)|hear|learn|ask|tell|show|talk|chat|invite|propose|collaborate|partner|work)\\b"),
  rx("\\b(?:call|text|dm|email|e-mail) me\\b"),
  rx("\\bsend me (?:your|the|a|some)\\b"),
  rx("\\bbook (?:a|your|some|time)\\b"),
  rx("\\b(?:if you're in|interested in joining|want to join|like to join|be part of)\\b(?! (?:your|my) (?:professional |linkedin )*network)"),
  rx("\\b(?:by|via) phone\\b"),
  rx("\\bexpect an? (?:answer|reply|response)\\b"),
];

/** The reader is asked for something beyond connecting: a call, a meeting, information, a reply to a pitch. */
export const outreachAsk = (doc: Doc): Span | null =>
  findAny(doc, OUTREACH_ASK_PATTERNS);

const FOLLOW_UP_MARKER_PATTERNS = [
  rx("\\b(?:already )?sent (?:you )?(?:two|three|several|a few|a couple of|\\d+) (?:reminders|messages|emails|notes|nudges)\\b"),
  rx("\\b(?:floating|bumping|bringing|pushing|moving|popping) (?:this|it|my \\w+) (?:back )?up\\b|\\bin case it got (?:buried|lost|missed)\\b"),
  rx("\\b(?:pester|pestering|bug|bugging|bother|bothering|nag|nagging) you again\\b"),
  rx("\\bstill no (?:reply|response|answer|word|news)\\b"),
  rx("\\b(?:bring|bringing|moving|pushing|popping|floating) (?:my|this|that) (?:\\w+ ){0,2}(?:note|message|email|dm|ask|question)\\b"),
  rx("\\b(?:did|have) you (?:get|got|had|have) a (?:chance|moment|minute) to (?:think about|look at|consider|read|see|mull)\\b"),
  rx("\\b(?:second|third|fourth|fifth|\\d+(?:st|nd|rd|th)) time (?:i'm |i am |i've |i have )?(?:asking|writing|reaching out|following up|chasing|pinging|messaging)\\b"),
  rx("\\b(?:gentle |quick |friendly |polite |small |last |final )follow[- ]?up (?:on|about|re|regarding)\\b"),
  rx("\\b(?:my|the) (?:\\w+ )?(?:previous|earlier|last|prior)(?: \\w+)? (?:reminders?|nudges?|notes?|messages?|emails?)\\b"),
  rx("\\b(?:any|have you had any) (?:thoughts|update|news|luck) on (?:the|my)\\b"),
  rx("\\byou(?:'ve| have)? (?:read|seen|opened) my (?:message|note|email|dm)\\b"),
  rx("\\bround (?:two|three|four|2|3|4)\\b|\\bpicking (?:back )?up my (?:question|note|ask|request|message)\\b|\\b(?:as )?per my (?:\\w+ )?(?:previous|earlier|last)\\b"),
  rx("\\b(?:a|one|my|this) (?:gentle |quick |friendly |polite |small |last |final )?(?:follow[- ]?up|nudge|bump|reminder)\\b(?=\\s*(?:on|about|re|regarding|to|from|[,.!?:;-]|$))"),
  rx("\\bbump(?:ing)? (?:this|my|that|it)\\b"),
  rx("\\b(?:it's|it has|it's now) been (?:\\w+ ){1,3}since i (?:asked|wrote|messaged|reached out|sent|emailed|pinged)\\b"),
  rx("\\bi(?:'ve| have) (?:already )?(?:reached out|asked|written|messaged|emailed|pinged|nudged|followed up)\\b", G(40), "\\b(?:times|before|already|twice|again)\\b"),
  rx("\\b(?:haven't|have not|didn't|did not) hear(?:d)? back\\b"),
  rx("\\banother reminder\\b"),
  rx(
  "\\b(?:follow(?:ed|ing)?[ -]?up|circl(?:e|ed|ing) back|bump(?:ed|ing)?|nudg(?:e|ed|ing)|resurfac(?:e|ed|ing)|floating|chas(?:e|ed|ing)|checking (?:back )?in|ping(?:ed|ing)?|remind(?:ed|ing|er)|(?:had|got|get|found) (?:a chance|time|the time|a moment) to|another note|attempt to reach|reaching out again|writing again|did you (?:get|have) a chance|any (?:update|news)|still waiting on|haven't heard back)\\b",
  G(60),
  `\\b(?:my|the|that|our|your) (?:\\w+ ){0,3}(?:note|message|email|e-mail|request|ask|question|dm|intro|introduction|${REC_NOUN}|endorsements?|testimonial|connection|invite|invitation)\\b`,
  ),
  rx(`\\b(?:still waiting|waiting) (?:on|for) (?:that|your|the|my) (?:\\w+ )?(?:${REC_NOUN}|intro|introduction|endorsements?|testimonial|reply)`),
  rx("\\b(?:my|the) (?:previous|earlier|last) (?:message|note|email|e-mail)\\b"),
  rx("\\bthis is my (?:\\w+ )?(?:attempt|message|note|reminder|follow-up)\\b"),
];

/** A follow-up about an earlier networking ask (not about an invoice or a meeting time). */
const WORK_CHASE = /\b(?:invoice|nda|contract|pdf|signature|purchase order|payment|timesheet|expense|receipt|quote for|statement of work|sow)\b/;
const NETWORKING_ASK = new RegExp(`\\b(?:${REC_NOUN}|intro|introduction|endorse)`);
export const followUpMarker = (doc: Doc): Span | null =>
  WORK_CHASE.test(doc.norm) && !NETWORKING_ASK.test(doc.norm) ? null : findAny(doc, FOLLOW_UP_MARKER_PATTERNS);

/* ---------- quid-pro-quo ---------- */

const SENDER_GIVES = rx(
  "\\b(?:i|we)(?:'ll|'d|'ve| will| would| have| had| just| already| then| also| can| could| always| even| went ahead and| am happy to| 'm happy to|'m happy to|'d be happy to| would be happy to| am glad to|'m glad to)*",
  "(?:(?: \\w+){1,4} and| \\w+)?(?: go| then| also| gladly| happily)? ",
  "(?:write|wrote|written|writing|post|posted|put(?! you)|add(?! you)|drop|leave|left|give|gave|endorse|endorsed|endorsing|recommend|recommended|return the favou?r)\\b",
  G(60),
  "\\b(?:you|your|yours|everyone|back|in return|as a thank)",
);

/** A recommendation or endorsement given (or promised) by the sender to the reader. */
const REC_WORD_RE = new RegExp(REC_WORD);
const recommendationOffers = perDoc((doc: Doc): Span[] => {
  const about = (d: Doc, span: Span) => {
    const sentence = clauseBefore(d, { start: span.end, end: span.end }) + d.norm.slice(span.start, span.end + 60);
    return REC_WORD_RE.test(sentence) || (/\b(?:one for you|one on your|yours|the same|one back|back)\b/.test(d.norm.slice(span.start, span.end + 20)) && REC_WORD_RE.test(d.norm));
  };
  return findAll(doc, SENDER_GIVES, notNegated, about, (d, s) => !/\brecommend(?:ed)? your (?:book|podcast|talk|article|post|course|product|tool|work|team's work|service)/.test(d.norm.slice(s.start, s.end + 40)));
});

const notRecommendationOffer = (doc: Doc, span: Span): boolean => {
  const offers = recommendationOffers(doc);
  return !offers.some((o) => span.start >= o.start && span.start < o.end + 1);
};

const QUID_PRO_QUO_PATTERNS = [
  rx("\\b(?:each|both) (?:write|leave|give|do)\\b", G(30), "\\b(?:recommendation|endorsement|rec|reference)s?\\b", G(20), "\\b(?:for|about) (?:the other|each other|one another)\\b"),
  rx("\\b(?:endorses|recommends) me\\b", G(60), "\\b(?:from me|right back|back)\\b"),
  rx("\\bi(?:'ll| will)\\b", G(60), "\\b(?:you do (?:mine|my)|(?:and|if) you (?:do|endorse|recommend|write) (?:mine|me|my))\\b"),
  rx("\\bi(?:'ll| will) (?:hit |give you |drop )?(?:a )?\\+1\\b"),
  rx("(?:^|[.!?]\\s+)\\W*(?:just |already )?(?:published|posted|wrote|left|gave|sent|added)\\b", G(40), "\\b(?:recommendation|endorsement|rec|review)s?\\b", G(20), "\\bfor you\\b"),
  rx("\\b(?:one|the same) for me\\b", G(20), "\\bin return\\b"),
  rx("\\b(?:i'll|i will|i'd|happy to) (?:hit|get|do|return) (?:yours|you|the same) back\\b"),
  rx("(?:^|[.!?]\\s+|\\n)\\W*(?:just |already )?(?:endorsed|recommended) you\\b(?=[\\s\\S]*\\breturn(?:ing)? the (?:favou?r|gesture)|[\\s\\S]*\\bthe same\\b)"),
  rx("\\b(?:rec|recs|recommendation|recommendations|endorsement|endorsements) (?:swap|trade|exchange)\\b"),
  rx("\\breturn(?:ing)? the (?:gesture|kindness)\\b"),
  rx("\\b(?:swap|trade|exchange|swapping|trading)\\b", G(40), "\\b(?:rec+om+end\\w*|recs|endorsements?)\\b"),
  rx("\\b(?:endorse|recommend)\\b", G(20), "\\b(?:each other|one another)\\b"),
  rx("\\b(?:endorse|recommend) you back\\b"),
  rx("\\bif you (?:write|endorse|recommend|do)\\b", G(50), "\\bi(?:'ll| will)\\b", G(40), "\\b(?:write|endorse|recommend|do the same|return)"),
  rx("\\bi(?:'ll| will) write yours\\b"),
  rx("\\breturn the favou?r\\b", G(40), `\\b${REC_WORD}`),
  rx(`\\b${REC_WORD}`, G(40), "\\breturn the favou?r\\b"),
];

export function quidProQuo(doc: Doc): Span | null {
  return (
    findAny(doc, QUID_PRO_QUO_PATTERNS, notNegated) ?? recommendationOffers(doc)[0] ?? null
  );
}

/* ---------- first-hand basis ---------- */

const NO_FIRST_HAND_BASIS_PATTERNS = [
  rx("\\byou(?:'ve| have)? (?:haven't|have not|never|not) (?:really |yet )?had (?:the |a |much )?(?:chance|opportunity) to (?:see|review|work with|look at)\\b"),
  rx("\\bpaths (?:haven't|have not|never|didn't) (?:really |actually |properly )?crossed\\b"),
  rx("\\b(?:met|spoke|talked|chatted) (?:only |just )?briefly\\b"),
  rx("\\byou (?:probably |likely |may not |might not )?(?:won't|wouldn't|don't|do not)? ?remember me\\b"),
  rx("\\b(?:spoke|talked|chatted|met) (?:for )?(?:about |only |just |maybe )?(?:a few|five|two|three|ten|\\d+) minutes\\b"),
  rx("\\b(?:we've|we) (?:actually |really )?never (?:actually |really )?overlapped\\b"),
  rx("\\b(?:came across|found|stumbled (?:up)?on|saw|noticed) your (?:linkedin )?profile\\b"),
  rx("\\b(?:doubt|don't think|not sure|wouldn't expect) you(?:'d| would| will| could)? (?:\\w+ )?(?:recogni[sz]e|remember|know|place) (?:me|my)\\b"),
  rx("\\byou (?:may|might|probably|likely)? ?(?:not|don't|won't|wouldn't|do not) (?:really )?(?:know|have seen|seen) (?:much|a lot|anything|enough|many)? ?(?:about |of )?(?:me|my)\\b"),
  rx("\\bbefore you (?:joined|started|arrived|came on board|took over|got there)\\b"),
  rx("\\b(?:whether or not|even if|even though) we(?:'ve| have)? (?:\\w+ )?(?:crossed paths|met|worked together|spoken)\\b"),
  rx("\\b(?:we|you and i)(?: have|'ve| had|'d)? (?:not|never|n't)\\b(?: actually| really| ever| yet)? (?:worked|collaborated|met|crossed paths|spoken|talked|overlapped)(?! (?:together |closely )?since)(?! in person| face[- ]to[- ]face| irl)\\b"),
  rx("\\b(?:we|you and i) haven't (?:actually |really |ever )?(?:worked|collaborated|met|crossed paths|spoken)(?! (?:together |closely )?since)(?! in person| face[- ]to[- ]face| irl)\\b"),
  rx("\\b(?:we've|we) (?:actually |really )?never (?:actually |really )?(?:worked|met|crossed paths|spoken|talked|collaborated)(?! in person| face[- ]to[- ]face| irl)\\b"),
  rx("\\b(?:i )?(?:don't|do not) think we've (?:ever )?(?:actually )?(?:met|worked|crossed paths)\\b"),
  rx("\\b(?:we |i )?only (?:met|spoke|talked|chatted|crossed paths)\\b"),
  rx("\\b(?:met|spoke|talked|chatted) (?:just |only )?once\\b"),
  rx("\\byou (?:don't|do not|won't|wouldn't) (?:really |actually )?(?:know|remember) (?:me|my work)\\b"),
  rx("\\byou(?:'ve| have)? (?:haven't|have not|never|won't have|wouldn't have|didn't|did not|hadn't)\\b(?: actually| really| ever)? (?:seen|see|worked with|known|reviewed|watched|read) (?:my|me|any of my)\\b"),
  rx("\\bwe never (?:spoke|talked|worked|collaborated)\\b"),
];

export const noFirstHandBasis = (doc: Doc): Span | null =>
  findAny(
    doc,
    NO_FIRST_HAND_BASIS_PATTERNS,
    notConditional,
  );

/* ---------- follow-ups ---------- */

const REPEAT_FOLLOW_UP_PATTERNS = [
  rx("\\b(?:already )?sent (?:you )?(?:two|three|several|a few|a couple of|\\d+) (?:reminders|messages|emails|notes|nudges)\\b"),
  rx("\\bmy (?:last|previous|earlier) (?:couple of|few|two|three|several) (?:pings|messages|notes|emails|reminders|nudges)\\b"),
  rx("\\b(?:write|writes) (?:to )?you (?:once more|again|one more time)\\b"),
  rx("\\b(?:my|the) (?:previous|earlier|prior|last) (?:two|three|four|few|several|\\d+) (?:reminders|messages|notes|emails|nudges|follow[- ]?ups|pings)\\b"),
  rx("\\b(?:reached out|asked|written|messaged|pinged|emailed|nudged|followed up)(?: (?:to )?you)? (?:twice|three times|several times|a few times|a couple of times|multiple times)\\b"),
  rx("\\b(?:try|trying|asking|ask|reaching out|checking) (?:once more|one more time|one last time)\\b"),
  rx("\\b(?:my|the|your) (?:two|three|four|several|few|many|multiple|\\d+) (?:previous|earlier|prior|last) (?:reminders|messages|notes|emails|nudges|follow[- ]?ups|pings)\\b"),
  rx("\\b(?:previous|earlier|prior) (?:reminders|nudges|follow[- ]?ups|pings)\\b"),
  rx("\\bround (?:two|three|four|five|2|3|4|5)\\b"),
  rx("\\b(?:follow(?:ing)?[ -]?up|circl(?:e|ing) back|checking in|bump(?:ing)?(?! into)|nudg(?:e|ing)|ping(?:ing)?|chas(?:e|ing)|reaching out|writing|reminding|asking)\\b", G(30), "\\b(?:again|once more|one more time|yet again)\\b"),
  rx("\\b(?:second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|umpteenth|nth)\\b", G(20), "\\b(?:time|message|note|email|e-mail|reminder|attempt|follow[- ]?up|nudge|ping|chase|try|dm)\\b"),
  rx("\\banother (?:reminder|nudge|follow[- ]?up|ping|bump|chase)\\b"),
  rx("\\bi(?:'ve| have)\\b", G(40), "\\b(?:a few|several|a couple of|multiple|many|three|two|four|a number of|so many)\\b(?: \\w+)? times\\b"),
  rx("\\b(?:repeated|multiple|several|constant|all my|all these)\\s+(?:pings|messages|nudges|reminders|follow[- ]?ups|emails|notes)\\b"),
  rx("\\b(?:keep|keeps|kept)\\s+(?:pinging|bugging|chasing|nudging|following up|bothering|asking|writing|messaging)\\b"),
  rx("\\bone (?:more|last) (?:nudge|ping|reminder|follow[- ]?up|bump|chase)\\b"),
];

export const repeatFollowUp = (doc: Doc): Span | null =>
  findAny(doc, REPEAT_FOLLOW_UP_PATTERNS, notNegated);

/* ---------- graceful out ---------- */

const DECLINE_CONDITION = "(?:not|n't|rather|prefer|busy|swamped|stretched|bad time|bad moment|wrong time|timing|awkward|weird|uncomfortable|no\\b|nope|decline|pass\\b|can't|cannot|too much|heads[- ]down|a fit|bandwidth|nobody|no one|none|a stretch|crossing)";
const REASSURANCE = "(?:don't worry|do not worry|no need to worry|no bother|take (?:that|it) (?:gladly|happily|well)|gladly|respect that|understood|makes sense|no (?:problem|worries|pressure|stress|hard feelings|harm)|fine|ok\\b|okay|alright|all good|understand|get it|fair|(?:just )?(?:say so|tell me|let me know and|ignore)|just let me know|happy to drop|i'll (?:stop|drop|back off|leave it|understand)|perfect|that's (?:ok|fine|cool)|won't (?:chase|ask again|follow up)|don't hesitate)";

const GRACEFUL_OUT_PATTERNS = [
  rx("\\bhappy for you to (?:pass|say no|decline|skip|ignore)\\b"),
  rx("\\bjust say(?: so| the word)?,? and (?:i'll|i will)\\b|\\b(?:ask|look) elsewhere\\b|\\bleave you be\\b"),
  rx("\\b(?:don't|do not) owe me (?:a |any )?(?:reply|response|answer|anything|a thing)\\b"),
  rx("\\b(?:happy|glad|fine|okay|ok|content|good)\\b (?:to hear|with|to get|to take|hearing) (?:a |an )?['\"]?(?:no|nope|pass|not now)\\b"),
  rx("\\bno (?:bother|biggie|big deal|sweat|drama|issues?|probs?)\\b(?! (?:with|about|on))"),
  rx("\\b(?:don't|do not) give it a (?:second )?thought\\b"),
  rx("\\b(?:pretend|forget) (?:you never|i never|this|you didn't|i asked)\\b"),
  rx("(?<!don't |do not |never |please don't )\\b(?:ignore|disregard|skip|delete|bin|archive) (?:this|it|me|my (?:note|message|ask))(?: entirely| completely| altogether)?\\b(?! (?:is|would be) (?:not|a mistake))"),
  rx("\\blet (?:it|this) slide\\b|\\bwon't hold it against you\\b|\\bwithout (?:any )?hard feelings\\b|\\ball good if not\\b"),
  rx("\\bi(?:'ll| will) take (?:that|it|a no) (?:gladly|happily|well|fine|on the chin|as an answer)\\b"),
  rx("\\bno (?:worries|problem|pressure|stress|obligation|hard feelings|offen[cs]e)\\b(?! about| with (?:my|the)| on my)"),
  rx("\\bzero pressure\\b"),
  rx("\\b(?:totally|completely|perfectly|absolutely|entirely|100%|also|really|honestly|equally)? ?(?:fine|ok|okay|alright|cool|understandable)\\b ?(?:if\\b|to (?:say no|decline|pass|skip|ignore|say so|not)|either way|with a no)"),
  rx("\\b(?:i|we)(?:'d| would| will)? (?:completely |totally |fully |absolutely |really |100% |of course )?(?:understand|get it)\\b"),
  rx("\\b(?:completely|totally|fully|absolutely) (?:understand|get it)\\b"),
  rx("\\bunderstand if (?:not|you)\\b"),
  rx("\\bfeel free to (?:say no|decline|pass|skip|ignore|say so|turn|let me know if (?:not|it's not))"),
  rx("\\b(?:don't|do not|never) feel (?:obliged|obligated|bad|pressured|any pressure|you have to)\\b"),
  rx("\\bno need (?:if|to (?:reply|respond|do|help))\\b"),
  rx("(?<!don't |do not |never )\\b(?:skip it|pass on (?:it|this)|ignore (?:this|me|my note)|drop it|let it go|just ignore)\\b"),
  rx("\\b(?:just|simply|feel free to) say (?:no|so|the word)\\b"),
  rx("\\bonly if you\\b"),
  rx("\\b(?:totally|completely|entirely|purely) optional\\b"),
  rx("\\b(?:a |an )?(?:totally |perfectly |completely )?(?:fair|fine|good|valid|acceptable) (?:answer|response|reply)\\b"),
  rx("\\bno questions asked\\b"),
  rx("\\bwon't (?:chase|take it personally|ask again|follow up again|bother you again|push|be offended|mind)\\b"),
  rx("\\b(?:an?|one) (?:quick |simple |short |one-word |polite )?['\"]?(?:no|nope|not now|pass)['\"]?(?: (?:is|would be))"),
  rx("\\bno is (?:fine|ok|okay|a fine answer)\\b"),
  rx("\\b(?:either way|whatever you decide)\\b", G(30), "\\b(?:fine|ok|okay|grateful|thanks|understand|appreciate)\\b"),
  rx("\\bif\\b", G(60), DECLINE_CONDITION, G(60), REASSURANCE),
  rx("\\b(?:rather|prefer) not\\b"),
];

export const gracefulOut = (doc: Doc): Span | null =>
  findAny(doc, GRACEFUL_OUT_PATTERNS);

/* ---------- context: how the sender knows the reader ---------- */

const RELATION_QUESTION = /\b(?:have|did|do|had) we (?:ever |actually |already )?(?:work|worked|meet|met|know|cross|crossed|speak|spoken)\b|\bam i mixing\b/;
/** "a project we did together" names no project: an indefinite thing is not shared context. */
const notIndefinite = (doc: Doc, span: Span): boolean => !/\b(?:a|an|some|any) (?:[\w-]+ )?(?:project|thing|something|piece of work|job|task)\s*$/.test(doc.norm.slice(Math.max(0, span.start - 40), span.start));
const THIRD_PARTY = /\byou (?:two|both)\b|\byou and (?!i\b)\w+|\bmy (?:sister|brother|mother|mom|mum|father|dad|co-?founder|friend|partner|wife|husband|son|daughter|cousin|aunt|uncle|niece|nephew|roommate|flatmate|classmate)\b|\bfellow\b/;
const READERS_RELATIVE = /\byour (?:dad|mum|mom|father|mother|sister|brother|wife|husband|partner|son|daughter|cousin|uncle|aunt|friend|colleague|boss|co-?founder)\b[^.!?]{0,30}$/;
const notAboutAThirdParty = (doc: Doc, span: Span): boolean => !THIRD_PARTY.test(doc.norm.slice(span.start, span.end + 25)) && !READERS_RELATIVE.test(doc.norm.slice(Math.max(0, span.start - 40), span.start));
const contextGuards = [notAboutAThirdParty, notNegated, notNegatedInside, notIndefinite, notAQuestionAbout(RELATION_QUESTION), sentenceLacks(/\{\{|\{[a-z_]+\}|\[[a-z _]{2,30}\]|<[a-z _]{3,}>/)];
const READER_CONTENT = "(?:teardown|breakdown|deep dive|guide|playbook|explainer|case study|devlogs?|vlogs?|streams?|evidence|submission|rounds|grand rounds|seminar|training|sermon|gig|concert|exhibition|performance|statement|speech|remarks|testimony|column|reel|reels|story|stories|photos?|ribbon-cutting|recording|show|channel|portfolio|website|site|readme|findings|announcement|medium piece|instagram|talk|talks|post|posts|article|paper|keynote|panel|webinar|podcast|interview|thread|blog|write-?up|op-?ed|newsletter|book|workshop|lecture|demo|presentation|session|comments?|feedback|notes|research|substack|video|course|class|answer|tweet|episode|report|piece|essay|study|slides|repo|library|project|work|stream|column|launch)";

const SHARED_CONTEXT_PATTERNS = [
  rx("\\bwe(?:'ve| have| had)? (?:\\w+ )?(?:paired|pair-programmed|partnered|collaborated|teamed up)\\b"),
  rx("\\b(?:work|worked|working) together\\b"),
  rx("\\bwe(?:'ve| have| had)? (?:shared|split|covered|owned|run|ran|managed|worked) (?:the |a |an |that |this )?(?:[\\w-]+ ){0,3}(?:account|territory|project|desk|team|shift|rota|queue|client|book|portfolio|launch|deal|program|programme)\\b"),
  rx("\\byou were (?:on|in|at|there for) (?:every|all|each|most|the|those)\\b"),
  rx("\\b(?:rotate|rotated|rotating|interned|trained|training|volunteered|served|studied|apprenticed) (?:through|in|on|at|under|with) (?:your|ur)\\b"),
  rx("\\bco-?(?:author|write|teach|run|lead|host|organi[sz]e|present|chair|manage|edit|create|design|build|own|coach|mentor|supervise|found)(?:ed|ing|s)?\\b", G(80), "\\b(?:with you|you|together|we)\\b"),
  rx("\\b(?:working|worked|work|served|trained) (?:under|for|with|alongside|beside) you\\b"),
  rx(`\\b(?:saw|seen|read|loved|enjoyed|caught|watched|followed|been following|liked)\\b`, G(40), `\\bur (?:[\\w'-]+ ){0,4}${READER_CONTENT}\\b`),
  rx("\\b(?:championing|supporting|backing|guiding|mentoring|coaching|sponsoring|advising|training|onboarding|vouching for) (?:me|us)\\b"),
  rx(`\\byour (?:[\\w'-]+ ){0,4}${READER_CONTENT}\\b`, G(80), "\\b(?:is|was|has been|have been) (?:the |a |an |so |really |incredibly |super |such a |now )?(?:backbone|basis|foundation|reason|core|key|central|essential|invaluable|foundational|required reading|on my|in my|part of)\\b"),
  rx("\\byou were my (?:\\w+ ){1,2}(?:for|at|during|when|on|in|back|throughout|until)\\b"),
  rx("\\b(?:years?|months?|seasons?|weeks?) (?:of )?(?:sharing|working|running|pairing|teaching|managing|building|reviewing|co-\\w+|maintaining|coaching|playing|studying|volunteering)\\b"),
  rx("\\bour (?:\\w+ ){0,2}(?:standups?|syncs?|1:1s|one-on-ones|retros|shifts|rotations|classes|study group|reading group|book club|choir|run club|running club)\\b"),
  rx("\\bi (?:covered|stood in|filled in|subbed|worked) (?:for|with|under) you\\b"),
  rx("\\b(?:years?|months?|weeks?|seasons?|days|nights) of (?:\\w+ ){0,2}\\w+ing\\b(?=[^.!?\\n]*\\b(?:we|us|you|your|together)\\b)"),
  rx("\\bco-?(?:authored|wrote|taught|ran|led|founded|hosted|organi[sz]ed|presented|chaired|managed|edited|created|designed|built|owned|coached|mentored|supervised)\\b"),
  rx("\\b(?:old |former |fellow )?(?:lab|class|team|room|flat|house|desk|course|cohort|band|ship|work|running|crew|squad)[ -]?mates?\\b"),
  rx("\\b(?:we|you and i|you & i|the two of us|us)\\b", G(80), "\\btogether\\b"),
  rx("\\b(?:\\w+ing)\\b", G(60), "\\btogether\\b(?!", G(20), "\\?)"),
  rx("\\b(?:loved|enjoyed|great|fun|nice|good|after|since|from|remember|miss|years? of|months? of|weeks? of|seasons? of)\\b", G(40), "\\b\\w+ing\\b", G(50), "\\bwith (?:you|me|us)\\b"),
  rx("\\byou\\b(?: (?!might|may|could|would|should|probably|must|will)\\w+){0,2} (?:\\w+ed|led|saw|ran|built|wrote|took|gave|taught|signed|made|got|met|sat|shared|spent|did|read|caught|brought|held|kept)\\b", G(50), "\\b(?:i|me|my|us|our|we)\\b"),
  rx("\\b(?:seeing|meeting|bumping into|running into|catching|chatting with|talking to|speaking with|hearing) you (?:at|in|on|during|after|last|again)\\b"),
  rx("\\bcrossed paths\\b"),
  rx("\\b(?:exchanged|swapped|traded)\\b(?: a few| a couple of| some| two| several)? (?:emails|e-mails|messages|notes|dms|letters)\\b"),
  rx("\\bin your (?:[\\w'-]+ ){0,4}(?:lecture|class|course|workshop|seminar|session|team|group|lab|cohort|program|programme)\\b"),
  rx("\\bon your (?:instagram|linkedin feed|blog|medium|substack|channel|podcast|feed|site|twitter|youtube|show|newsletter)\\b"),
  rx(`\\byour (?:[\\w'-]+ ){0,5}${READER_CONTENT}\\b`, G(100), "\\b(?:stuck with me|made me|inspired|helped|changed|taught me|convinced|got me|was (?:the|brilliant|great|gold|excellent|fantastic|so|really|super))"),
  rx("\\b(?:we|i)\\b", G(30), "\\b(?:finished|delivered|built|migrated|designed|implemented|shipped|installed|launched|managed|supported|onboarded|trained)\\b", G(40), "\\b(?:your|for you)\\b"),
  rx("\\byour (?:team|staff|company|clinic|store|shop|org|organisation|organization|firm|group)\\b", G(60), "\\bour (?:platform|product|tool|software|app|service|system)\\b"),
  rx("\\b(?:we|i)(?: first| briefly| just| finally| actually)? (?:met|spoke|chatted|talked|connected|sat|shared)\\b"),
  rx("\\b(?:great|good|lovely|nice|fun|wonderful|a pleasure|cool|awesome|brilliant) (?:\\w+ )?(?:meeting|to meet|seeing|to see|chatting|to chat|catching up|to catch up|talking|to talk|working|to work|jamming|bumping into|to bump into|running into|to run into|co-hosting|hosting|partnering|connecting|collaborating|to collaborate)(?: again)? (?:with )?(?:you|your)\\b"),
  rx("\\b(?:we|you and i|you & i|the two of us|both of us)\\b", G(40), "\\b(?:worked|work|ran|run|built|led|co-led|shipped|launched|closed|collaborated|partnered|did|were|was|sat|shared|served|organi[sz]ed|hosted|co-hosted|spent|studied|played|went|started|overlapped|reviewed|presented|spoke)\\b", G(50), "\\b(?:together|with each other|alongside|same|both)\\b"),
  rx("\\b(?:the|our|that)\\b", G(40), "\\b(?:we|you and i) (?:did|ran|built|closed|shipped|launched|worked on|delivered|led|co-led|wrote|designed)\\b"),
  rx("\\byou\\b(?: \\w+){0,2} (?:managed|mentored|supervised|coached|hired|trained|advised|taught|reviewed|reviewing|interviewed|onboarded|saved|helped|led|ran|sponsored|championed|backed|invested in|worked with|sat next to|were a (?:\\w+ )?help)\\b", G(30), "\\b(?:me|my|us|our|i|we)\\b"),
  rx("\\byou\\b(?: \\w+){0,2} (?:worked|sat|co-led|led|ran|built|collaborated|partnered|served|studied|played|presented|spoke|shared|reviewed|hosted|co-hosted|organi[sz]ed|taught|coached|paired|travell?ed|volunteered|spent|were|was|went|did)\\b", G(40), "\\bwith (?:me|us)\\b"),
  rx("\\b(?:co-?hosting|hosting|working|running|organi[sz]ing|building|presenting|speaking|teaching|collaborating|partnering|serving|volunteering|sharing)\\b", G(50), "\\bwith you\\b"),
  rx("\\bworking with (?:me|us)\\b"),
  rx("\\b(?:great|good|lovely|nice|fun|wonderful) (?:to )?(?:see|seeing|meet|meeting|catch up|catching up|chat|chatting|bump into|bumping into|run into|running into)(?: with)?(?: you)? (?:again )?(?:at|in|during|last|yesterday|on)\\b"),
  rx("\\bafter (?:the|our) (?:[\\w-]+ ){0,3}(?:deal|project|launch|migration|rollout|offsite|conference)\\b"),
  rx("\\b(?:you were|you've been|you have been|as|was) (?:my|our) (?:\\w+ ){0,2}(?:manager|boss|supervisor|mentor|lead|coach|advisor|adviser|professor|teacher|tutor|client|customer|colleague|teammate|buddy|partner|investor|editor|reviewer|sponsor|director|founder|cofounder|co-founder)\\b"),
  rx("\\b(?:i|i've) (?:was|used to be|have been|worked as|interned as) your\\b"),
  rx("\\bi (?:reported|worked|interned|studied) (?:to|for|under|with) you\\b"),
  rx("\\bsat next to (?:you|me)\\b"),
  rx("\\b(?:saw|seen|read|loved|enjoyed|caught|attended|watched|heard|listened to|been following|following|followed|using|learned|learnt|came across|liked|found|was in|sat in|cited|noticed|saw from|from|asked|sharing|shared|bookmarked|reading|referenced|quoted|used|use|still use|implemented)\\b", G(60), `\\byour (?:[\\w'-]+ ){0,5}${READER_CONTENT}\\b`),
  rx(`\\byour (?:[\\w'-]+ ){0,4}${READER_CONTENT}\\b`, G(100), "\\b(?:was|is|were|are|has been|have been) (?:\\w+ ){0,3}(?:cited|shared|the highlight|gold|great|brilliant|helpful|why|on our|huge|super)"),
  rx("\\bat your\\b", G(30), `\\b${READER_CONTENT}\\b`),
  rx("\\bthank(?:s| you)(?: so much| again| a lot)*(?: again)? for (?!(?:reading|your time|considering|your support|your help|the help|your consideration|any help|taking the time to read|connecting|the connection|accepting|the add|everything in advance)\\b)(?:the |your |all |a (?:great|wonderful|fantastic|fun|productive|brilliant|lovely) |an (?:amazing|excellent|incredible) |walking|speaking|advising|supervising|having|hosting|taking|sharing|helping|reviewing|including|inviting|organi[sz]ing|introducing|mentoring|coaching|running)"),
  rx("\\bsince the\\b", G(30), "\\b(?:offsite|days|launch|rollout|conference|summit|meetup|event|workshop|bootcamp|program|course|retreat|kickoff|hackathon|project)\\b"),
  rx("\\b(?:is|are) behind us\\b"),
  rx("\\b(?:remember|recall) (?:when|how|that) (?:we|you)\\b"),
  rx("\\b(?:on|with|of|using) our (?:platform|product|tool|software|app|service|team)\\b"),
  rx("\\bi'm the (?:\\w+ ){0,3}(?:who|that|from)\\b", G(80), "\\byour\\b"),
  rx("\\bi was (?:in|at) (?:the (?:back|front) row of )?your\\b"),
  rx("\\bwe(?:'re| are| were) both (?:on|in|at|from)\\b"),
  rx("\\bhope the (?:\\w+ ){0,3}(?:move|launch|reorg|promotion|new job|new role|trip|conference|offsite|field season|season)\\b", G(80), "\\b(?:you were my|you managed|we |since you)"),
];

/** "we haven't spoken since Brightline" still says there was a before. */
const PAST_RELATIONSHIP = rx("\\b(?:haven't|have not|hadn't) (?:spoken|talked|worked together|seen each other|caught up|been in touch) since\\b");

export const sharedContext = (doc: Doc): Span | null =>
  findFirst(doc, PAST_RELATIONSHIP) ??
  findAny(
    doc,
    SHARED_CONTEXT_PATTERNS,
    ...contextGuards,
  );

/* ---------- specifics of the work the reader saw ---------- */

const WORK_NOUN = "(?:sessions?|teaching|training|bundle|brief|filing|submission|drop|reduction|feature|features|rewrite|win|competition|award|system|app|service|tool|module|bid|tender|committee|scheme|failover|work we did|identity|brand|launch|project|migration|rollout|roll-out|launch|rebrand|redesign|expansion|refresh|revamp|rework|pipeline|campaign|audit|consolidation|transition|deal|implementation|integration|initiative|workstream|program|programme|study|thesis|placement|protocol|poster|paper|design doc|runbooks?|experiments?|tests|go-live|pivot|cutover|postmortem|workshops?|guidelines|deck|onboarding|overhaul|re-?slotting|renewal|playbook|roadmap|prototype|pilot|analysis|model|dashboard|report|case|engagement|account|sale|contract|partnership|restructuring|negotiation|turnaround|build|release|refactor|backlog|strategy|plan|research|fundraise|raise|hire|hiring|event|conference|series)";
const WORK_SPECIFICS_PATTERNS = [
  rx("\\bthe (?:[\\w-]+ ){0,4}(?:i|we) (?:ran|led|built|wrote|designed|delivered|organi[sz]ed|managed|launched|created|prepared|drafted|shipped|taught)\\b"),
  rx("\\bhow (?:the|our|my|your) (?:[\\w-]+ ){0,3}(?:cut|saved|reduced|improved|increased|helped|changed|boosted|halved|doubled)\\b"),
  rx("\\b(?:drop(?:ped)?|fell|cut|rose|grew|doubled|halved|tripled) (?:by )?(?:half|a third|a quarter|\\d)"),
  rx("\\bmention(?:ing)?\\b(?: \\w+){0,2} (?:my|the|our|how)\\b(?! work\\b)"),
  rx("(?<![\\d.])\\d+(?:\\.\\d+)?\\s?(?:%|percent|x\\b|points|pts|hours|days|k\\b)"),
  rx("\\bfrom \\d", G(30), "\\bto\\b"),
  rx(`\\b(?:the|my|our|your team's|that|those|these)\\b(?: [\\w&'-]+){0,4} ${WORK_NOUN}\\b`),
  rx("\\bhow i (?:handled|rebuilt|built|led|ran|managed|grew|turned|redesigned|shipped|ran|closed|cut|improved|negotiated|ran|drove|owned|fixed|launched)\\b"),
  rx("\\b(?:mention|touch on|speak to|focus(?:ing)? on|talk (?:up|about)|highlight|point to)\\b(?: \\w+){0,2} (?:my|the|our|how)\\b(?! work\\b)"),
  rx("\\bskills? (?:in|like|such as)\\b"),
];

export const workSpecifics = (doc: Doc): Span | null =>
  findAny(doc, WORK_SPECIFICS_PATTERNS, (doc, span) => !/\ba (?:\w+ )?(?:project|thing|piece of work)\b|\b(?:move|moving|transition|switch|break|breaking|career) (?:into|to|in)\b/.test(clauseBefore(doc, span) + doc.norm.slice(span.start, span.end)));

/* ---------- intent: why the sender wants the introduction ---------- */

const STATED_INTENT_PATTERNS = [
  rx("\\bmy (?:application|cv|resume|candidacy|portfolio|proposal|pitch) in front of\\b"),
  rx("\\bwhat (?:a|the|her|his|their|your) [\\w' -]{2,40} (?:looks like|is like|involves|entails)\\b"),
  rx("\\b(?:wanna|want to|hoping to|hope to|planning to|plan to|going to|gonna) (?:pitch|ask|hire|sell|show|discuss|learn|interview|invite|propose|explore|get (?:her|his|their) (?:take|advice))\\b"),
  rx("\\bso (?:that )?(?:i|we) (?:can|could|might|may)\\b"),
  rx("\\b(?:in order )?to (?:ask|discuss|pitch|learn|understand|interview|explore|invite|see (?:whether|if)|hire|recruit|talk (?:about|through) (?!a lot|lots|things|stuff|everything)|compare|present|showcase|sell|show|demo|propose|offer|apply|seek|request|collaborate|partner|raise|get (?:her|his|their|some) (?:advice|take|view|perspective|input|thoughts|feedback)|hear (?:her|his|their|about|how)|find out|check whether|approach|sound (?:out|her|him|them))\\b"),
  rx("\\b(?:i|we)(?:'d| would)? (?:like|love|want|hope|need|'m hoping)\\b", G(40), "\\b(?:advice|perspective|input|insight|take on|opinion|feedback|guidance|mentorship|pitch|partnership|co-sell|integration|interview|investment|funding)\\b"),
  rx("\\b(?:advice|perspective|insight|take|thoughts|guidance|input|view|views|opinion|read) (?:on|about|from)\\b"),
  rx("\\bbecause (?:i|we|our|his|her|their|she|he|they)\\b"),
  rx("\\b(?:i|we)(?:'m|'re| am| are)(?: \\w+ly)? (?:hiring|raising|pitching|selling|exploring|evaluating|looking for (?:my|a|an) (?:next |new )?(?:role|job|position|co-?founder|investor|partner)|applying|relocating|moving|launching|writing|researching|building a|recruiting|fundraising)\\b"),
  rx("\\b(?:i'd|i would|we'd|we would) be pitching\\b"),
  rx("\\b(?:sales (?:conversation|pitch|call)|a pitch|to be (?:upfront|clear|honest))\\b"),
  rx("\\b(?:for|about) (?:the|a|an|our|their|his|her) (?:\\w+ ){0,3}(?:role|job|position|opening|partnership|pilot|program|programme|internship|scheme|vacancy)\\b"),
];

export const statedIntent = (doc: Doc): Span | null =>
  findAny(doc, STATED_INTENT_PATTERNS);

/* ---------- value for the reader ---------- */

const VALUE_FOR_READER_PATTERNS = [
  rx("\\b(?:point|send|steer|refer|direct) (?:\\w+ ){0,2}(?:candidates|leads|people|clients|customers|business|work|talent|opportunities) (?:your way|to you)\\b"),
  rx("\\braise (?:your|the) (?:[\\w']+ ){0,2}(?:profile|visibility)\\b"),
  rx("\\b\\d+ ?(?:%|percent|x|days?|hours?|weeks?) (?:faster|quicker|sooner|cheaper|less|more|fewer|earlier)\\b"),
  rx("\\ban? (?:rare |real |great |unique |genuine )?(?:chance|opportunity) to (?:be heard|reach|present|speak|showcase|get|shape|influence|see|meet|join)\\b"),
  rx("\\bkeep you (?:posted|in mind|in the loop|updated)\\b"),
  rx("\\b(?:in front of|reach(?:es)?|read by|seen by) (?:about |around |over |nearly |some )?[\\d,.]+k? (?:readers|listeners|viewers|subscribers|followers|people|users|members)\\b"),
  rx("\\b(?:pays?|salary|comp(?:ensation)?|rate) (?:\\w+ ){0,2}(?:above|over) (?:market|your)\\b"),
  rx("\\b(?:introduce|connect) you (?:to|with)\\b"),
  rx("\\bsend (?:it |them |some |a few )?your way\\b"),
  rx("\\b(?:you|every participant|all participants|each participant|participants|everyone who)\\b", G(20), "\\b(?:will|'ll) (?:receive|get)\\b"),
  rx("\\b(?:wider|national|bigger|larger|new|broader|global|international) audience\\b"),
  rx("\\b(?:love|happy|glad|keen|willing|able|'d|'ll|can|could|would)\\b", G(25), "\\b(?:share|send you|give you|offer you|lend|open (?:it|them|up)|donate|put you in touch)\\b(?!", G(20), "(?:pricing|price|rates|demo|deck))"),
  rx("\\b(?:comes with|includes|offers?|with)\\b", G(30), "\\b(?:budget|equity|salary|seat on|bonus|relocation|flexibility|ownership)\\b"),
  rx("\\bbeat\\w* your\\b|\\b(?:cheaper|faster|better) than your\\b"),
  rx("\\bi (?:have|know) (?:a few|some|several|two|three|\\d+) [\\w-]+ who\\b"),
  rx("\\bfill (?:a |the )?(?:gap|to-do|todo)\\b|\\byour (?:\\w+ ){0,3}(?:to-do|todo|wishlist|roadmap)\\b"),
  rx("\\b(?:happy|glad|keen|able|willing|love|pleased|eager)(?: to|ly)? (?:to )?(?:share|send|help|offer|introduce you|connect you|give|pass|credit|swap|trade|compare|return|contribute|feature|promote|review)\\b(?! (?:you )?(?:a |our |my )?(?:quick )?demo)"),
  rx("\\b(?:i|we)(?:'d|'ll| can| could| will| would)(?: \\w+ly)? (?:share|send you|give you|introduce you|connect you|credit you|help you|help your|offer you|pass along|put you|feature|promote|cover)\\b(?! (?:you )?(?:a |our |my )?(?:quick )?demo)"),
  rx("\\b(?:in return|in exchange)\\b(?!", G(30), "(?:rec+om+end|endors))"),
  rx("\\b(?:useful|handy|helpful|valuable|relevant|interesting|worth your while|a (?:real |big |great |huge )?step up|an? (?:real |great |rare )?opportunity) (?:\\w+ ){0,3}(?:for|to) (?:you|your)\\b"),
  rx("\\b(?:if|could|would|might) (?:\\w+ ){0,3}(?:be )?(?:useful|handy|helpful|valuable|a useful data point)\\b"),
  rx("\\b(?:they|it|this|that|these)(?:'d| would| could| might| may) be (?:a |an )?(?:really |genuinely |very )?(?:useful|handy|helpful|valuable)\\b"),
  rx("\\bsend you (?:our|my|the|some)\\b(?! (?:pricing|prices|rates|deck|demo|brochure|quote|proposal))"),
  rx("\\b(?:auto-\\w+|automates?|cuts?|saves?|reduces?|boosts?|improves?|increases?|doubles?|triages?)\\b", G(60), "\\b(?:\\d+ ?%|\\d+ points|accuracy|hours|costs?|spend|time)\\b"),
  rx("\\b(?:swap|trade|compare|exchange) (?:notes|ideas|data|learnings|stories|experiences)\\b"),
  rx("\\b(?:you'd|you would|you'll|you will|you could|you can|you might) (?:get|gain|receive|have|learn|reach|save|benefit)\\b"),
  rx("\\b(?:give|gives|giving|offer|offers) (?:you|your)\\b"),
  rx("\\b(?:for|to|with) your (?:clients|customers|team|readers|audience|book|research|users|business|group|community|students|members|project)\\b"),
  rx("\\b(?:save|saves|saving|cut|cuts|cutting|reduce|reduces|reducing|improve|improves|boost|boosts|grow|grows|fix|fixes|solve|solves|speed up|automate|auto-\\w+|simplify|streamline|lower|lowers|double|halve|shorten|shortens|accelerate|de-risk)\\b", G(40), "\\b(?:your|you|their|them|its|it)\\b"),
  rx("\\b(?:we|i) help(?:s)?\\b"),
  rx("\\bso we can fix\\b"),
  rx("\\boff your plate\\b"),
  rx("\\b(?:mutual(?:ly)? (?:benefit|value)|help each other|both (?:benefit|win))\\b"),
  rx("\\bsend (?:them|it|people|candidates|roles|leads|opportunities) your way\\b"),
  rx("\\b(?:a useful|a good|your) (?:contact|resource|sounding board)\\b"),
  rx("\\bwider audience\\b"),
  rx("\\b(?:gift card|honorarium|stipend|co-authorship|credits?)\\b"),
];

export const valueForReader = (doc: Doc): Span | null =>
  findAny(
    doc,
    VALUE_FOR_READER_PATTERNS,
    // A recommendation or endorsement offered in return is a trade, not value for the reader.
    (doc, span) => !/\b(?:endors|rec+om+end)/.test(sentenceText(doc, span)),
    (doc, span) => !/\b(?:help (?:me|us both|us)|help me)\b/.test(doc.norm.slice(span.start, span.end)),
  );

/* ---------- sales pitch ---------- */

const SALES_PITCH_PATTERNS = [
  rx("\\babout our (?:[\\w-]+ ){0,3}(?:offer|offering|product|solution|platform|service|tool|software|package)\\b"),
  rx("\\b(?:at|for|from|costs?|priced at|only|just) [$£€]\\s?\\d"),
  rx("\\b(?:emailed|sent|attached|enclosed|dropped)\\b", G(20), "\\b(?:price list|pricing|rate card|brochure|catalogue|catalog|quote|proposal)\\b"),
  rx("\\b(?:supplying|selling to|supplying to|servicing) your\\b|\\b(?:a|the|your) (?:leading |local |preferred |trusted |certified )?(?:supplier|distributor|reseller|vendor) of\\b"),
  rx("\\bfor a (?:quick |short |brief |\\d+[ -]min(?:ute)? )?demo\\b"),
  rx("\\b(?:booking|taking on|accepting) new (?:clients|customers|projects|accounts)\\b"),
  rx("\\bsend you (?:a |our |my )?(?:price|pricing|rate)s?(?: sheet| list| card)?\\b"),
  rx("\\b(?:quick|short|our|my) pitch\\b"),
  rx("\\b(?:we|our (?:\\w+ )?(?:team|company|firm|agency|startup)) help(?:s)? (?:\\w+ ){0,4}(?:cut|save|reduce|increase|grow|boost|improve|automate|scale|win|get|lower)\\b"),
  rx("\\b(?:supplying|supply|selling|sell) (?:\\w+ ){0,3}(?:to|for) your\\b"),
  rx("\\bour (?:prices|pricing|rates) (?:beat|are|start)\\b"),
  rx("\\bshow you how\\b"),
  rx("(?:[$£€]\\s?\\d[\\d,.]*k?)(?!", G(10), "gift)", G(40), "\\b(?:per|a|each|starts?|from|only|just|package|month|year|seat|line|plan|installed)\\b"),
  rx("\\b(?:starts?|starting|priced|costs?) (?:at |from )?(?:just |only )?[$£€]?\\d"),
  rx("\\b(?:send|share|show|email) you (?:our |my |a |the )?(?:pricing|prices|price list|rates|a quote|a proposal|our deck|a brochure)\\b"),
  rx("\\b(?:check out|see|view|compare|look at) (?:our|my) (?:pricing|prices|rates|plans|packages|offer)\\b"),
  rx("\\bcan i send you (?:our |some )?pricing\\b"),
  rx("\\b(?:book|schedule|set up|see|give you|show you|walk you through|offer you|get you)\\b", G(15), "\\bdemo\\b"),
  rx("\\bdemo of (?:our|my)\\b"),
  rx("\\bfree (?:trial|month|week|pilot|consultation|audit|assessment|demo|quote)\\b"),
  rx("\\btrial of our\\b"),
  rx("\\bsign up\\b|\\bsubscribe\\b|\\bpurchase\\b"),
  rx("\\bbuy\\b(?! you (?:a |the )?(?:coffee|lunch|drink|beer|round|first round))"),
  rx("\\bbook (?:a|your) (?:consultation|session|slot|call)\\b"),
  rx("\\b(?:tell you about|walk you through|introduce you to|show you) (?:our|my)\\b"),
  rx("\\bour (?:platform|product|tool|software|solution|suite|service|app|offering|package|module|system|agency|firm)\\b", G(40), "\\b(?:helps?|can|will|auto-\\w+|cuts?|saves?|reduces?|boosts?|increases?|triages?|automates?|is the|delivers?)\\b"),
  rx("\\b(?:becom(?:e|ing) (?:a|your) (?:supplier|vendor|provider)|would sell|sell well|drop (?:off )?(?:some )?samples|send (?:you )?samples|stock our)\\b"),
  rx("\\b(?:i|we) (?:could|can|would love to) (?:take|handle|do|run|manage|build|design|write|translate)\\b", G(40), "\\b(?:off your plate|for you|for your)\\b"),
  rx("\\b(?:my|our) rates\\b"),
  rx("\\b(?:top-rated|leading|#1|number one|best-in-class|award-winning)\\b", G(40), "\\b(?:broker|agency|provider|platform|firm|consultant|vendor|solution)\\b"),
];

export const salesPitch = (doc: Doc): Span | null =>
  findAny(doc, SALES_PITCH_PATTERNS);

/* ---------- tone ---------- */

const IMPERATIVE = "(?:send|call|write|get|go|accept|post|reply|respond|email|e-mail|intro|introduce|do|give|let me know|connect|endorse|forward|tell|answer|review|approve|submit|fill|share|put|make|ping|text|dm)";
const DEADLINE = `(?:today|tonight|tomorrow|asap|right now|immediately|this week|by (?:the )?(?:end of|eod|${WEEKDAY}|${MONTH}|tomorrow|tonight|\\d)|before ${WEEKDAY}|before (?:the )?end of|${WEEKDAY})`;

const DEMANDING_TONE_PATTERNS = [
  rx("\\b(?:can't|cannot) afford for you to\\b"),
  rx("\\b(?:it's|that's|it is|that is) on you\\b|\\bdon'?t (?:pretend|tell me)\\b|\\bhow hard can\\b|\\bhow hard (?:is|could) it\\b"),
  rx("\\bneed you to\\b"),
  rx("\\bno excuse\\b"),
  rx("\\b(?:don't|do not) be (?:lazy|difficult|stingy|precious|like that|cheap)\\b"),
  rx("\\bor (?:else|i'll|i will|we'll)\\b(?! (?:happily|gladly|be happy|send|share))"),
  rx("\\bleave me hanging\\b"),
  rx("\\b(?:i'll|i will) (?:just )?assume you(?:'re| are)\\b"),
  rx(`(?:^|[.!?]\\s+|,\\s*)(?:i )?need (?:an?|the|your|this|it)\\b`, G(60), `\\b(?:by|before) (?:${WEEKDAY}|tomorrow|today|tonight|eod|end|\\d)`),
  rx("\\bmake sure (?:it|that|this)(?:'s| is| gets| arrives| lands)\\b"),
  rx("\\bi need you to\\b"),
  rx("\\byou (?:must|have to|need to|gotta|'ve got to|better) (?!get (?:a lot|lots|many|so many|tons|a ton|plenty|loads)|be\\b|have\\b|know\\b|hear\\b)(?:connect|do|write|send|reply|respond|introduce|intro|call|get|accept|endorse|help|read|make|check|post|book|answer|follow|add|agree|say|give|find|put|look)\\b"),
  rx("(?<!not an? |not |no )\\b(?:asap|a\\.s\\.a\\.p)\\b"),
  rx("\\bas soon as (?:possible|you can)\\b(?!", G(20), "(?:no|not))"),
  rx("(?<!i'll |i will |i can |we'll |we will |i'd )\\b(?:immediately|right away|right now|urgent(?:ly)?|time-sensitive|time sensitive)\\b"),
  rx("(?<!want to |wanted to |i'll |i will |to |i'd like to |let me |i can )\\bmake sure (?:you|to)\\b"),
  rx("\\b(?:don't|do not)\\s+(?:ignore|forget|leave me hanging|make me|tell me you can't|let me down|disappoint|keep me waiting|flake|ghost)\\b"),
  rx("\\byou owe (?:me|us)\\b"),
  rx("\\bleast you (?:can|could) do\\b"),
  rx("\\bafter (?:all|everything)\\b", G(20), "\\b(?:i've|i have|i) (?:done|did|made)\\b"),
  rx("\\bi've done (?:plenty|so much|a lot|everything)\\b"),
  rx("\\bsurely\\b"),
  rx("\\b(?:plenty of time|enough time|had time)\\b"),
  rx("\\b(?:i don't|i do not) (?:understand|get) why you\\b"),
  rx(`\\bstill waiting (?:on|for) (?:that|your|the|an?) (?:\\w+ )?(?:${REC_NOUN}|intro|introduction|reply|answer|response|endorsements?|word|note|letter)\\b`),
  rx("\\bcan you just\\b|\\bjust do it\\b"),
  rx("\\b(?:expect|need|want) (?:an? )?(?:answer|reply|response|decision|yes)\\b"),
  rx("\\bi(?:'ve| have) (?:already )?(?:put|booked|scheduled|added|blocked|pencilled|penciled)\\b", G(40), "\\b(?:your calendar|your diary|you down|you in)\\b"),
  rx("\\bi need (?:this|it|that|an?|your|\\d+)\\b", G(40), `\\b${DEADLINE}`),
];

/** Pressure that hides in a negation: "you won't leave me hanging", "don't leave me hanging". */
const HANGING = rx("\\bleave me hanging\\b");

export const demandingTone = (doc: Doc): Span | null =>
  findFirst(doc, HANGING) ??
  findAny(doc, DEMANDING_TONE_PATTERNS, notNegated, notConditional, (doc, span) => !/\b(?:i|we)(?:'ll| will| can|'d| would)\b/.test(clauseBefore(doc, span))) ?? imperativeWithDeadline(doc);

const LEADING_VOCATIVE = /^\s*(?:@x+\s*|[a-z][\w'-]*,\s*)?(?:please |just |so |now |ok |okay |pls )?/;

const COMMAND = new RegExp(`^${IMPERATIVE}\\b`);
const DEADLINE_RE = new RegExp(`\\b${DEADLINE}\\b`);

/** "Send it by Friday." — a bare command with a deadline, unless the same sentence softens it. */
function imperativeWithDeadline(doc: Doc): Span | null {
  for (const sentence of doc.bodySentences.length ? doc.bodySentences : doc.sentences) {
    const text = sentence.text.replace(LEADING_VOCATIVE, "");
    if (!COMMAND.test(text) || !DEADLINE_RE.test(text) || /\bif\b/.test(text) || /\?\s*$/.test(text) || /^do (?:you|we)\b/.test(text)) continue;
    if (gracefulOut(analyse(doc.raw.slice(sentence.start, sentence.end)))) continue;
    return { start: sentence.start, end: sentence.end };
  }
  return null;
}

/* ---------- network workarounds, blasts ---------- */

const EMAIL_WORKAROUND_PATTERNS = [
  rx("\\b(?:if|when)\\b", G(60), "\\b(?:linkedin|it|the (?:site|app|network|platform|form))\\b", G(30), "\\b(?:asks?|asking|prompts?|requires?|wants?|needs?|requests?)\\b", G(40), "\\b(?:e-?mail|address|how (?:we|you) know|verify|verification)"),
  rx("\\blinkedin\\b", G(40), "\\b(?:asks?|asking|keeps asking|prompts?|requires?|wants?)\\b", G(30), "\\b(?:e-?mail|address|how we know)\\b"),
  rx("\\b(?:gets? around|get round|skips?|bypass(?:es)?|dodges?|work(?:s)? around|circumvents?|avoids?)\\b", G(30), "\\b(?:limit|limits|restriction|restrictions|check|checks|cap|filter|block|verification)\\b"),
  rx("\\b(?:it|linkedin) (?:doesn't|does not|won't|never) (?:check|verify)\\b"),
  rx("\\badd me (?:via|with|using) my e-?mail\\b"),
  rx("\\b(?:use|type|enter|put in|pick|choose|select)\\b", G(20), "(?:'colleague'|\"colleague\"|\\bcolleague\\b|any company|e{5,}|my e-?mail)", G(40), "\\b(?:linkedin|it asks|prompts|invite|the form)\\b"),
  rx("\\b(?:backup|second|other|alt|alternate) (?:profile|account)\\b", G(60), "\\b(?:instead|around|restriction|limit|flagged)\\b"),
];

export const emailWorkaround = (doc: Doc): Span | null =>
  findAny(doc, EMAIL_WORKAROUND_PATTERNS);

/** A merge field left unfilled: {{first_name}}, {first_name}, [Name], [First Name], <FIRST NAME>, %FNAME%. Read from the raw text, where case matters. */
export function mergeField(doc: Doc): Span | null {
  const re = /\{\{\s*[\w. -]+\s*\}\}|\{\s*[a-z][a-z_]*\s*\}|\[(?:[A-Z][A-Za-z]*)(?: [A-Z][A-Za-z]*)*\](?!\()|\[(?:first|last|full|company|recipient|contact|your)?[ _]?name\](?!\()|<[A-Z][A-Z _]{2,}>|<[a-z]+_[a-z_]+>|<first ?name>|%[A-Z_]{3,}%|\*\|[A-Z_]+\|\*/g;
  const m = re.exec(doc.raw);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

const GROUP_ADDRESS_PATTERNS = [
  rx("(?:^|\\n)\\s*(?:hi|hello|hey|dear|greetings)\\s*,?\\s+(?:linkedin |my )?(?:fam|family|network|connections(?: of connections)?|community|tribe|crew)\\b"),
  rx("(?:^|\\n)\\s*(?:hi|hello|hey|dear|greetings|good morning|good afternoon|morning|howdy|yo)\\s*,?\\s+(?:all|everyone|everybody|folks|friends|team|y'all|you all|connections|network|guys|people|colleagues|fam)\\b"),
  rx("\\b(?:messaging|emailing|writing to|reaching out to|contacting|sending this to|sending this out to|asking|dming|pinging)\\s+(?:all|every|everyone|everybody|each of|a bunch of|a handful of|lots of|many|dozens of|a few|several|the whole)\\b"),
  rx("\\b(?:to|for) (?:everyone|all|each|every one) (?:in|of|on) my (?:network|contacts|connections|list)\\b"),
  rx("\\ball (?:of )?my (?:connections|contacts|network|followers)\\b"),
  rx("\\bas (?:many|most|some) of you\\b"),
  rx("\\bthank(?:s| you) (?:all|everyone|everybody)\\b"),
  rx("\\bto everyone (?:in|on)\\b"),
];

export const groupAddress = (doc: Doc): Span | null =>
  findAny(doc, GROUP_ADDRESS_PATTERNS, sentenceLacks(/\bnot (?:blasting|spamming|mass|a mass|copy)/));

/* ---------- time frame, contact ---------- */

const TIME_FRAME_PATTERNS = [
  rx(`\\b(?:minutes|mins?|call|chat|coffee|meeting|time|demo) (?:on )?${WEEKDAY}\\b`),
  rx("\\b(?:before|by|until|ahead of) then\\b"),
  rx(`\\bon ${WEEKDAY}\\b`, G(0)),
  rx(`\\b(?:by|before|until|till|ahead of|no later than|prior to)\\b(?: the| our| his| her| their| your| my)?`, G(40), `\\b(?:${WEEKDAY}|${MONTH}|tomorrow|tonight|eod|end|next|this|\\d{1,2}(?:st|nd|rd|th)\\b|q[1-4]|deadline|close|closes|kicks?|kickoff|launch|planning|holidays?|weekend|week|month|quarter|year-end|start|beginning|mid-\\w+)`),
  rx("\\b(?:this|next|coming|upcoming)\\s+(?:week|month|quarter|sprint|spring|summer|fall|autumn|winter|weekend|term|semester|cycle|few (?:days|weeks)|couple)\\b"),
  rx(`\\b(?:this|next|coming)\\s+${WEEKDAY}\\b`),
  rx(`\\b(?:for|on) ${WEEKDAY} (?:at \\d|morning|afternoon|evening)`),
  rx(`\\b(?:closes?|closing|due|deadline(?: is)?|expires?|ends?|starts?|kicks? off)\\b(?: \\w+){0,2} (?:on |by |in )?(?:the )?(?:${WEEKDAY}|${MONTH}|\\d{1,2}(?:st|nd|rd|th)\\b)`),
  rx("\\b(?:in|over|within|during) the (?:next|coming)\\b"),
  rx("\\bwithin (?:the )?(?:next )?(?:a |an |\\d+ |two |three |a few |a couple of )?(?:days?|weeks?|months?)\\b"),
  rx("\\bin (?:a|one|two|three|four|a few|a couple of|\\d+) (?:days|weeks|months)\\b(?! ago)"),
  rx("\\b(?:today|tonight|tomorrow|asap|as soon as)\\b"),
  rx("\\bno (?:rush|hurry)\\b|\\bwhenever (?:you|it|works|suits)\\b|\\bat your (?:earliest )?convenience\\b|\\bin your own time\\b|\\bwhen you (?:get|have) a (?:moment|minute|chance|sec)\\b"),
  rx("\\bend of (?:the )?(?:week|month|quarter|year|day)\\b|\\b(?:eod|eow|eom)\\b"),
  rx(`\\b(?:early|mid|late)[- ](?:${MONTH}|next)\\b`),
  rx(`\\bsometime (?:in|this|next|before|around|during)\\b`),
];

/** "on Thursday" is a time frame for a meeting to come, not for the party where you met. */
const PAST_EVENT = /\b(?:was|were|met|saw|seeing|great to|good to|lovely|loved|enjoyed|thanks|last|ago)\b|\b\w+ed\b/;
const notAPastDay = (doc: Doc, span: Span): boolean => !doc.norm.startsWith("on ", span.start) || !PAST_EVENT.test(sentenceText(doc, span));

/** "not by Friday", "no deadline": a negation right before the time frame (not one elsewhere in the clause). */
const notNegatedRightBefore = (doc: Doc, span: Span): boolean => !/\b(?:not|no|never)\s+(?:\w+\s+)?$|n't\s+$/.test(doc.norm.slice(Math.max(0, span.start - 16), span.start));

export const timeFrame = (doc: Doc): Span | null =>
  findAny(doc, TIME_FRAME_PATTERNS, notNegatedRightBefore, notAPastDay);

const PHONE = /(?<![\w+])\+?\(?\d[\d\s().-]{5,18}\d(?!\w)/g;

/** The sender's own e-mail address or phone number (not the third person's), or a placeholder for one. */
export function directContact(doc: Doc): Span | null {
  const first = contactsOfSender(doc).next();
  return first.done ? bracketedContact(doc.norm) : first.value;
}

/** Every e-mail address and phone number of the sender's in the draft (not the third person's), in order: addresses first. */
export function sendersContacts(doc: Doc): Span[] {
  return [...contactsOfSender(doc)];
}

/** The sender's addresses and numbers one at a time, so a caller that needs one stops at the first. */
function* contactsOfSender(doc: Doc): Generator<Span> {
  const candidates: Span[] = [];
  candidates.push(...emailSpans(doc.raw));
  if (/\d{3}/.test(doc.raw))
    for (const m of doc.raw.matchAll(PHONE)) {
      const digits = (m[0].match(/\d/g) ?? []).length;
      if (digits >= 7 && digits <= 15 && !/^\d{4}\s?[-–]\s?\d{4}$/.test(m[0])) candidates.push({ start: m.index, end: m.index + m[0].length });
    }
  for (const c of candidates) {
    const before = doc.norm.slice(Math.max(0, c.start - 40), c.start);
    if (/\b(?:her|his|their|[a-z]+'s) (?:e-?mail|address|number|phone|cell|mobile)(?: address)?(?: is)?\s*:?\s*$/.test(before)) continue;
    if (/\b(?:send it|send them|email them|write to|submit to|to)\s+(?:straight )?(?:to\s+)?$/.test(before) && !/\bme\b/.test(before)) continue;
    yield c;
  }
}

const CONTACT_WORD = /\b(?:e-?mail|phone|number|contact)\b/;

/**
 * A bracket naming a way to reach the sender ("[your email]"): the first "[" before a "]" with such a
 * word in between. One pass over the text (a regex for this backtracks cubically on "[email [email …").
 */
function bracketedContact(norm: string): Span | null {
  let from = 0;
  while (from < norm.length) {
    const open = norm.indexOf("[", from);
    if (open < 0) return null;
    const close = norm.indexOf("]", open);
    if (close < 0) return null;
    if (CONTACT_WORD.test(norm.slice(open + 1, close))) return { start: open, end: close + 1 };
    from = close + 1;
  }
  return null;
}

/* ---------- generic boilerplate ---------- */

const GENERIC_TEMPLATE_PATTERNS = [
  rx("\\b(?:always )?(?:keen|looking|happy|eager) to connect with (?:\\w+ ){0,2}(?:leaders|professionals|people|experts|peers|pros) (?:in|from|across)\\b"),
  rx("\\b(?:take|taking) the next step in my career\\b|\\bpart of your (?:professional )?network\\b"),
  rx("\\bfor my (?:linkedin )?profile\\b"),
  rx("\\b(?:skills|endorsements?) (?:listed )?on my (?:linkedin )?profile\\b"),
  rx("\\b(?:grow|expand|build|broaden|extend|strengthen|widen)(?:ing)? (?:out )?my reach\\b"),
  rx("\\b(?:came across|saw|found|stumbled (?:up)?on|viewed|was looking at|noticed|checked out|was browsing|browsed) your (?:linkedin )?profile\\b"),
  rx("\\b(?:impressed|intrigued) (?:by|with) your (?:profile|background|experience)\\b"),
  rx("\\badd (?:you|me|my profile) (?:to|into) (?:my|your) (?:professional |linkedin )?(?:network|contacts|connections)\\b"),
  rx("\\b(?:grow|expand|build|broaden|extend|strengthen|widen)(?:ing)? (?:out )?my (?:professional )?(?:network|presence|connections|circle|profile|brand|personal brand)\\b"),
  rx("\\b(?:like-minded|fellow|other) (?:[\\w-]+ )?(?:professionals|pros|peers|folks)\\b"),
  rx("\\b(?:reaching|reach) out to (?:my|the|people in my) network\\b"),
  rx("\\bwanted to be connected with you\\b"),
  rx("\\bthought it would be (?:great|nice|good|beneficial) to (?:reach out|connect|get in touch)\\b"),
  rx("\\b(?:add|include|display|put|feature) (?:it |them |a recommendation (?:from you )?|this )?(?:to|on|in) my (?:linkedin |professional )?profile\\b"),
  rx("\\bjoin your (?:professional )?network\\b"),
  rx("\\b(?:i'm|i am) writing to ask (?:if|whether) you (?:would|could)\\b"),
  rx("\\bprofessional (?:network|presence)\\b"),
];

export const genericTemplate = (doc: Doc): Span | null =>
  findAny(doc, GENERIC_TEMPLATE_PATTERNS);
