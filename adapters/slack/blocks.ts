/**
 * Core results → Block Kit. Pure functions: no Slack calls, no clock (dates come in), no coaching
 * logic — only layout. Slack's limits shape the truncation: 3,000 characters in a section text,
 * 50 blocks in a message, 100 in a view, 2,000 in a button value.
 */
import type { types } from "@slack/bolt";
import type { Ask } from "../../src/core/ports";
import type { DueReminder } from "../../src/core/ports";
import type { ChecklistItem, Finding, Kind, ReviewResult, Severity, Verdict } from "../../src/core/types";
import { describeState } from "../../src/core/asks";
import { reviewSourceLine } from "../../src/render/review-source";
import { HOUSE_RULES_HEADING, houseNoteLines } from "../../src/render/house-notes";
import { ACTIONS, VIEWS, carriable, encode, type ModalMetadata } from "./payloads";

export type Block = types.KnownBlock;
export type View = types.View;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Whose review this is: goes into every button so a click is checked against the clicking user. */
export interface Viewer {
  userId: string;
  teamId: string;
}

const SECTION_LIMIT = 3000;
const HOME_BLOCK_LIMIT = 100;
const MAX_FINDINGS = 12;
const MAX_ASK_ROWS = 12;

const VERDICTS: Record<Verdict, { icon: string; label: string }> = {
  ready: { icon: ":large_green_circle:", label: "Ready to send" },
  revise: { icon: ":large_yellow_circle:", label: "Revise before sending" },
  "dont-send": { icon: ":red_circle:", label: "Don't send this as is" },
  "not-an-ask": { icon: ":white_circle:", label: "This doesn't read as a networking ask" },
};

const SEVERITIES: Record<Severity, string> = { blocker: ":no_entry: Blocker", warn: ":warning: Revise", tip: ":bulb: Tip" };

const KIND_WORDS: Record<Kind, string> = {
  intro_request: "intro request",
  recommendation_ask: "recommendation ask",
  endorsement_ask: "endorsement ask",
  connection_request: "connection request",
  outreach: "outreach",
  follow_up: "follow-up",
  other: "not an ask",
};

export function kindWords(kind: Kind): string {
  return KIND_WORDS[kind];
}

/** Slack's mrkdwn needs &, < and > escaped in text we did not write. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: "mrkdwn", text: truncate(text, SECTION_LIMIT) });
const plain = (text: string, max = 75): types.PlainTextElement => ({ type: "plain_text", text: truncate(text, max), emoji: true });
const section = (text: string): types.SectionBlock => ({ type: "section", text: mrkdwn(text) });
const context = (text: string): types.ContextBlock => ({ type: "context", elements: [mrkdwn(text)] });
const button = (text: string, actionId: string, value: string, style?: "primary" | "danger"): types.Button => ({
  type: "button",
  text: plain(text),
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});

export function verdictLine(result: ReviewResult): string {
  const v = VERDICTS[result.verdict];
  const detail = result.verdict === "not-an-ask" ? "" : ` · ${kindWords(result.kind)} · score ${result.score}/100`;
  return `${v.icon} *${v.label}*${detail}`;
}

/** The words a finding points at, quoted under it, unless its message already quotes them. */
function quoted(finding: Finding, draft: string | null): string {
  if (draft === null || finding.start === null || finding.end === null || finding.end <= finding.start) return "";
  const words = draft.slice(finding.start, finding.end).replace(/\s+/g, " ").trim();
  if (words === "" || finding.message.includes(words)) return "";
  return `\n>${escapeText(truncate(words, 200))}`;
}

function findingText(finding: Finding, draft: string | null): string {
  return `*${SEVERITIES[finding.severity]} — ${escapeText(finding.message)}*${quoted(finding, draft)}\n${escapeText(finding.why)}`;
}

function checklistText(items: ChecklistItem[]): string {
  return items.map((item) => `${item.present ? ":white_check_mark:" : ":x:"} ${escapeText(item.question)}`).join("\n");
}

/** Where the team's house rules changed the advice: one context block, so the sender knows why. */
function houseBlocks(result: ReviewResult): Block[] {
  const lines = houseNoteLines(result);
  if (lines.length === 0) return [];
  return [context(`:house: *${HOUSE_RULES_HEADING}* (set by your team)\n${lines.map((l) => `• ${escapeText(l)}`).join("\n")}`)];
}

/** A code block is the easy-to-copy form: Slack shows a copy affordance and keeps line breaks. */
function rewriteBlocks(result: ReviewResult): Block[] {
  if (!result.rewrite) return [];
  const source = result.rewriteSource === "model" ? "suggested rewrite (AI-assisted, checked against the rules)" : "suggested rewrite";
  return [section(`*${source[0]!.toUpperCase()}${source.slice(1)}* — fill in the [brackets], then copy:`), section("```" + truncate(escapeText(result.rewrite), SECTION_LIMIT - 6) + "```")];
}

