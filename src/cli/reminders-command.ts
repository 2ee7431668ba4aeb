import { Option, type Command } from "commander";
import type { ReminderDelivery } from "../core/ports";
import { EXIT, fail, LOCAL_PLATFORMS, writeFlushed, type CommandContext, type PlatformDelivery } from "./io";
import { action, parseInstantOption, subcommand, type ProgramState } from "./program";

async function run(ctx: CommandContext, now: Date): Promise<number> {
  const { io } = ctx;
  const { renderReminder, plural } = await import("../render/plain-text.js");
  const { newRunnerId } = await import("../tracker/runner.js");
  const { openCommandTracker } = await import("./local-store.js");
  const local = await openCommandTracker(io.env, { createIfMissing: false });
  try {
    // Printed reminders count as delivered once the write is flushed, never while still buffered.
    const consoleDelivery: ReminderDelivery = {
      deliver: (reminder) => writeFlushed(io.stdout, `[to ${reminder.ask.owner.platform}:${reminder.ask.owner.userId}] ${renderReminder(reminder, "askwell asks ")}\n\n`),
    };
    // Chat platforms (plugged in by the entry point, see adapters/cli.ts) deliver to their users when configured.
    const { delivery, platforms }: PlatformDelivery = io.reminderDelivery
      ? await io.reminderDelivery(io.env, consoleDelivery, local)
      : { delivery: consoleDelivery, platforms: LOCAL_PLATFORMS };
    const result = await local.tracker.runDueReminders(now, delivery, { runnerId: newRunnerId(), leaseMs: local.config.reminderLeaseMs, platforms });
    if (!result.ok) return fail(ctx, result.code, result.message, EXIT.failed);
    const { delivered, failed } = result.value;
    io.stdout.write(`${plural(delivered, "reminder")} delivered${failed ? `, ${failed} failed (will retry)` : ""}.\n`);
    return failed ? EXIT.failed : EXIT.ok;
  } finally {
    await local.close();
  }
}

export function defineRemindersCommand(program: Command, state: ProgramState): void {
  const reminders = subcommand(program, "reminders", "reminders", state)
    .summary("deliver due follow-up reminders once and exit: run [--now <ISO-8601>]")
    .description("Follow-up reminders for tracked asks.");
  subcommand(reminders, "run", "reminders run", state)
    .description(
      "Delivers every reminder due at that instant (default: now) exactly once, then exits: console and CLI\nusers' reminders are printed; Slack and Teams users' go to them only when that platform is configured\nhere, and are otherwise left for the chat server. Cron-friendly; several runners may share one database.",
    )
    .addOption(new Option("--now <ISO-8601>", "deliver what is due at this instant instead of now").argParser(parseInstantOption))
    .action(action(state, "reminders run", (ctx, _args, options: { now?: Date }) => run(ctx, options.now ?? new Date())));
}
