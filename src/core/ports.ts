/**
 * The tracker's platform-neutral contract. Adapters (console, Slack, Teams) and
 * storage implement or call these; nothing here knows about an SDK.
 * Ids are platform-neutral strings such as `slack:T123:U456` or `teams:<tenant>:<aad-id>`.
 */
import type { AskKind } from "./types";

export const ASK_STATES = ["pending", "followed_up", "replied", "introduced", "declined", "closed_silent", "closed"] as const;
export type AskState = (typeof ASK_STATES)[number];

/** Who owns an ask: the platform, the workspace/tenant and the sender, e.g. { platform: "slack", workspaceId: "T123", userId: "U456" }. */
export interface Owner {
  platform: "slack" | "teams" | "console" | "cli";
  workspaceId: string;
  userId: string;
}

export interface Reader {
  /** A platform user id when the reader is on the same platform, else null. */
  userId: string | null;
  /** A free-text name ("Dana at Acme") when no user id is known, or the display name. */
  name: string | null;
}

export interface Ask {
  id: string;
  owner: Owner;
  reader: Reader;
  /** The third person of an introduction, when there is one. */
  thirdPerson: string | null;
  kind: AskKind;
  sentAt: Date;
  state: AskState;
  followedUpAt: Date | null;
  closedAt: Date | null;
  /** Fingerprint of the normalised text (names and mentions removed): drives `mass-blast` from history. */
  fingerprint: string;
  /** The engine's one-line summary; never the draft text. */
  summary: string;
  /** The draft itself, only when STORE_DRAFTS=true. */
  draft: string | null;
  /** IANA zone of the sender when the platform told us, else null (UTC is used). */
  timeZone: string | null;
}

export type ReminderType = "follow_up_due" | "silence_means_no";

/** A reminder that is due, with everything an adapter needs to render it. */
export interface DueReminder {
  reminderId: string;
  type: ReminderType;
  ask: Ask;
  /** For `follow_up_due`: the drafted follow-up (reviewed by the engine); null for `silence_means_no`. */
  draftedFollowUp: string | null;
  /** A short, human message explaining the reminder. */
  message: string;
}

/** Implemented by each adapter: delivers one reminder (a DM, a proactive message, a console line). Throws to signal "retry later". */
export interface ReminderDelivery {
  deliver(reminder: DueReminder): Promise<void>;
}