export interface ReviewRenderOptions {
  viewer: Viewer;
  /** The reviewed text: quoted next to findings and carried by the buttons when small enough. */
  draft: string | null;
  /** false inside a modal, where the result is read-only. */
  interactive?: boolean;
  note?: string;
}

/** The full review, shown only to its author (ephemeral message or modal). */
export function reviewMessage(result: ReviewResult, options: ReviewRenderOptions): SlackMessage {
  const interactive = options.interactive ?? true;
  const owned = { u: options.viewer.userId, t: options.viewer.teamId };
  if (result.notice?.code === "unsupported-language") return { text: `Askwell: ${result.notice.message}`, blocks: [section(escapeText(result.notice.message))] };
  const blocks: Block[] = [section(verdictLine(result))];
  if (result.notice) blocks.push(context(escapeText(result.notice.message)));
  const source = reviewSourceLine(result);
  if (source) blocks.push(context(`:robot_face: ${escapeText(source)}`));
  if (result.verdict === "not-an-ask") {
    blocks.push(context("Askwell reviews networking asks: intro requests, recommendation and endorsement asks, connection requests, first outreach and follow-ups. Paste the message you plan to send."));
  }
  const shown = result.findings.slice(0, MAX_FINDINGS);
  shown.forEach((finding, index) => {
    const block: types.SectionBlock = { type: "section", block_id: `finding_${index}`, text: mrkdwn(findingText(finding, options.draft)) };
    if (interactive) block.accessory = button("Not applicable", `${ACTIONS.dismiss}_${index}`, encode({ ...owned, r: finding.rule }));
    blocks.push(block);
  });
  if (result.findings.length > shown.length) blocks.push(context(`…and ${result.findings.length - shown.length} more.`));
  blocks.push(...houseBlocks(result));
  if (result.checklist.length > 0) blocks.push({ type: "divider" }, section(`*Checklist*\n${checklistText(result.checklist)}`));
  blocks.push(...rewriteBlocks(result));
  if (options.note) blocks.push(context(escapeText(options.note)));
  if (interactive) {
    const elements: types.Button[] = [];
    const draft = carriable(options.draft);
    if (result.kind !== "other") elements.push(button("Track this ask", ACTIONS.track, encode({ ...owned, d: draft, i: result.kind === "intro_request" }), "primary"));
    if (result.kind === "intro_request" && draft) elements.push(button("Copy forwardable note", ACTIONS.forwardable, encode({ ...owned, d: draft })));
    const rewrite = carriable(result.rewrite);
    elements.push(button("Review my edit", ACTIONS.reviewEdit, encode({ ...owned, ...(rewrite ? { d: rewrite, w: 1 } : { d: draft }) })));
    blocks.push({ type: "actions", block_id: "review_actions", elements });
    if (result.kind === "intro_request" && !draft) blocks.push(context(FORWARDABLE_NEEDS_SHORTER_DRAFT));
  }
  return { text: `Askwell: ${VERDICTS[result.verdict].label} (${result.findings.length} finding${result.findings.length === 1 ? "" : "s"})`, blocks };
}

const FORWARDABLE_NEEDS_SHORTER_DRAFT = "A forwardable note for the person you want to meet needs a shorter draft: trim it to the ask and review it again.";

/** The note for the double opt-in, for the clicking user only: in a code block, easy to copy. */
export function forwardableMessage(note: string): SlackMessage {
  return {
    text: "Your forwardable note",
    blocks: [
      section("*Forwardable note* — send it to the person you asked, so they can forward it to the one you want to meet and ask whether they'd like the introduction. Fill in the [brackets], then copy:"),
      section("```" + truncate(escapeText(note), SECTION_LIMIT - 6) + "```"),
      context("Only you can see this. It uses only what your draft says; anything in [brackets] is yours to fill in."),
    ],
  };
}

/** The short public answer in a channel thread: verdict, top findings, rewrite, and a private full view. */
export function publicReviewMessage(result: ReviewResult, pointer: { viewer: Viewer; channel: string; root: string; ts: string }): SlackMessage {
  const blocks: Block[] = [section(`${verdictLine(result)} — review for <@${pointer.viewer.userId}>`)];
  const top = result.findings.slice(0, 3).map((f) => `• ${SEVERITIES[f.severity]}: ${escapeText(f.message)}`);
  if (top.length > 0) blocks.push(section(top.join("\n") + (result.findings.length > 3 ? `\n_…and ${result.findings.length - 3} more_` : "")));
  blocks.push(...houseBlocks(result));
  blocks.push(...rewriteBlocks(result));
  blocks.push({
    type: "actions",
    block_id: "public_actions",
    elements: [button("See the full review (only you)", ACTIONS.fullReview, encode({ u: pointer.viewer.userId, t: pointer.viewer.teamId, c: pointer.channel, root: pointer.root, ts: pointer.ts }))],
  });
  return { text: `Askwell: ${VERDICTS[result.verdict].label}`, blocks };
}

