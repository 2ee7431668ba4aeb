/**
 * Core results → Adaptive Cards (schema 1.4, what Teams renders everywhere). Rendering only: every
 * word of advice comes from the engine or the tracker; the card lays it out and carries the actions.
 */
import type { Ask, DueReminder, Owner } from "../../src/core/ports";
import type { Finding, ReviewResult, Severity, Verdict } from "../../src/core/types";
import { reviewSourceLine } from "../../src/render/review-source";
import { HOUSE_RULES_HEADING, houseNoteLines } from "../../src/render/house-notes";
import { actionData, MAX_DRAFT_CHARS, type ActionName } from "./actions";

export type AdaptiveCard = { type: "AdaptiveCard"; $schema: string; version: string; body: unknown[]; actions?: unknown[]; msteams?: unknown };

const card = (body: unknown[], actions: unknown[] = []): AdaptiveCard => ({
  type: "AdaptiveCard",
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  version: "1.4",
  body,
  ...(actions.length > 0 ? { actions } : {}),
  msteams: { width: "Full" },
});

const text = (value: string, extra: Record<string, unknown> = {}) => ({ type: "TextBlock", text: value, wrap: true, ...extra });

const submit = (title: string, owner: Owner, action: ActionName, fields: Record<string, string> = {}, extra: Record<string, unknown> = {}) => ({
  type: "Action.Submit",
  title,
  data: actionData(owner, action, fields),
  ...extra,
});

const VERDICT_HEADLINE: Record<Verdict, { title: string; color: string }> = {
  ready: { title: "✅ Ready to send", color: "Good" },
  revise: { title: "✏️ Worth a revision before you send it", color: "Warning" },
  "dont-send": { title: "⛔ Don't send this as it is", color: "Attention" },
  "not-an-ask": { title: "This doesn't read like a networking ask", color: "Default" },
};

const SEVERITY_LABEL: Record<Severity, string> = { blocker: "Blocker", warn: "Revise", tip: "Tip" };

const KIND_LABEL: Record<ReviewResult["kind"], string> = {
  intro_request: "Introduction request",
  recommendation_ask: "Recommendation request",
  endorsement_ask: "Endorsement request",
  connection_request: "Connection request",
  outreach: "First outreach",
  follow_up: "Follow-up",
  other: "Not an ask",
};

function findingBlock(finding: Finding, owner: Owner, dismissed: readonly string[]): unknown {
  const isDismissed = dismissed.includes(finding.rule);
  const items: unknown[] = [
    text(`**${SEVERITY_LABEL[finding.severity]}** · ${finding.message}`, isDismissed ? { isSubtle: true } : {}),
    text(isDismissed ? "_Marked not applicable. Thanks, that helps tune the advice._" : finding.why, { isSubtle: true, spacing: "None", size: "Small" }),
  ];
  const button = submit("Not applicable", owner, "not-applicable", { rule: finding.rule, dismissed: dismissed.join(",") });
  return {
    type: "ColumnSet",
    separator: true,
    columns: [
      { type: "Column", width: "stretch", items },
      ...(isDismissed ? [] : [{ type: "Column", width: "auto", verticalContentAlignment: "Center", items: [{ type: "ActionSet", actions: [button] }] }]),
    ],
  };
}

export interface ReviewCardOptions {
  /** Rule ids the user marked "Not applicable" on this card. */
  dismissed?: readonly string[];
  /** A note from the review service (e.g. "Rules-only review today"). */
  note?: string;
  /** Set once the ask is tracked: the Track action gives way to a line saying so. */
  trackedAskId?: string;
}

/**
 * The review of a draft: verdict, findings with reasons, checklist, rewrite, and the actions. The draft
 * sits in an input box so *Review my edit* re-reviews what the user typed; every button on the card
 * sends that box along (Adaptive Cards gather a card's inputs), so no button has to carry the draft.
 */
