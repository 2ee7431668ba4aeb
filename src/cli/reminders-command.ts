import { renderReminder } from "../render/plain-text";
import { parseStorageConfig } from "../config/storage";
import type { ReminderDelivery } from "../core/ports";
import { openLocalTracker } from "../tracker/local";
import { newRunnerId } from "../tracker/runner";
import { parseInstant } from "./asks-command";
import { LOCAL_PLATFORMS, parseCommandLine, writeFlushed, type CliCommand, type CliIo, type PlatformDelivery } from "./io";

const HELP = `Usage:
  askwell reminders run [--now <ISO-8601>]

Delivers every reminder due at that instant (default: now) exactly once, then exits: console and CLI
users' reminders are printed; Slack and Teams users' go to them only when that platform is configured
here, and are otherwise left for the chat server. Cron-friendly; several runners may share one database.`;

function fail(io: CliIo, message: string): number {
  io.stderr.write(`askwell reminders: ${message}\n`);
  return 2;
}

export const remindersCommand: CliCommand = {
  name: "reminders",
  summary: "deliver due follow-up reminders once and exit: run [--now <ISO-8601>]",
  async run(args, io) {
    const parsed = parseCommandLine("reminders", HELP, io, args, { now: { type: "string" } });
    if (!parsed) return 2;
    const [sub] = parsed.positionals;
    if (parsed.values.help || sub !== "run") {
      io.stdout.write(HELP + "\n");
      return parsed.values.help ? 0 : 2;
    }
    const now = parseInstant(parsed.values.now, new Date(), "--now");
    if (typeof now === "string") return fail(io, now);
    const config = parseStorageConfig(io.env);
    const local = await openLocalTracker(config);
    try {
      // Printed reminders count as delivered once the write is flushed, never while still buffered.
      const consoleDelivery: ReminderDelivery = {
        deliver: (reminder) => writeFlushed(io.stdout, `[to ${reminder.ask.owner.platform}:${reminder.ask.owner.userId}] ${renderReminder(reminder, "askwell asks ")}\n\n`),
      };
      // Chat platforms (plugged in by the entry point, see adapters/cli.ts) deliver to their users when configured.
      const { delivery, platforms }: PlatformDelivery = io.reminderDelivery
        ? await io.reminderDelivery(io.env, consoleDelivery, local)
        : { delivery: consoleDelivery, platforms: LOCAL_PLATFORMS };
      const result = await local.tracker.runDueReminders(now, delivery, { runnerId: newRunnerId(), leaseMs: config.reminderLeaseMs, platforms });
      if (!result.ok) {
        io.stderr.write(`askwell reminders: ${result.message}\n`);
        return 1;
      }
      const { delivered, failed } = result.value;
      io.stdout.write(`${delivered} reminder${delivered === 1 ? "" : "s"} delivered${failed ? `, ${failed} failed (will retry)` : ""}.\n`);
      return failed ? 1 : 0;
    } finally {
      await local.close();
    }
  },
};
