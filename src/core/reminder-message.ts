/** The short, human text of a reminder (adapters add their own buttons or commands around it). */
import type { FollowUpPolicy } from "./follow-up-policy";
import type { Ask, ReminderType } from "./ports";
import type { AskKind } from "./types";

const KIND_WORDS: Record<AskKind, string> = {
  intro_request: "an introduction",
  recommendation_ask: "a recommendation",
  endorsement_ask: "an endorsement",
  connection_request: "to connect",
  outreach: "a conversation",
  follow_up: "an answer",
};

export function readerLabel(ask: Pick<Ask, "reader">): string {
  return ask.reader.name ?? (ask.reader.userId ? `<@${ask.reader.userId}>` : "them");
}

export function askLabel(ask: Pick<Ask, "kind" | "reader" | "thirdPerson">): string {
  const what = ask.kind === "intro_request" && ask.thirdPerson ? `an introduction to ${ask.thirdPerson}` : KIND_WORDS[ask.kind];
  return `${what} from ${readerLabel(ask)}`;
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
