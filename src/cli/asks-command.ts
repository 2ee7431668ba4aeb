import { Option, type Command } from "commander";
import type { ReplyOutcome } from "../core/asks";
import { KINDS, type AskKind } from "../core/types";
import type { TrackerResult } from "../tracker/tracker-service";
import type { LocalTracker } from "../tracker/local";
import { EXIT, fail, printJson, readAll, type CommandContext } from "./io";
import { action, parseInstantOption, subcommand, type ProgramState } from "./program";

const LOCAL_USER_NOTE = `
The local user is ASKWELL_USER (default: your login name); the console chat uses the same one,
and the same database (DATABASE_URL, default sqlite:./data/askwell.db).`;

const TRACKABLE_KINDS = KINDS.filter((k) => k !== "other");

type Json = { json?: boolean };

/** Opens the local tracker for one command (storage loads only when a tracker command runs). */
async function withTracker(ctx: CommandContext, createIfMissing: boolean, use: (local: LocalTracker) => Promise<number>): Promise<number> {
  const { openCommandTracker } = await import("./local-store.js");
  const local = await openCommandTracker(ctx.io.env, { createIfMissing });
  try {
    return await use(local);
  } finally {
    await local.close();
  }
}

/** A tracker answer: the rendered value (or JSON) on stdout, a refusal as an error with its code. */
function report<T>(ctx: CommandContext, result: TrackerResult<T>, render: (value: T) => string, asJson: (value: T) => unknown = (v) => v): number {
  if (!result.ok) return fail(ctx, result.code, result.message, result.code === "storage_unavailable" ? EXIT.failed : EXIT.refused);
  if (ctx.json) return printJson(ctx, asJson(result.value));
  ctx.io.stdout.write(render(result.value) + "\n");
  return EXIT.ok;
}

async function add(ctx: CommandContext, options: Json & { to: string; intro?: string; at?: Date; kind?: AskKind }): Promise<number> {
  const to = options.to.trim();
  if (!to) return fail(ctx, "usage", "say who the ask went to with --to <reader>, e.g. --to \"Dana Lee\".");
  if (ctx.io.stdin.isTTY) return fail(ctx, "usage", "pipe the draft you sent on standard input, e.g. askwell asks add --to Dana < draft.txt");
  const draft = (await readAll(ctx.io.stdin)).trim();
  if (!draft) return fail(ctx, "draft_empty", "the draft on standard input is empty.");
  const { review } = await import("../core/review.js");
  const reviewed = review(draft);
  // --intro names the person to be introduced to: the ask is an intro request whatever the wording.
  const kind = options.kind ?? (options.intro?.trim() ? "intro_request" : reviewed.kind);
  if (kind === "other") return fail(ctx, "not_an_ask", "this draft doesn't read as a networking ask; pass --kind <kind> to track it anyway.");
  return withTracker(ctx, true, async ({ tracker, owner, team }) => {
    const sentAt = options.at ?? new Date();
    const result = await tracker.trackAsk(owner, { reader: to, thirdPerson: options.intro?.trim() || null, kind, draft, summary: reviewed.summary, sentAt, timeZone: null });
    // The connector notice (counts and dates only) goes to stderr: stdout carries just the ask's id.
    const notice = result.ok ? await team?.connectorNoticeFor(result.value, sentAt) : null;
    if (notice) ctx.io.stderr.write(`${notice}\n`);
    return report(ctx, result, (ask) => ask.id);
  });
}

async function list(ctx: CommandContext, options: Json & { all?: boolean }): Promise<number> {
  const { OPEN_STATES } = await import("../core/asks.js");
  const { renderAskLine } = await import("../render/plain-text.js");
  return withTracker(ctx, false, async ({ tracker, owner }) =>
    report(ctx, await tracker.listAsks(owner, options.all ? {} : { states: OPEN_STATES }), (asks) =>
      asks.length === 0 ? (options.all ? "No asks tracked." : "No open asks. (`askwell asks list --all` shows answered and closed ones.)") : asks.map(renderAskLine).join("\n"),
    ),
  );
}

async function show(ctx: CommandContext, id: string): Promise<number> {
  const { renderAsk } = await import("../render/plain-text.js");
  return withTracker(ctx, false, async ({ tracker, owner }) => {
    const found = await tracker.getAsk(owner, id);
    if (!found.ok || ctx.json) return report(ctx, found, () => "");
    const next = await tracker.nextReminderFor(found.value);
    return report(ctx, next, (reminder) => renderAsk(found.value, reminder));
  });
}

