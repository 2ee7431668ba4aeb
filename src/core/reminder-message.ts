/** The short, human text of a reminder (adapters add their own buttons or commands around it). */
import type { FollowUpPolicy } from "./follow-up-policy";
import type { Ask, ReminderType } from "./ports";
import type { AskKind } from "./types";

/** What was asked of the reader, phrased around their name: "a recommendation from Dana Lee". */
const KIND_PHRASES: Record<AskKind, (reader: string) => string> = {
  intro_request: (reader) => `an introduction by ${reader}`,
  recommendation_ask: (reader) => `a recommendation from ${reader}`,
  endorsement_ask: (reader) => `an endorsement from ${reader}`,
  connection_request: (reader) => `a connection with ${reader}`,
  outreach: (reader) => `a conversation with ${reader}`,
  follow_up: (reader) => `an answer from ${reader}`,
};

export function readerLabel(ask: Pick<Ask, "reader">): string {
  return ask.reader.name ?? (ask.reader.userId ? `<@${ask.reader.userId}>` : "them");
}

export function askLabel(ask: Pick<Ask, "kind" | "reader" | "thirdPerson">): string {
  const reader = readerLabel(ask);
  return ask.kind === "intro_request" && ask.thirdPerson ? `an introduction to ${ask.thirdPerson} from ${reader}` : KIND_PHRASES[ask.kind](reader);
}

export function reminderMessage(type: ReminderType, ask: Pick<Ask, "id" | "kind" | "reader" | "thirdPerson">, policy: FollowUpPolicy): string {
  if (type === "follow_up_due") {
    return (
      `No answer yet on ask ${ask.id} (${askLabel(ask)}) after ${policy.followUpAfterDays} days. ` +
      `One gentle follow-up that gives an easy out is fine; here is a draft that says it's the only one. ` +
      `Log it once you've sent it, or mark the ask answered if they replied.`
    );
  }
  return (
    `Still no answer on ask ${ask.id} (${askLabel(ask)}) ${policy.silenceAfterDays} days after your follow-up. ` +
    `Silence after one follow-up is best read as a gentle no: no need to chase. Close the ask?`
  );
}
