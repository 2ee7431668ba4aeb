import type { CliCommand, CliIo } from "./io";

/**
 * Every `askwell` subcommand, in the order `askwell --help` lists them. Each module is loaded only
 * when its command runs, so `askwell review` starts without loading storage or chat SDKs.
 */
function lazy(name: string, summary: string, load: () => Promise<CliCommand>): CliCommand {
  return { name, summary, run: async (args: string[], io: CliIo) => (await load()).run(args, io) };
}

export const commands: CliCommand[] = [
  lazy("review", "review a draft ask (argument or stdin); --json, --jsonl for batches", async () => (await import("./review-command.js")).reviewCommand),
  lazy("asks", "track sent asks: add, list, show, followed-up, replied, close, export, forget", async () => (await import("./asks-command.js")).asksCommand),
  lazy("prompts", "render the model's messages per draft: render --jsonl [--system-once] < drafts.jsonl", async () => (await import("./prompts-command.js")).promptsCommand),
  lazy("reminders", "deliver due follow-up reminders once and exit: run [--now <ISO-8601>]", async () => (await import("./reminders-command.js")).remindersCommand),
  lazy("policy", "house rules of the local workspace: show, history, set, disable, enable, phrase add|remove", async () => (await import("./policy-command.js")).policyCommand),
];
