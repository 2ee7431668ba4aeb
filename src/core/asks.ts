/**
 * The ask state machine: which transitions are allowed, and what each event does to an ask.
 * Pure: time is an argument, refusals are values.
 */
import { refused, ok, type Result } from "../errors";
import type { Ask, AskState } from "./ports";

export const ALLOWED_TRANSITIONS: Readonly<Record<AskState, readonly AskState[]>> = {
  pending: ["followed_up", "replied", "introduced", "declined", "closed_silent", "closed"],
  followed_up: ["replied", "introduced", "declined", "closed_silent", "closed"],
  replied: [],
  introduced: [],
  declined: [],
  closed_silent: [],
  closed: [],
};

/** States in which the ask is still waiting for an answer (reminders may be due). */
export const OPEN_STATES: readonly AskState[] = ["pending", "followed_up"];

export type ReplyOutcome = "replied" | "introduced" | "declined";
/** "silent": read silence as a gentle no (closed_silent); "done": closed for any other reason (closed). */
export type CloseReason = "silent" | "done";

export type AskEvent =
  | { type: "follow_up"; at: Date }
  | { type: "reply"; outcome: ReplyOutcome; at: Date }
  | { type: "close"; reason?: CloseReason; at: Date };

export type TransitionError = "refused_transition" | "invalid_time";

/** The fields an event changes. */
export interface AskChange {
  state: AskState;
  followedUpAt: Date | null;
  closedAt: Date | null;
}

const STATE_WORDS: Record<AskState, string> = {
  pending: "waiting for an answer",
  followed_up: "followed up",
  replied: "answered",
  introduced: "answered with an introduction",
  declined: "declined",
  closed_silent: "closed (silence read as a gentle no)",
  closed: "closed",
};

export function describeState(state: AskState): string {
  return STATE_WORDS[state];
}

export function canTransition(from: AskState, to: AskState): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Without an explicit reason, closing an ask that was already followed up reads the silence as a gentle no. */
export function closeTarget(ask: Pick<Ask, "state">, reason?: CloseReason): AskState {
  if (reason === "silent") return "closed_silent";
  if (reason === "done") return "closed";
  return ask.state === "followed_up" ? "closed_silent" : "closed";
}

export function targetState(ask: Pick<Ask, "state">, event: AskEvent): AskState {
  switch (event.type) {
    case "follow_up":
      return "followed_up";
    case "reply":
      return event.outcome;
    case "close":
      return closeTarget(ask, event.reason);
  }
}

/** Applies an event to an ask, or refuses it with a message a user can act on. */
export function applyAskEvent(ask: Pick<Ask, "id" | "state" | "sentAt" | "followedUpAt">, event: AskEvent): Result<AskChange, TransitionError> {
  const to = targetState(ask, event);
  if (!canTransition(ask.state, to)) {
    const hint =
      ask.state === "followed_up" && to === "followed_up"
        ? " One follow-up is the most that helps; after that, silence is best read as a gentle no."
        : "";
    return refused("refused_transition", `Ask ${ask.id} is ${describeState(ask.state)}, so it can't be marked ${describeState(to)}.${hint}`);
  }
  if (Number.isNaN(event.at.getTime()) || event.at.getTime() < ask.sentAt.getTime()) {
    return refused("invalid_time", `That time is before ask ${ask.id} was sent (${ask.sentAt.toISOString()}).`);
  }
  const isClosing = to !== "followed_up";
  return ok({
    state: to,
    followedUpAt: event.type === "follow_up" ? event.at : ask.followedUpAt,
    closedAt: isClosing ? event.at : null,
  });
}
