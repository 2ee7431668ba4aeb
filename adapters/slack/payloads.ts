import { z } from "zod";
import { RULE_IDS } from "../../src/core/types";

/**
 * What Askwell puts in button values and modal metadata, validated when Slack sends it back. Values
 * are compact JSON (Slack caps a button value at 2,000 characters, private_metadata at 3,000).
 * Every value that touches an ask names its owner, and handlers compare it with the clicking user.
 */
export const ACTIONS = {
  track: "track_ask",
  reviewEdit: "review_edit",
  forwardable: "forwardable_note",
  dismiss: "dismiss_finding",
  fullReview: "full_review",
  followedUp: "ask_followed_up",
  replied: "ask_replied",
  close: "ask_close",
  forgetMe: "forget_me",
  exportMe: "export_me",
} as const;

export const VIEWS = { track: "track_ask_modal", reviewEdit: "review_edit_modal" } as const;

/** Drafts longer than this do not ride along in a button value; the modal then asks for the text. */
export const MAX_CARRIED_DRAFT = 1800;

const owned = { u: z.string().min(1), t: z.string().min(1) };

export const trackValue = z.object({ ...owned, d: z.string().max(MAX_CARRIED_DRAFT).optional(), i: z.boolean().optional() });
/** `w`: `d` is the review's suggested rewrite, so submitting the form counts as using it. */
export const reviewEditValue = z.object({ ...owned, d: z.string().max(MAX_CARRIED_DRAFT).optional(), w: z.literal(1).optional() });
export const dismissValue = z.object({ ...owned, r: z.enum(RULE_IDS) });
/** "Copy forwardable note": the intro request the note is written from. */
export const forwardableValue = z.object({ ...owned, d: z.string().min(1).max(MAX_CARRIED_DRAFT) });
/** Points at the message that was reviewed in a channel: channel, thread root and the message itself. */
export const fullReviewValue = z.object({ ...owned, c: z.string().min(1), root: z.string().min(1), ts: z.string().min(1) });
export const askValue = z.object({ ...owned, a: z.string().min(1) });
/** The "Delete everything about me" button: whose data it deletes. */
export const forgetValue = z.object(owned);
/** Metadata of the modals: who opened it, the response_url to answer in the original conversation, and (Review my edit) whether it opened on the rewrite. */
export const modalMetadata = z.object({ ...owned, url: z.string().optional(), w: z.literal(1).optional() });

export type TrackValue = z.infer<typeof trackValue>;
export type ReviewEditValue = z.infer<typeof reviewEditValue>;
export type DismissValue = z.infer<typeof dismissValue>;
export type FullReviewValue = z.infer<typeof fullReviewValue>;
export type AskValue = z.infer<typeof askValue>;
export type ModalMetadata = z.infer<typeof modalMetadata>;

export function encode(value: object): string {
  return JSON.stringify(value);
}

/** Parses a value Slack sent back; null for anything malformed (forged or from an older version). */
export function decode<T>(schema: z.ZodType<T>, raw: string | undefined): T | null {
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The draft when it is small enough to carry in a button, else undefined. */
export function carriable(draft: string | null | undefined): string | undefined {
  return draft && JSON.stringify(draft).length <= MAX_CARRIED_DRAFT ? draft : undefined;
}
