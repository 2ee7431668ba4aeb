import { renderReminder } from "../render/plain-text";
import { parseStorageConfig } from "../config/storage";
import type { ReminderDelivery } from "../core/ports";
import { openLocalTracker } from "../tracker/local";
import { newRunnerId } from "../tracker/runner";
import { parseInstant } from "./asks-command";
import { parseCommandLine, type CliCommand, type CliIo } from "./io";

const HELP = `Usage:
  askwell reminders run [--now <ISO-8601>]

Delivers every reminder due at that instant (default: now) exactly once, printing each, then exits.
Cron-friendly; several runners may share one PostgreSQL database.`;

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
      // Reminders of every user are delivered here: the console prints them, whoever they belong to.
      const consoleDelivery: ReminderDelivery = {
        async deliver(reminder) {
          io.stdout.write(`[to ${reminder.ask.owner.platform}:${reminder.ask.owner.userId}] ${renderReminder(reminder, "askwell asks ")}\n\n`);
        },
      };
      // Chat platforms (plugged in by the entry point, see adapters/cli.ts) deliver to their users; the console prints the rest.
      const delivery = io.reminderDelivery ? await io.reminderDelivery(io.env, consoleDelivery, local) : consoleDelivery;
      const result = await local.tracker.runDueReminders(now, delivery, { runnerId: newRunnerId(), leaseMs: config.reminderLeaseMs });
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
