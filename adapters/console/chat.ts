/**
 * The console chat: a conversation on stdin/stdout that behaves like the bot in a channel. A line that
 * is not a command starts a draft, which may span lines and ends at an empty line, a closing ```, the
 * next command or the end of input. Lines are handled one at a time, in order, so piped sessions
 * (`npm start < demo.txt`) are deterministic; the chat resolves on `quit`/`exit` or when input ends.
 */
import { createInterface } from "node:readline";
import { OPEN_STATES, type ReplyOutcome } from "../../src/core/asks";
import type { Owner, ReminderDelivery } from "../../src/core/ports";
import type { ReviewResult } from "../../src/core/types";
import type { ReviewService } from "../../src/review-service";
import type { TrackerService } from "../../src/tracker/tracker-service";
import type { InsightsService } from "../../src/team/insights-service";
import { newRunnerId } from "../../src/tracker/runner";
import { LOCAL_PLATFORMS, writeFlushed } from "../../src/cli/io";
import { plural, renderAsk, renderAskLine, renderForgotten, renderReminder, renderReview, visibleControls } from "../../src/render/plain-text";

export interface ConsoleChatOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Show a prompt (a terminal); otherwise echo each input line so a piped transcript reads well. */
  interactive: boolean;
  tracker: TrackerService;
  reviews: ReviewService;
  owner: Owner;
  timeZone: string;
  leaseMs: number;
  clock?: () => Date;
  /** The local workspace's counters (`askwell insights`): each review's verdict and rule ids. */
  insights?: Pick<InsightsService, "countReview"> | null;
}

const PREFIX = "/review-ask";
/** Longest draft reviewed here; longer text is refused with a clear message rather than silently cut. */
const MAX_DRAFT = 20000;
const FENCE = /^\s*```\s*$/;

/** The commands a whole line must match (after an optional /review-ask); anything else is a draft. */
const COMMANDS: Array<{ name: string; args: RegExp; usage: string; summary: string }> = [
  { name: "track", args: /^[^.?!\n]{0,80}$/, usage: "track [reader] [--intro <name>]", summary: "record the last reviewed draft as sent (asks who it went to)" },
  { name: "list", args: /^(all)?$/i, usage: "list [all]", summary: "your open asks (all: every ask)" },
  { name: "show", args: /^(#?\d+)?$/, usage: "show N", summary: "one ask and its next reminder" },
  ...["followed-up", "replied", "introduced", "declined", "close"].map((name) => ({ name, args: /^(#?\d+)?(\s+--at\s+\S+)?$/, usage: `${name} N`, summary: "" })),
  { name: "reminders", args: /^(--now\s+\S+)?$/, usage: "reminders [--now <ISO-8601>]", summary: "deliver the reminders due now, or at that instant" },
  { name: "export", args: /^$/, usage: "export", summary: "everything stored about you" },
  { name: "forget", args: /^$/, usage: "forget", summary: "delete everything stored about you" },
  { name: "help", args: /^$/, usage: "help", summary: "this list" },
  { name: "quit", args: /^$/, usage: "quit (or exit)", summary: "leave the chat" },
  { name: "exit", args: /^$/, usage: "exit", summary: "" },
];

function helpText(): string {
  const rows: Array<[string, string]> = [
    ["<draft>", "review a draft: paste or type it, then an empty line (or wrap it in ``` lines)"],
    ...COMMANDS.filter((c) => c.summary).map((c): [string, string] => [c.usage, c.summary]),
  ];
  rows.splice(rows.findIndex(([usage]) => usage === "show N") + 1, 0, ["followed-up N | replied N", "log what happened to ask N (also introduced N, declined N, close N; --at <ISO-8601>)"]);
  const width = Math.max(...rows.map(([usage]) => usage.length));
  return [`Commands (type them bare, or after ${PREFIX}):`, ...rows.map(([usage, summary]) => `  ${usage.padEnd(width)}  ${summary}`)].join("\n");
}

const HELP = helpText();

/** The command a whole line names, or null when the line is (part of) a draft. */
function parseCommand(line: string): { name: string; args: string } | null {
  const [word = "", ...rest] = line.trim().split(/\s+/);
  const args = rest.join(" ");
  const command = COMMANDS.find((c) => c.name === word.toLowerCase());
  return command && command.args.test(args) ? { name: command.name, args } : null;
}

type Pending = { type: "reader"; intro: string | null } | { type: "intro"; reader: string } | { type: "forget" } | null;

/** Splits "name --flag value" into the plain words and the flags. */
function splitFlags(text: string): { rest: string; flags: Record<string, string> } {
  const flags: Record<string, string> = {};
  const rest = text.replace(/--(\w+)\s+((?:(?!--)\S+\s*)+)/g, (_m, name: string, value: string) => {
    flags[name] = value.trim();
    return "";
  });
  return { rest: rest.trim(), flags };
}

/** One bot message: "askwell> " and the text, continuation lines indented under it. */
export function botLine(text: string): string {
  return `askwell> ${visibleControls(text).replace(/\n/g, "\n         ")}\n`;
}

