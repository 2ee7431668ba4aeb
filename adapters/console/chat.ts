/**
 * The console chat: a line-based conversation on stdin/stdout that behaves like the bot in a channel.
 * Lines are handled one at a time, in order, so piped sessions (`npm start < demo.txt`) are
 * deterministic; the chat resolves when the input ends.
 */
import { createInterface } from "node:readline";
import { OPEN_STATES, type ReplyOutcome } from "../../src/core/asks";
import type { Owner, ReminderDelivery } from "../../src/core/ports";
import type { ReviewResult } from "../../src/core/types";
import type { ReviewService } from "../../src/review-service";
import type { TrackerService } from "../../src/tracker/tracker-service";
import { newRunnerId } from "../../src/tracker/runner";
import { LOCAL_PLATFORMS, writeFlushed } from "../../src/cli/io";
import { forgetSummary, renderAsk, renderAskLine, renderReminder, renderReview, visibleControls } from "../../src/render/plain-text";

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
}

const PREFIX = "/review-ask";
const MAX_LINE = 20000;

const HELP = `Commands (prefix them with ${PREFIX}, or type them bare):
  ${PREFIX} <draft>                 review a draft ask
  track [reader] [--intro <name>]  record the last reviewed draft as sent (asks who it went to)
  list [all]                       your open asks (all: every ask)
  show N                           one ask and its next reminder
  followed-up N | replied N | introduced N | declined N | close N
  reminders [--now <ISO-8601>]     deliver the reminders due now, or at that instant
  export                           everything stored about you
  forget                           delete everything stored about you
  help`;

const SUBCOMMANDS = new Set(["help", "track", "list", "show", "followed-up", "replied", "introduced", "declined", "close", "reminders", "export", "forget"]);

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
    if (!lastReview) return say(`Review a draft first: ${PREFIX} <your draft>`);
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
      say(result.ok ? forgetSummary(result.value) : result.message);
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
      case "track": {
        if (!lastReview) return say(`Review a draft first: ${PREFIX} <your draft>`);
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
        return say(`${result.value.delivered} reminder${result.value.delivered === 1 ? "" : "s"} due at ${now.toISOString()}.`);
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
    say(renderReview(result) + (result.kind !== "other" ? `\nSent it? Type \`${PREFIX} track\` and I'll remind you to follow up once if there's no answer.` : ""));
  }

  async function handle(raw: string): Promise<void> {
    const line = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw;
    if (!options.interactive) output.write(line.trimStart().startsWith("#") ? `${visibleControls(line)}\n` : `> ${visibleControls(line)}\n`);
    if (raw.length > MAX_LINE) return say(`That's over ${MAX_LINE} characters; please send a shorter draft.`);
    if (await answerPending(line)) return;
    const text = line.trim();
    if (!text || text.startsWith("#")) return;
    const withoutPrefix = text.startsWith(PREFIX) ? text.slice(PREFIX.length).trim() : null;
    const body = withoutPrefix ?? text;
    const [word = "", ...restWords] = body.split(/\s+/);
    if (SUBCOMMANDS.has(word.toLowerCase())) return command(word.toLowerCase(), restWords.join(" "));
    if (withoutPrefix) return reviewDraft(withoutPrefix);
    if (withoutPrefix === "") return say(HELP);
    return say(`To review a draft, type ${PREFIX} followed by it. Type help for the commands.`);
  }

  const rl = createInterface({ input: options.input, terminal: false });
  const prompt = () => {
    if (options.interactive) output.write("you> ");
  };
  let queue: Promise<void> = Promise.resolve();
  say(`Hi! I coach networking asks. Type ${PREFIX} <your draft> to review one, or help.`);
  prompt();
  rl.on("line", (line) => {
    queue = queue
      .then(() => handle(line))
      .catch((error: unknown) => say(`Sorry, something went wrong there (${error instanceof Error ? error.message : "unknown error"}); nothing was lost, please try again.`))
      .then(prompt);
  });
  await new Promise<void>((resolve) => rl.once("close", resolve));
  await queue;
}
