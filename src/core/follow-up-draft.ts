/**
 * The one follow-up Askwell offers: short, gives the reader an easy out, and says it is the only
 * one. Wording varies deterministically with the ask (a hash of its identity, no randomness), and
 * each candidate is reviewed by the engine; the first one clean of warnings and blockers is offered.
 */
import { fnv1a64 } from "./fingerprint";
import type { Ask } from "./ports";
import { review } from "./review";
import type { AskKind, ReviewResult } from "./types";

type AskForDraft = Pick<Ask, "id" | "owner" | "kind" | "reader" | "thirdPerson" | "sentAt">;

function topic(kind: AskKind, thirdPerson: string | null): { about: string; doing: string } {
  switch (kind) {
    case "intro_request":
      return { about: thirdPerson ? `an introduction to ${thirdPerson}` : "an introduction", doing: "making the introduction" };
    case "recommendation_ask":
      return { about: "a short recommendation", doing: "writing a recommendation" };
    case "endorsement_ask":
      return { about: "endorsing a few of my skills", doing: "endorsing them" };
    case "connection_request":
      return { about: "connecting", doing: "connecting" };
    case "outreach":
      return { about: "a quick conversation", doing: "chatting" };
    case "follow_up":
      return { about: "my earlier question", doing: "helping with it" };
  }
}

const OPENINGS = [
  (about: string) => `I wanted to gently follow up on my note about ${about}.`,
  (about: string) => `Just circling back on my message about ${about}, in case it got buried.`,
  (about: string) => `I'm following up on my earlier note about ${about}.`,
];

const OUTS = [
  (doing: string) => `If you're not comfortable ${doing}, I completely understand, and this will be my only follow-up.`,
  () => `No worries at all if you'd rather not, and this is the only follow-up I'll send.`,
  () => `Totally understand if now isn't a good time; this is my last note on it, so feel free to let it go.`,
];

const SIGN_OFFS = ["Thanks,", "Thank you,", "Best,"];

function firstName(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first && /^\p{L}/u.test(first) ? first.replace(/[,.;:]+$/, "") : null;
}

function compose(ask: AskForDraft, variant: number): string {
  const { about, doing } = topic(ask.kind, ask.thirdPerson);
  const name = firstName(ask.reader.name);
  const opening = OPENINGS[variant % OPENINGS.length]!(about);
  const out = OUTS[Math.floor(variant / OPENINGS.length) % OUTS.length]!(doing);
  const signOff = SIGN_OFFS[variant % SIGN_OFFS.length]!;
  return `${name ? `Hi ${name},` : "Hi,"}\n\n${opening} ${out}\n\n${signOff}`;
}

const VARIANTS = OPENINGS.length * OUTS.length;

/** Every wording of the follow-up for this ask, in the order they are tried for it. */
export function followUpCandidates(ask: AskForDraft): string[] {
  const seed = fnv1a64(`${ask.owner.platform}:${ask.owner.workspaceId}:${ask.owner.userId}:${ask.id}:${ask.sentAt.toISOString()}`);
  const start = Number(BigInt(`0x${seed}`) % BigInt(VARIANTS));
  return Array.from({ length: VARIANTS }, (_, i) => compose(ask, (start + i) % VARIANTS));
}

export function isCleanReview(result: ReviewResult): boolean {
  return result.findings.every((finding) => finding.severity === "tip") && result.verdict !== "dont-send" && result.verdict !== "revise";
}

/** The drafted follow-up for an ask, reviewed by `reviewDraft` (the engine by default). */
export function draftFollowUp(ask: AskForDraft, reviewDraft: (draft: string) => ReviewResult = review): { text: string; review: ReviewResult } {
  let first: { text: string; review: ReviewResult } | null = null;
  for (const text of followUpCandidates(ask)) {
    const result = reviewDraft(text);
    if (isCleanReview(result)) return { text, review: result };
    first ??= { text, review: result };
  }
  return first!;
}