const TRANSITIONS: Array<{ name: string; summary: string; outcome: "followed-up" | "close" | ReplyOutcome }> = [
  { name: "followed-up", summary: "Record that you sent the one follow-up.", outcome: "followed-up" },
  { name: "replied", summary: "Record that they answered.", outcome: "replied" },
  { name: "introduced", summary: "Record that they made the introduction.", outcome: "introduced" },
  { name: "declined", summary: "Record that they said no.", outcome: "declined" },
  { name: "close", summary: "Stop tracking the ask (e.g. silence read as a gentle no).", outcome: "close" },
];

async function transition(ctx: CommandContext, outcome: (typeof TRANSITIONS)[number]["outcome"], id: string, at: Date): Promise<number> {
  const { renderAskLine } = await import("../render/plain-text.js");
  return withTracker(ctx, false, async ({ tracker, owner }) => {
    const result =
      outcome === "followed-up" ? await tracker.recordFollowUp(owner, id, at) : outcome === "close" ? await tracker.closeAsk(owner, id, at) : await tracker.recordReply(owner, id, outcome, at);
    return report(ctx, result, renderAskLine);
  });
}

async function forget(ctx: CommandContext, options: Json & { yes?: boolean }): Promise<number> {
  if (!options.yes) return fail(ctx, "confirmation_needed", "this deletes every ask, reminder and setting stored about you; add --yes to confirm.");
  const { renderForgotten } = await import("../render/plain-text.js");
  return withTracker(ctx, false, async ({ tracker, owner }) => report(ctx, await tracker.forgetUser(owner), renderForgotten));
}

const idArgument = ["<id>", "the ask's number, as `askwell asks list` shows it"] as const;
const atOption = () => new Option("--at <ISO-8601>", "when it happened (default: now)").argParser(parseInstantOption);
const jsonOption = () => new Option("--json", "print the result as JSON");

export function defineAsksCommand(program: Command, state: ProgramState): void {
  const asks = subcommand(program, "asks", "asks", state)
    .summary("track sent asks: add, list, show, followed-up, replied, introduced, declined, close, export, forget")
    .description("Tracks the asks you sent and coaches one gentle follow-up.")
    .addHelpText("after", LOCAL_USER_NOTE);

  subcommand(asks, "add", "asks add", state)
    .description("Record a draft you sent (on standard input) and schedule its follow-up reminder. Prints the ask's id.")
    .requiredOption("--to <reader>", "who you sent it to, e.g. \"Dana Lee\"")
    .option("--intro <name>", "for an introduction request: whom you asked to be introduced to")
    .addOption(new Option("--at <ISO-8601>", "when you sent it (default: now)").argParser(parseInstantOption))
    .addOption(new Option("--kind <kind>", "the kind of ask, when the review can't tell").choices(TRACKABLE_KINDS))
    .addOption(jsonOption())
    .addHelpText("after", '\nExample:\n  askwell asks add --to "Dana Lee" --intro "Sam Ortiz" < draft.txt')
    .action(action(state, "asks add", (ctx, _args, options: Json & { to: string; intro?: string; at?: Date; kind?: AskKind }) => add(ctx, options)));

  subcommand(asks, "list", "asks list", state)
    .description("Your open asks (--all: answered and closed ones too).")
    .option("--all", "include answered and closed asks")
    .addOption(jsonOption())
    .action(action(state, "asks list", (ctx, _args, options: Json & { all?: boolean }) => list(ctx, options)));

  subcommand(asks, "show", "asks show", state)
    .description("One ask and its next reminder.")
    .argument(...idArgument)
    .addOption(jsonOption())
    .action(action(state, "asks show", (ctx, args) => show(ctx, String(args[0]))));

  for (const t of TRANSITIONS) {
    subcommand(asks, t.name, `asks ${t.name}`, state)
      .description(t.summary)
      .argument(...idArgument)
      .addOption(atOption())
      .addOption(jsonOption())
      .action(action(state, `asks ${t.name}`, (ctx, args, options: Json & { at?: Date }) => transition(ctx, t.outcome, String(args[0]), options.at ?? new Date())));
  }

  subcommand(asks, "export", "asks export", state)
    .description("Everything stored about you, as JSON.")
    .action(action(state, "asks export", (ctx) => withTracker({ ...ctx, json: true }, false, async ({ tracker, owner }) => report({ ...ctx, json: true }, await tracker.exportUser(owner), () => ""))));

  subcommand(asks, "forget", "asks forget", state)
    .description("Delete every ask, reminder and setting stored about you (rows, not flags).")
    .option("--yes", "confirm the deletion")
    .addOption(jsonOption())
    .action(action(state, "asks forget", (ctx, _args, options: Json & { yes?: boolean }) => forget(ctx, options)));
}