export function reviewCard(result: ReviewResult, draft: string, owner: Owner, options: ReviewCardOptions = {}): AdaptiveCard {
  if (result.notice?.code === "unsupported-language") return card([text(result.notice.message)]);
  const headline = VERDICT_HEADLINE[result.verdict];
  const body: unknown[] = [text(headline.title, { size: "Large", weight: "Bolder", color: headline.color })];
  if (result.notice) body.push(text(result.notice.message, { isSubtle: true }));
  const source = reviewSourceLine(result);
  if (source) body.push(text(`🤖 ${source}`, { isSubtle: true, size: "Small", spacing: "None" }));
  if (result.verdict === "not-an-ask") {
    body.push(text("Send me the message you plan to send (an introduction request, a recommendation ask, a connection request…) and I'll review it. Type `help` for more."));
    return card(body);
  }
  body.push(text(`${KIND_LABEL[result.kind]} · score ${result.score}/100`, { isSubtle: true, spacing: "None" }));
  if (options.note) body.push(text(options.note, { isSubtle: true, size: "Small" }));

  const dismissed = options.dismissed ?? [];
  if (result.findings.length > 0) {
    body.push(text("What to change", { weight: "Bolder", spacing: "Medium" }));
    for (const finding of result.findings) body.push(findingBlock(finding, owner, dismissed));
  }
  const house = houseNoteLines(result);
  if (house.length > 0) {
    body.push(text(`🏠 ${HOUSE_RULES_HEADING} (set by your team)`, { weight: "Bolder", spacing: "Medium" }));
    for (const line of house) body.push(text(`• ${line}`, { isSubtle: true, spacing: "None" }));
  }
  if (result.checklist.length > 0) {
    body.push(text("Checklist", { weight: "Bolder", spacing: "Medium" }));
    body.push({ type: "FactSet", facts: result.checklist.map((item) => ({ title: item.present ? "✅" : "⬜", value: item.question })) });
  }
  if (result.rewrite) {
    body.push(text(result.rewriteSource === "model" ? "A suggested rewrite (AI-assisted)" : "A suggested rewrite", { weight: "Bolder", spacing: "Medium" }));
    body.push({ type: "Container", style: "emphasis", items: [text(result.rewrite)] });
  }
  body.push({ type: "Input.Text", id: "draft", label: "Your draft (edit it here, then press Review my edit)", isMultiline: true, value: draft, maxLength: MAX_DRAFT_CHARS, spacing: "Medium" });
  if (options.trackedAskId) body.push(text(`📌 Tracked as ask #${options.trackedAskId}. Type \`list\` to see your open asks.`, { spacing: "Medium" }));

  const keep = { dismissed: dismissed.join(",") };
  const trackForm = {
    type: "AdaptiveCard",
    body: [
      { type: "Input.Text", id: "reader", label: "Who did you send it to?", placeholder: "e.g. Dana Kim", isRequired: true, errorMessage: "Who received it?", maxLength: 200 },
      ...(result.kind === "intro_request" ? [{ type: "Input.Text", id: "thirdPerson", label: "Who should they introduce you to?", placeholder: "e.g. Sam at Acme", maxLength: 200 }] : []),
    ],
    actions: [submit("Track", owner, "track", keep)],
  };
  // Once the ask is tracked (sent), the rewrite is no longer something to start from.
  const useRewrite = result.rewrite && result.rewrite.length <= MAX_DRAFT_CHARS && !options.trackedAskId ? [submit("Use this rewrite", owner, "use-rewrite", { ...keep, rewrite: result.rewrite })] : [];
  return card(body, [
    ...(options.trackedAskId ? [] : [{ type: "Action.ShowCard", title: "Track this ask", card: trackForm }]),
    ...useRewrite,
    // The note is written from the draft box, so an edited draft gets its own note.
    ...(result.kind === "intro_request" ? [submit("Copy forwardable note", owner, "forwardable", keep)] : []),
    submit("Review my edit", owner, "review-edit", keep),
  ]);
}