export const HELP_TEXT = [
  "*Askwell* reviews a networking ask before you send it — intro requests, recommendation asks, connection requests, first outreach, follow-ups.",
  "• `/review-ask <your draft>` — a private review: verdict, what to fix and why, a rewrite to copy.",
  "• `/review-ask list` — your tracked asks, with buttons to log a follow-up, a reply, or close one.",
  "• `/review-ask export` shows everything Askwell stores about you; `/review-ask forget` deletes it.",
  "• `/review-ask track` — record an ask you sent, so Askwell can remind you to follow up once.",
  "• A direct message to Askwell (its Messages tab) is reviewed the same way; `help` and `list` work there too.",
  "• `@Askwell <draft>` in a channel answers in a thread; `@Askwell` alone in a thread reviews its first message.",
  "• *Review this ask* in a message's ⋯ menu reviews any message.",
  "Click *Track this ask* after sending: Askwell reminds you by DM when a follow-up is due.",
].join("\n");

export function helpMessage(): SlackMessage {
  return { text: "How to use Askwell", blocks: [section(HELP_TEXT)] };
}

export function noticeMessage(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}

function dateWords(date: Date, timeZone: string | null): string {
  return date.toLocaleString("en-US", { timeZone: timeZone ?? "UTC", weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" });
}

function readerWords(ask: Ask): string {
  const reader = ask.reader.userId ? `<@${ask.reader.userId}>` : escapeText(ask.reader.name ?? "someone");
  return ask.thirdPerson ? `${reader} (intro to ${escapeText(ask.thirdPerson)})` : reader;
}

export interface AskRow {
  ask: Ask;
  nextReminder: { dueAt: Date; type: string } | null;
}

function askRowBlocks(row: AskRow, viewer: Viewer): Block[] {
  const { ask } = row;
  const owned = { u: viewer.userId, t: viewer.teamId, a: ask.id };
  const next = row.nextReminder ? `next reminder ${dateWords(row.nextReminder.dueAt, ask.timeZone)}` : "no reminder scheduled";
  const lines = [`*#${ask.id} · ${kindWords(ask.kind)}* to ${readerWords(ask)}`, `${describeState(ask.state)} · sent ${dateWords(ask.sentAt, ask.timeZone)} · ${next}`];
  const elements: types.Button[] = [];
  if (ask.state === "pending") elements.push(button("I followed up", ACTIONS.followedUp, encode(owned)));
  elements.push(button("They replied", ACTIONS.replied, encode(owned), "primary"), button("Close", ACTIONS.close, encode(owned)));
  return [section(lines.join("\n")), { type: "actions", block_id: `ask_${ask.id}`, elements }];
}

export function askListMessage(rows: AskRow[], viewer: Viewer): SlackMessage {
  if (rows.length === 0) return noticeMessage("You have no pending asks. After sending one, click *Track this ask* under its review.");
  const blocks: Block[] = [section(`*Your pending asks (${rows.length})*`)];
  for (const row of rows.slice(0, MAX_ASK_ROWS)) blocks.push(...askRowBlocks(row, viewer));
  if (rows.length > MAX_ASK_ROWS) blocks.push(context(`…and ${rows.length - MAX_ASK_ROWS} older ones.`));
  return { text: `Your pending asks (${rows.length})`, blocks };
}

/** App Home: the user's pending asks; `admin` blocks (house rules) come first for admins. */
export function homeView(rows: AskRow[], viewer: Viewer, notice?: string, admin: Block[] = []): View {
  const blocks: Block[] = [...admin, { type: "header", text: plain("Your pending asks", 150) }];
  if (notice) blocks.push(context(`:information_source: ${escapeText(notice)}`));
  if (rows.length === 0) blocks.push(section("Nothing pending. Review a draft with `/review-ask`, then *Track this ask* after you send it."));
  // A view holds 100 blocks: the admin sections, the header, the notice, the foot (3) and a "more" line leave room for this many asks (3 blocks each).
  const room = Math.max(0, Math.floor((HOME_BLOCK_LIMIT - admin.length - 6) / 3));
  for (const row of rows.slice(0, room)) blocks.push(...askRowBlocks(row, viewer), { type: "divider" });
  if (rows.length > room) blocks.push(context(`…and ${rows.length - room} more: \`/review-ask list\` shows them.`));
  blocks.push(context(HELP_TEXT.split("\n")[1]!));
  blocks.push(yourDataActions(viewer));
  return { type: "home", blocks };
}

const FORGET_WARNING = "This deletes every ask, reminder, setting and dismissal Askwell stores about you, for good.";

/** "See my data" and "Delete my data", at the foot of App Home; each button is for this viewer only. */
function yourDataActions(viewer: Viewer): Block {
  const owned = encode({ u: viewer.userId, t: viewer.teamId });
  return {
    type: "actions",
    block_id: "your_data",
    elements: [
      button("See my data", ACTIONS.exportMe, owned),
      {
        ...button("Delete my data", ACTIONS.forgetMe, owned, "danger"),
        confirm: { title: plain("Delete your data?"), text: mrkdwn(FORGET_WARNING), confirm: plain("Delete"), deny: plain("Keep it"), style: "danger" },
      },
    ],
  };
}

/** Everything stored about the viewer, in a modal (App Home has no thread to answer in). */
export function yourDataModal(parts: string[], more: boolean): View {
  const blocks: Block[] = [section("Everything Askwell stores about you (only you can see this):"), ...parts.map((part) => section("```" + part + "```"))];
  if (more) blocks.push(context("There is more: `/review-ask export` shows all of it."));
  return { type: "modal", title: plain("Your data", 24), close: plain("Close"), blocks };
}

export function reminderMessage(reminder: DueReminder, viewer: Viewer): SlackMessage {
  const { ask } = reminder;
  const blocks: Block[] = [section(`:alarm_clock: ${escapeText(reminder.message)}`), context(`#${ask.id} · ${kindWords(ask.kind)} to ${readerWords(ask)} · sent ${dateWords(ask.sentAt, ask.timeZone)}`)];
  if (reminder.draftedFollowUp) blocks.push(section("*A follow-up you could send* — copy and adjust:"), section("```" + truncate(escapeText(reminder.draftedFollowUp), SECTION_LIMIT - 6) + "```"));
  const row = askRowBlocks({ ask, nextReminder: null }, viewer)[1]!;
  blocks.push(row);
  return { text: reminder.message, blocks };
}

/** After a button changed an ask: a one-line confirmation. */
export function askChangedMessage(ask: Ask, did: string): SlackMessage {
  return noticeMessage(`:white_check_mark: ${did} — #${ask.id} to ${readerWords(ask)} is now ${describeState(ask.state)}.`);
}

export function trackModal(metadata: ModalMetadata, options: { draft?: string; intro: boolean }): View {
  const blocks: Block[] = [
    { type: "input", block_id: "reader_user", optional: true, label: plain("Who did you send it to?"), element: { type: "users_select", action_id: "value", placeholder: plain("Pick a person in this workspace") } },
    { type: "input", block_id: "reader_name", optional: true, label: plain("…or their name"), hint: plain("For someone outside Slack, e.g. Dana Reyes at Acme", 150), element: { type: "plain_text_input", action_id: "value", max_length: 200 } },
  ];
  if (options.intro) {
    blocks.push({ type: "input", block_id: "third_person", optional: true, label: plain("Who should they introduce you to?"), element: { type: "plain_text_input", action_id: "value", max_length: 200 } });
  }
  blocks.push({
    type: "input",
    block_id: "draft",
    label: plain("The message as you sent it"),
    element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 3000, ...(options.draft ? { initial_value: options.draft } : {}) },
  });
  return { type: "modal", callback_id: VIEWS.track, private_metadata: encode(metadata), title: plain("Track this ask", 24), submit: plain("Track"), close: plain("Cancel"), blocks };
}

export function reviewEditModal(metadata: ModalMetadata, draft: string | undefined): View {
  return {
    type: "modal",
    callback_id: VIEWS.reviewEdit,
    private_metadata: encode(metadata),
    title: plain("Review my edit", 24),
    submit: plain("Review"),
    close: plain("Close"),
    blocks: [
      {
        type: "input",
        block_id: "draft",
        label: plain("Your edited draft"),
        hint: plain("Replace the [brackets] with your own facts, then submit to review it again.", 150),
        element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 3000, ...(draft ? { initial_value: draft } : {}) },
      },
    ],
  };
}

/** The review shown inside the modal after "Review my edit" is submitted. */
export function reviewResultModal(message: SlackMessage): View {
  return { type: "modal", callback_id: "review_result_modal", title: plain("Review", 24), close: plain("Done"), blocks: message.blocks.slice(0, 100) };
}

export function noticeModal(title: string, text: string): View {
  return { type: "modal", title: plain(title, 24), close: plain("Done"), blocks: [section(text)] };
}
