/** Plain-text rendering of core results for a terminal: reviews, asks and reminders. */
import { describeState } from "../core/asks";
import type { ForgetCounts, ScheduledReminder } from "../core/ask-store";
import { askLabel } from "../core/reminder-message";
import type { Ask, DueReminder } from "../core/ports";
import type { ReviewResult } from "../core/types";
import { HOUSE_RULES_HEADING, houseNoteLines } from "./house-notes";

/**
 * Control characters from a draft (ESC, BEL, backspace, C1…) shown as visible `\x1b`-style text, so a
 * draft can never drive the user's terminal; newlines and tabs stay.
 */
export function visibleControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

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
  const house = houseNoteLines(result);
  if (house.length > 0) lines.push(`  ${HOUSE_RULES_HEADING} (set by your team):`, ...house.map((l) => `    ${l}`));
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

/** Splits text into pieces of at most `size` characters, at line ends where it can (chat messages have caps). */
export function chunkText(text: string, size: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const cut = rest.lastIndexOf("\n", size);
    const at = cut > 0 ? cut + 1 : size;
    chunks.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/** What `forget` deleted, in words (the chat surfaces' name for it). */
export const forgetSummary = renderForgotten;
