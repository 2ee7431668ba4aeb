import { renderAsk, renderAskLine } from "../render/plain-text";
import { parseStorageConfig } from "../config/storage";
import type { ReplyOutcome } from "../core/asks";
import { OPEN_STATES } from "../core/asks";
import { review } from "../core/review";
import { KINDS, type AskKind } from "../core/types";
import { openLocalTracker, type LocalTracker } from "../tracker/local";
import type { TrackerResult } from "../tracker/tracker-service";
import { parseCommandLine, readAll, type CliCommand, type CliIo } from "./io";

const HELP = `Usage:
  askwell asks add --to <reader> [--intro <third person>] [--at <ISO-8601>] [--kind <kind>] < draft
  askwell asks list [--all] [--json]
  askwell asks show <id> [--json]
  askwell asks followed-up|replied|introduced|declined|close <id> [--at <ISO-8601>]
  askwell asks export                everything stored about you, as JSON
  askwell asks forget --yes          delete everything stored about you

The local user is ASKWELL_USER (default: your login name); the console chat uses the same one.`;

/** Parses --at/--now; a bad value is a clear message, not a crash. */
export function parseInstant(value: string | undefined, fallback: Date, flag: string): Date | string {
  if (value === undefined) return fallback;
  const date = new Date(value);
  return /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(date.getTime()) ? date : `${flag} must be an ISO-8601 time such as 2030-01-10T10:00:00Z`;
}

function fail(io: CliIo, message: string, code = 2): number {
  io.stderr.write(`askwell asks: ${message}\n`);
  return code;
}

function report<T>(io: CliIo, result: TrackerResult<T>, onOk: (value: T) => string): number {
  if (!result.ok) return fail(io, result.message, result.code === "storage_unavailable" ? 1 : 3);
  io.stdout.write(onOk(result.value) + "\n");
  return 0;
}

const TRANSITIONS = ["followed-up", "replied", "introduced", "declined", "close"] as const;

async function run(sub: string, positionals: string[], values: Record<string, string | boolean | undefined>, io: CliIo, local: LocalTracker): Promise<number> {
  const { tracker, owner } = local;
  const now = new Date();
  const at = parseInstant(values.at as string | undefined, now, "--at");
  if (typeof at === "string") return fail(io, at);

  if (sub === "add") {
    const to = (values.to as string | undefined)?.trim();
    if (!to) return fail(io, "say who the ask went to with --to <reader>");
    if (io.stdin.isTTY) return fail(io, "pipe the draft you sent on standard input, e.g. `askwell asks add --to Dana < draft.txt`");
    const draft = (await readAll(io.stdin)).trim();
    if (!draft) return fail(io, "the draft on standard input is empty");
    const reviewed = review(draft);
    const kindFlag = values.kind as string | undefined;
    if (kindFlag !== undefined && (!(KINDS as readonly string[]).includes(kindFlag) || kindFlag === "other")) return fail(io, `--kind must be one of ${KINDS.filter((k) => k !== "other").join(", ")}`);
    // --intro names the person to be introduced to: the ask is an intro request whatever the wording.
    const kind = (kindFlag ?? (values.intro ? "intro_request" : reviewed.kind)) as AskKind | "other";
    if (kind === "other") return fail(io, "this draft doesn't read as a networking ask; pass --kind <kind> to track it anyway");
    const result = await tracker.trackAsk(owner, { reader: to, thirdPerson: (values.intro as string | undefined) ?? null, kind, draft, summary: reviewed.summary, sentAt: at, timeZone: null });
    const notice = result.ok ? await local.team?.connectorNoticeFor(result.value, at) : null;
    if (notice) io.stderr.write(`${notice}\n`);
    return report(io, result, (ask) => ask.id);
  }
  if (sub === "list") {
    const result = await tracker.listAsks(owner, values.all ? {} : { states: OPEN_STATES });
    return report(io, result, (asks) => (values.json ? JSON.stringify(asks, null, 2) : asks.length === 0 ? (values.all ? "No asks tracked." : "No open asks.") : asks.map(renderAskLine).join("\n")));
  }
  if (sub === "export") return report(io, await tracker.exportUser(owner), (data) => JSON.stringify(data, null, 2));
  if (sub === "forget") {
    if (!values.yes) return fail(io, "this deletes every ask, reminder and setting stored about you; add --yes to confirm");
    return report(io, await tracker.forgetUser(owner), (c) => `Deleted ${c.asks} asks, ${c.reminders} reminders, ${c.settings} settings and ${c.dismissals} dismissals.`);
  }

  const id = positionals[0];
  if (!id) return fail(io, `give the ask's id: askwell asks ${sub} <id>`);
  if (sub === "show") {
    const found = await tracker.getAsk(owner, id);
    if (!found.ok || values.json) return report(io, found, (ask) => JSON.stringify(ask, null, 2));
    const next = await tracker.nextReminderFor(found.value);
    return report(io, next, (reminder) => renderAsk(found.value, reminder));
  }
  if ((TRANSITIONS as readonly string[]).includes(sub)) {
    const result =
      sub === "followed-up" ? await tracker.recordFollowUp(owner, id, at) : sub === "close" ? await tracker.closeAsk(owner, id, at) : await tracker.recordReply(owner, id, sub as ReplyOutcome, at);
    return report(io, result, renderAskLine);
  }
  return fail(io, `unknown subcommand "${sub}".\n\n${HELP}`);
}

export const asksCommand: CliCommand = {
  name: "asks",
  summary: "track sent asks: add, list, show, followed-up, replied, close, export, forget",
  async run(args, io) {
    const parsed = parseCommandLine("asks", HELP, io, args, {
      to: { type: "string" },
      intro: { type: "string" },
      at: { type: "string" },
      kind: { type: "string" },
      all: { type: "boolean" },
      json: { type: "boolean" },
      yes: { type: "boolean" },
    });
    if (!parsed) return 2;
    const [sub, ...rest] = parsed.positionals;
    if (!sub || parsed.values.help) {
      io.stdout.write(HELP + "\n");
      return sub || parsed.values.help ? 0 : 2;
    }
    const local = await openLocalTracker(parseStorageConfig(io.env));
    try {
      return await run(sub, rest, parsed.values, io, local);
    } finally {
      await local.close();
    }
  },
};
