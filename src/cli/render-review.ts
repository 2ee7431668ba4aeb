import type { ReviewResult, Verdict } from "../core/types";
import { KIND_WORDS } from "../core/review";
import { reviewSourceLine } from "../render/review-source";
import { visibleControls } from "../render/plain-text";
import { HOUSE_RULES_HEADING, houseNoteLines } from "../render/house-notes";

const KIND_LABEL: Record<string, string> = { ...KIND_WORDS, other: "not a networking ask" };

const VERDICT_LABEL: Record<Verdict, string> = {
  ready: "Ready to send",
  revise: "Revise before sending",
  "dont-send": "Don't send this as is",
  "not-an-ask": "Nothing to coach here",
};

const SEVERITY_LABEL = { blocker: "BLOCKER", warn: "revise", tip: "tip" } as const;

/** A review for a person reading a terminal; colour only when asked (a TTY). */
export function renderReviewText(result: ReviewResult, options: { color: boolean }): string {
  const paint = (code: string, s: string) => (options.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const verdictColour = { ready: "32", revise: "33", "dont-send": "31", "not-an-ask": "36" }[result.verdict];
  if (result.notice?.code === "unsupported-language") return [paint("1;36", "Not reviewed"), "", result.notice.message].join("\n");
  const lines: string[] = [];
  lines.push(`${paint(`1;${verdictColour}`, VERDICT_LABEL[result.verdict])} — ${KIND_LABEL[result.kind] ?? result.kind}, score ${result.score}/100`);
  const source = reviewSourceLine(result);
  if (source) lines.push(paint("2", source));
  if (result.kind === "other") {
    lines.push("", "This doesn't read as a request for an introduction, recommendation or connection, so there is nothing to coach.");
    return lines.join("\n");
  }
  if (result.notice) lines.push("", paint("36", result.notice.message));
  if (result.findings.length) {
    lines.push("");
    for (const f of result.findings) {
      const sev = f.severity === "blocker" ? paint("1;31", SEVERITY_LABEL.blocker) : f.severity === "warn" ? paint("33", SEVERITY_LABEL.warn) : paint("36", SEVERITY_LABEL.tip);
      lines.push(`  ${sev.padEnd(options.color ? 16 : 7)} ${visibleControls(f.message)}`);
      lines.push(`  ${" ".repeat(7)} ${paint("2", `why: ${visibleControls(f.why)}`)}`);
    }
  }
  const house = houseNoteLines(result);
  if (house.length) lines.push("", `${paint("1", HOUSE_RULES_HEADING)} (set by your team):`, ...house.map((l) => `  ${visibleControls(l)}`));
  lines.push("", "Checklist:");
  for (const item of result.checklist) lines.push(`  ${item.present ? paint("32", "[x]") : paint("2", "[ ]")} ${item.question}`);
  if (result.rewrite) {
    lines.push("", paint("1", "Suggested rewrite") + " (fill in anything in [brackets]):", "");
    lines.push(...visibleControls(result.rewrite).split("\n").map((l) => `  ${l}`));
  } else if (result.findings.some((f) => f.rule === "repeat-follow-up")) {
    lines.push("", "No rewrite: you've already followed up once, so the kindest next step is to let it go.");
  }
  return lines.join("\n");
}

/** `--forwardable`: the note for the double opt-in, or why there is none. */
export function renderForwardableText(result: ReviewResult, note: string | null, options: { color: boolean }): string {
  const paint = (code: string, s: string) => (options.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  if (note === null) {
    if (result.kind === "other") return "No forwardable note: this doesn't read as a networking ask.";
    return `No forwardable note: this reads as ${KIND_LABEL[result.kind] ?? result.kind}, and the note is for introduction requests.`;
  }
  return [
    paint("1", "Forwardable note") + " — send it to the person you asked, to forward to the one you want to meet (fill in anything in [brackets]):",
    "",
    ...visibleControls(note).split("\n").map((l) => `  ${l}`),
  ].join("\n");
}
