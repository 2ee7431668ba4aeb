import type { CliCommand } from "./io";
import { reviewCommand } from "./review-command";
import { asksCommand } from "./asks-command";
import { remindersCommand } from "./reminders-command";

/** Every `askwell` subcommand, in the order `askwell --help` lists them. One entry per command module. */
export const commands: CliCommand[] = [reviewCommand, asksCommand, remindersCommand];