/** The note for the double opt-in, sent to the user alone: monospace, easy to select and copy. */
export function forwardableCard(note: string): AdaptiveCard {
  return card([
    text("📨 Your forwardable note", { size: "Medium", weight: "Bolder" }),
    text("Send it to the person you asked, so they can forward it to the one you want to meet and ask whether they'd like the introduction. Fill in anything in [brackets] first.", { isSubtle: true }),
    { type: "Container", style: "emphasis", items: [text(note, { fontType: "Monospace" })] },
    text("It uses only what your draft says.", { isSubtle: true, size: "Small" }),
  ]);
}

function askLine(ask: Ask): string {
  const to = ask.reader.name ?? ask.reader.userId ?? "someone";
  const via = ask.thirdPerson ? ` (introduction to ${ask.thirdPerson})` : "";
  return `**#${ask.id}** · ${KIND_LABEL[ask.kind]} to ${to}${via}, sent ${ask.sentAt.toISOString().slice(0, 10)}`;
}

function askActions(ask: Ask, owner: Owner): unknown[] {
  const id = { askId: ask.id };
  return [
    ...(ask.state === "pending" ? [submit("I followed up", owner, "followed-up", id)] : []),
    submit("They replied", owner, "replied", id),
    submit("Close", owner, "close", id),
  ];
}

/** `list`: the user's open asks, each with its actions. */
export function listCard(asks: readonly Ask[], owner: Owner, describe: (ask: Ask) => string): AdaptiveCard {
  if (asks.length === 0) return card([text("No open asks. When you send one, press *Track this ask* on its review and I'll remind you to follow up.")]);
  const body: unknown[] = [text(`Your open asks (${asks.length})`, { size: "Medium", weight: "Bolder" })];
  for (const ask of asks) {
    body.push({
      type: "Container",
      separator: true,
      items: [text(askLine(ask)), text(describe(ask), { isSubtle: true, spacing: "None", size: "Small" }), { type: "ActionSet", actions: askActions(ask, owner) }],
    });
  }
  return card(body);
}

/** A reminder, sent proactively in the 1:1 chat: the message, the drafted follow-up, and the actions. */
export function reminderCard(reminder: DueReminder): AdaptiveCard {
  const body: unknown[] = [text("⏰ Reminder", { size: "Medium", weight: "Bolder" }), text(askLine(reminder.ask), { isSubtle: true, spacing: "None" }), text(reminder.message)];
  if (reminder.draftedFollowUp) {
    body.push(text("A follow-up you could send", { weight: "Bolder", spacing: "Medium" }));
    body.push({ type: "Container", style: "emphasis", items: [text(reminder.draftedFollowUp)] });
  }
  return card(body, askActions(reminder.ask, reminder.ask.owner));
}

/** What a card turns into once its action is done, so it cannot be pressed twice. */
export function doneCard(message: string): AdaptiveCard {
  return card([text(message)]);
}

export const HELP_TEXT = [
  "**Askwell** reviews networking asks before you send them: introduction requests, recommendation and endorsement asks, connection requests, first outreach and follow-ups.",
  "",
  "- Paste your draft (mention me in a channel or group chat; in our 1:1 chat just send it), or type `review-ask <draft>`.",
  "- Press **Track this ask** on a review once you've sent it: I'll remind you here when a follow-up is due.",
  "- `list` shows your open asks; `export` shows everything I store about you, `forget` deletes it; `help` shows this.",
  "- `policy` shows your team's house rules (admins can change them there); `insights` shows admins what the team learns this month.",
  "",
  "I only keep a fingerprint and a one-line summary of what you track, never your draft.",
].join("\n");

/** `forget`: what will be deleted, and the one button that deletes it (made for this user only). */
export function forgetCard(owner: Owner): AdaptiveCard {
  return card(
    [text("**Delete everything Askwell stores about you?**"), text("Every ask, reminder, setting and dismissal of yours is deleted for good. Type `export` first if you want a copy.", { isSubtle: true })],
    [submit("Delete everything about me", owner, "forget", {}, { style: "destructive" })],
  );
}
