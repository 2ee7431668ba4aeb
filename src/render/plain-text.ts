/** Plain-text rendering of core results for a terminal: reviews, asks and reminders. */
import { describeState } from "../core/asks";
import type { ScheduledReminder } from "../core/ask-store";
import { askLabel } from "../core/reminder-message";
import type { ForgetCounts } from "../core/ask-store";
import type { Ask, DueReminder } from "../core/ports";
import type { ReviewResult } from "../core/types";

const SEVERITY_MARK = { blocker: "✖", warn: "▲", tip: "·" } as const;
const VERDICT_WORDS: Record<ReviewResult["verdict"], string> = {
  ready: "ready to send",
  revise: "revise before sending",
  "dont-send": "don't send this as is",
  "not-an-ask": "not an ask",
};

const indent = (text: string, prefix = "    "): string =>
  text
    .split("\n")
    .map((line) => prefix + line)
    .join("\n");

export function renderReview(result: ReviewResult): string {
  if (result.notice?.code === "unsupported-language") return result.notice.message;
  const lines = [`Verdict: ${VERDICT_WORDS[result.verdict]} (${result.kind.replace(/_/g, " ")}, score ${result.score}/100)`];
  if (result.notice) lines.push(`  ${result.notice.message}`);
  for (const finding of result.findings) {
    lines.push(`  ${SEVERITY_MARK[finding.severity]} ${finding.severity} ${finding.rule}: ${finding.message}`);
    lines.push(`      why: ${finding.why}`);
  }
  if (result.checklist.length > 0) {
    lines.push("  Checklist:");
    for (const item of result.checklist) lines.push(`    [${item.present ? "x" : " "}] ${item.question}`);
  }
  if (result.rewrite) lines.push("  Suggested rewrite:", indent(result.rewrite));
  return lines.join("\n");
}

/** `1 ask`, `2 asks`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** What `forget` deleted, in words. */
export function renderForgotten(counts: ForgetCounts): string {
  const total = counts.asks + counts.reminders + counts.settings + counts.dismissals;
  if (total === 0) return "Nothing was stored about you, so nothing was deleted.";
  return `Deleted ${plural(counts.asks, "ask")}, ${plural(counts.reminders, "reminder")}, ${plural(counts.settings, "setting")} and ${plural(counts.dismissals, "dismissal")}.`;
}

const day = (date: Date): string => date.toISOString().slice(0, 16).replace("T", " ") + " UTC";

export function renderAskLine(ask: Ask): string {
  return `#${ask.id}  ${askLabel(ask)}, sent ${day(ask.sentAt)}: ${describeState(ask.state)}`;
}

export function renderAsk(ask: Ask, next: ScheduledReminder | null): string {
  const lines = [
    `Ask #${ask.id}: ${askLabel(ask)}`,
    `  kind: ${ask.kind}   state: ${describeState(ask.state)}`,
    `  sent: ${day(ask.sentAt)}${ask.followedUpAt ? `   followed up: ${day(ask.followedUpAt)}` : ""}${ask.closedAt ? `   closed: ${day(ask.closedAt)}` : ""}`,
    `  summary: ${ask.summary}`,
  ];
  if (next) lines.push(`  next reminder: ${next.type === "follow_up_due" ? "follow up" : "read silence as a gentle no"}, ${day(next.dueAt)}`);
  if (ask.draft !== null) lines.push("  draft (STORE_DRAFTS=true):", indent(ask.draft));
  return lines.join("\n");
}

/** A reminder as the bot's message, with the commands that answer it. */
export function renderReminder(reminder: DueReminder, commandPrefix = ""): string {
  const id = reminder.ask.id;
  const lines = [`⏰ ${reminder.message}`];
  if (reminder.draftedFollowUp) lines.push("  Suggested follow-up:", indent(reminder.draftedFollowUp));
  lines.push(
    reminder.type === "follow_up_due"
      ? `  Sent it? \`${commandPrefix}followed-up ${id}\`   Got an answer? \`${commandPrefix}replied ${id}\`   Done with it? \`${commandPrefix}close ${id}\``
      : `  Close it as a gentle no: \`${commandPrefix}close ${id}\`   Got an answer after all? \`${commandPrefix}replied ${id}\``,
  );
  return lines.join("\n");
}