/** Reminders as bot messages; each counts as delivered once its write is flushed. */
export function consoleDelivery(output: NodeJS.WritableStream): ReminderDelivery {
  return { deliver: (reminder) => writeFlushed(output, botLine(renderReminder(reminder, `${PREFIX} `))) };
}

export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { tracker, reviews, owner, output } = options;
  const clock = options.clock ?? (() => new Date());
  const say = (text: string): void => {
    output.write(botLine(text));
  };
  const delivery = consoleDelivery(output);
  let lastReview: { draft: string; result: ReviewResult } | null = null;
  let pending: Pending = null;

  const instant = (value: string | undefined): Date | null => {
    if (value === undefined) return clock();
    const date = new Date(value);
    return /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(date.getTime()) ? date : null;
  };

  async function track(reader: string, intro: string | null): Promise<void> {
    if (!lastReview) return say("Review a draft first: paste it, then an empty line.");
    const { draft, result } = lastReview;
    if (result.kind === "other") return say("That last draft doesn't read as a networking ask, so there's nothing to follow up.");
    const tracked = await tracker.trackAsk(owner, { reader, thirdPerson: intro, kind: result.kind, draft, summary: result.summary, sentAt: clock(), timeZone: options.timeZone });
    if (!tracked.ok) return say(tracked.message);
    lastReview = null;
    const next = await tracker.nextReminderFor(tracked.value);
    const when = next.ok && next.value ? ` I'll check in on ${next.value.dueAt.toISOString().slice(0, 10)} if nothing's logged by then.` : "";
    say(`Tracked as ask #${tracked.value.id}: ${renderAskLine(tracked.value).replace(/^#\d+\s+/, "")}.${when}`);
  }

  async function answerPending(line: string): Promise<boolean> {
    const current = pending;
    if (!current) return false;
    pending = null;
    if (current.type === "forget") {
      if (line.trim().toLowerCase() !== "yes") return (say("Nothing deleted."), true);
      const result = await tracker.forgetUser(owner);
      say(result.ok ? renderForgotten(result.value) : result.message);
      return true;
    }
    if (current.type === "reader") {
      const reader = line.trim();
      if (!reader) return (say("Not tracked: I need to know who it went to."), true);
      if (lastReview?.result.kind === "intro_request" && current.intro === null) {
        pending = { type: "intro", reader };
        say("Who is the introduction to? (Enter to skip)");
        return true;
      }
      await track(reader, current.intro);
      return true;
    }
    await track(current.reader, line.trim() || null);
    return true;
  }

  async function command(name: string, argText: string): Promise<void> {
    const { rest, flags } = splitFlags(argText);
    switch (name) {
      case "help":
        return say(HELP);
      case "quit":
      case "exit":
        return quit();
      case "track": {
        if (!lastReview) return say("Review a draft first: paste it, then an empty line.");
        if (rest) {
          if (lastReview.result.kind === "intro_request" && !flags.intro) {
            pending = { type: "intro", reader: rest };
            return say("Who is the introduction to? (Enter to skip)");
          }
          return track(rest, flags.intro ?? null);
        }
        pending = { type: "reader", intro: flags.intro ?? null };
        return say("Who did you send it to? (a name, e.g. Dana Lee)");
      }
      case "list": {
        const result = await tracker.listAsks(owner, rest === "all" ? {} : { states: OPEN_STATES });
        if (!result.ok) return say(result.message);
        if (result.value.length === 0) return say(rest === "all" ? "No asks tracked yet." : "No open asks.");
        return say(result.value.map(renderAskLine).join("\n"));
      }
      case "show": {
        if (!rest) return say("Which ask? e.g. show 1");
        const found = await tracker.getAsk(owner, rest);
        if (!found.ok) return say(found.message);
        const next = await tracker.nextReminderFor(found.value);
        return say(renderAsk(found.value, next.ok ? next.value : null));
      }
      case "followed-up":
      case "replied":
      case "introduced":
      case "declined":
      case "close": {
        if (!rest) return say(`Which ask? e.g. ${name} 1`);
        const at = instant(flags.at);
        if (!at) return say("--at must be an ISO-8601 time such as 2030-01-10T10:00:00Z");
        const result =
          name === "followed-up" ? await tracker.recordFollowUp(owner, rest, at) : name === "close" ? await tracker.closeAsk(owner, rest, at) : await tracker.recordReply(owner, rest, name as ReplyOutcome, at);
        if (!result.ok) return say(result.message);
        const next = await tracker.nextReminderFor(result.value);
        const after = next.ok && next.value ? ` If there's no answer, I'll check in on ${next.value.dueAt.toISOString().slice(0, 10)}.` : "";
        return say(`Ask #${result.value.id} is now ${renderAskLine(result.value).split(": ").pop()}.${after}`);
      }
      case "reminders": {
        const now = instant(flags.now);
        if (!now) return say("--now must be an ISO-8601 time such as 2030-01-10T10:00:00Z");
        const result = await tracker.runDueReminders(now, delivery, { runnerId: newRunnerId(), leaseMs: options.leaseMs, platforms: LOCAL_PLATFORMS });
        if (!result.ok) return say(result.message);
        return say(`${plural(result.value.delivered, "reminder")} due at ${now.toISOString()}.`);
      }
      case "export": {
        const result = await tracker.exportUser(owner);
        return say(result.ok ? JSON.stringify(result.value, null, 2) : result.message);
      }
      case "forget":
        pending = { type: "forget" };
        return say("This deletes every ask, reminder and setting stored about you. Type yes to confirm.");
    }
  }

  async function reviewDraft(draft: string): Promise<void> {
    const owned = reviews.reviewNow(draft);
    let result = owned;
    if (owned.kind !== "other") {
      // History rules: the same ask already sent to many people in the last 14 days.
      const history = await tracker.historyForDraft(owner, draft, owned.kind, clock());
      if (history.ok && history.value.recipientsOfSameAskLast14Days > 0) result = reviews.reviewNow(draft, { history: history.value });
    }
    lastReview = { draft, result };
    await options.insights?.countReview({ platform: owner.platform, workspaceId: owner.workspaceId }, result, clock());
    const next =
      result.kind !== "other"
        ? "\nSent it? Type `track` and I'll remind you to follow up once if there's no answer."
        : "\nThat doesn't read as a networking ask. Paste the draft you plan to send, then an empty line; `help` lists the commands.";
    say(renderReview(result) + next);
  }

  /** The draft being typed or pasted, line by line; `fenced` when it opened with ```. */
  let collecting: { fenced: boolean; lines: string[] } | null = null;
  let ended = false;

  async function finishDraft(): Promise<void> {
    const current = collecting;
    collecting = null;
    if (!current) return;
    const draft = current.lines.join("\n").trim();
    if (!draft) return say("That draft is empty. Paste the message you plan to send, then an empty line.");
    if (draft.length > MAX_DRAFT) return say(`That's ${draft.length.toLocaleString("en")} characters; please send a draft under ${MAX_DRAFT.toLocaleString("en")}.`);
    await reviewDraft(draft);
  }

  function startDraft(text: string): Promise<void> | void {
    const opened = /^```(.*)$/s.exec(text);
    if (!opened) {
      collecting = { fenced: false, lines: [text] };
      return;
    }
    const inner = opened[1] ?? "";
    // ```a one-line draft```
    if (inner.trimEnd().endsWith("```") && inner.trim().length > 3) {
      collecting = { fenced: true, lines: [inner.trimEnd().slice(0, -3)] };
      return finishDraft();
    }
    collecting = { fenced: true, lines: inner.trim() ? [inner] : [] };
  }

  function quit(): void {
    ended = true;
    say("Bye! Your tracked asks stay saved; `npm start` brings me back.");
    rl.close();
  }

  async function handle(raw: string): Promise<void> {
    if (ended) return;
    if (!options.interactive) output.write(raw.trimStart().startsWith("#") && !collecting?.fenced ? `${visibleControls(raw)}\n` : `> ${visibleControls(raw)}\n`);
    if (raw.length > MAX_DRAFT) {
      collecting = null;
      return say(`That's over ${MAX_DRAFT.toLocaleString("en")} characters; please send a shorter draft.`);
    }
    if (collecting?.fenced) {
      if (FENCE.test(raw)) return finishDraft();
      collecting.lines.push(raw);
      return;
    }
    const text = raw.trim();
    const prefixed = text.startsWith(PREFIX) && (text.length === PREFIX.length || /\s/.test(text[PREFIX.length]!));
    const body = prefixed ? text.slice(PREFIX.length).trim() : text;
    const asCommand = parseCommand(body);
    if (collecting) {
      // An empty line ends the draft; so does the next command (or narration in a piped session).
      const ends = !text || prefixed || asCommand !== null || (!options.interactive && text.startsWith("#"));
      if (!ends) {
        collecting.lines.push(raw);
        return;
      }
      await finishDraft();
      if (!text) return;
    }
    if (await answerPending(raw)) return;
    if (!text || text.startsWith("#")) return;
    if (asCommand) return command(asCommand.name, asCommand.args);
    if (prefixed && !body) return say(HELP);
    return startDraft(body);
  }

  const rl = createInterface({ input: options.input, terminal: false });
  const prompt = () => {
    if (options.interactive && !ended) output.write(collecting ? "  ...> " : "you> ");
  };
  let queue: Promise<void> = Promise.resolve();
  say("Hi! I coach networking asks. Paste a draft and finish with an empty line to get a review; `help` lists the commands, `quit` leaves.");
  prompt();
  rl.on("line", (line) => {
    queue = queue
      .then(() => handle(line))
      .catch((error: unknown) => say(`Sorry, something went wrong there (${error instanceof Error ? error.message : "unknown error"}); nothing was lost, please try again.`))
      .then(prompt);
  });
  await new Promise<void>((resolve) => rl.once("close", resolve));
  await queue;
  // The input ended in the middle of a draft: review what was there.
  if (!ended && collecting) await finishDraft().catch(() => undefined);
}
